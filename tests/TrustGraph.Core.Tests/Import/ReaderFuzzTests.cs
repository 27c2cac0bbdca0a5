using System.Text;
using TrustGraph.Import;
using TrustGraph.Loading;

namespace TrustGraph.Core.Tests.Import;

/// <summary>
/// Random bytes and mutated real exports through the reader and the planner: each may be rejected, but only with
/// located errors as values — never an exception, never a hang. Seeded, so a failure can be replayed.
/// </summary>
public class ReaderFuzzTests
{
    private static readonly string[] Fixtures =
    [
        "suffolk-board-excel-1252.csv", "york-icg-utf8-bom.csv", "calderdale-board-unicode.txt",
        "anyplace-lag-vacancies.csv", "worcestershire-jcb-quoted.csv", "bad-values.csv", "bad-too-many-fields.csv",
    ];

    private static readonly byte[][] Tokens =
        [.. new[] { "\"", ",", ";", "\t", "\r\n", "\n", "\r", "\"\"", "sep=;\n", "\uFEFF", "Vacancy", "Chair", "Name", "£", "é" }.Select(Encoding.UTF8.GetBytes),
         [0], [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF], [0xA3], [0xE9], [0xC3], [0x81], [0x1A]];

    private static byte[] Mutate(Random random, byte[] source)
    {
        var bytes = new List<byte>(source);
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.InsertRange(at, Tokens[random.Next(Tokens.Length)]); break;
                case 2 when bytes.Count > 0: bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at)); break;
                case 3 when bytes.Count > 0: bytes.RemoveRange(at, bytes.Count - at); break;
                case 4 when bytes.Count > 0:
                    var length = Math.Min(random.Next(1, 200), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default: bytes.Insert(at, (byte)"\",;\t\n\r"[random.Next(6)]); break;
            }
        }
        return bytes.ToArray();
    }

    private static void AssertErrorsAreLocatedValues(string name, MembershipList? list, List<DatasetError> errors)
    {
        Assert.Equal(list is null, errors.Count > 0);
        Assert.All(errors, e =>
        {
            Assert.Equal(name, e.File);
            Assert.True(e.Line >= 0 && e.Column >= 0);
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        });
    }

    [Fact]
    public async Task Random_bytes_and_mutated_exports_are_read_or_rejected_with_errors_never_an_exception()
    {
        var fixtures = Fixtures.Select(ImportTestData.Fixture).ToArray();
        var run = Task.Run(() =>
        {
            var random = new Random(20100401);
            var accepted = 0;
            for (var i = 0; i < 4000; i++)
            {
                var bytes = i % 4 == 0
                    ? Enumerable.Range(0, random.Next(0, 3000)).Select(_ => (byte)random.Next(256)).ToArray()
                    : Mutate(random, fixtures[random.Next(fixtures.Length)]);
                var errors = new List<DatasetError>();
                var list = MembershipListReader.Read($"case-{i}.csv", bytes, errors);
                AssertErrorsAreLocatedValues($"case-{i}.csv", list, errors);
                if (list is not null) accepted++;
            }
            return accepted;
        });

        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(5))) == run;
        Assert.True(finished, "the reader did not finish 4000 cases: it hangs on some input");
        Assert.InRange(await run, 100, 3999);
    }

    [Fact]
    public void Mutated_exports_planned_against_the_real_dataset_give_a_plan_or_errors_never_an_exception()
    {
        using var data = new TempDataset();
        var dataset = data.Load();
        var targets = new[] { ("suffolk", "ctpb"), ("york", "icg"), ("calderdale", "trust-board"), ("anyplace", "lag"), ("worcestershire", "jcb") };
        var random = new Random(20090310);
        var before = ImportTestData.HashAll(data.Dir);

        for (var i = 0; i < 150; i++)
        {
            var f = random.Next(5);
            var bytes = Mutate(random, ImportTestData.Fixture(Fixtures[f]));
            var (authority, body) = targets[f];
            var result = MembershipImport.Plan(dataset, data.Dir, authority, body, i % 2 == 0 ? ImportMode.Replace : ImportMode.Merge, $"case-{i}.csv", bytes);
            Assert.Equal(result.Plan is null, result.Errors.Count > 0);
        }
        Assert.Equal(before, ImportTestData.HashAll(data.Dir));
    }
}
