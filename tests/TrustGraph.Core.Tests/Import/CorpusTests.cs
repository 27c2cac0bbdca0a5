using System.Text;
using TrustGraph.Import;
using TrustGraph.Loading;
using TrustGraph.Storage;

namespace TrustGraph.Core.Tests.Import;

/// <summary>
/// The corpus of membership lists as council officers produce them (<c>tests/fixtures/import/corpus</c>, one case per
/// file, described in its <c>cases.csv</c>). Each is imported into a copy of data/ and committed; the body's rows of
/// memberships.csv must then be, byte for byte, the reviewed lines in <c>&lt;file&gt;.expected.csv</c>, and every other
/// byte of the dataset must be as it was (sources.csv only gains the import's row). A refused file must be refused at
/// the stated file:line:column and change nothing.
/// </summary>
public class CorpusTests
{
    private static readonly DateOnly Day = new(2010, 4, 1);
    private static string Folder => Path.Combine(ImportTestData.RepoRoot, "tests", "fixtures", "import", "corpus");

    public sealed record Case(string File, string Authority, string Body, ImportMode Mode, string Outcome, string Error, string What)
    {
        public override string ToString() => File;
    }

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases()) data.Add(c.File);
        return data;
    }

    private static List<Case> Cases()
    {
        var errors = new List<DatasetError>();
        var table = CsvTable.FromText(File.ReadAllText(Path.Combine(Folder, "cases.csv")), "cases.csv", errors)!;
        Assert.Empty(errors);
        return table.Rows.Select(r => new Case(
            r.Fields[table.IndexOf("file")], r.Fields[table.IndexOf("authority")], r.Fields[table.IndexOf("body")],
            r.Fields[table.IndexOf("mode")] == "merge" ? ImportMode.Merge : ImportMode.Replace,
            r.Fields[table.IndexOf("outcome")], r.Fields[table.IndexOf("error")], r.Fields[table.IndexOf("what")])).ToList();
    }

    [Fact]
    public void The_corpus_has_at_least_twenty_five_officers_lists_and_each_file_is_a_case()
    {
        var cases = Cases();
        Assert.True(cases.Count >= 25, $"{cases.Count} cases");
        var files = Directory.EnumerateFiles(Folder).Select(Path.GetFileName)
            .Where(f => f is not ("cases.csv" or "make-corpus.py") && !f!.EndsWith(".expected.csv")).Order().ToList();
        Assert.Equal(files, cases.Select(c => c.File).Order());
        Assert.All(cases.Where(c => c.Outcome == "ok"), c => Assert.True(File.Exists(Path.Combine(Folder, c.File + ".expected.csv")), $"{c.File} has no expected rows"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_officers_list_is_stored_as_a_reader_of_the_file_would_expect_and_nothing_else_changes(string file)
    {
        var c = Cases().Single(x => x.File == file);
        using var data = new TempDataset();
        var before = ImportTestData.HashAll(data.Dir);
        var membershipsPath = Path.Combine(data.Dir, c.Authority, "memberships.csv");
        var membershipsBefore = File.ReadAllText(membershipsPath);
        var sourcesBefore = File.ReadAllBytes(Path.Combine(data.Dir, "sources.csv"));

        var result = MembershipImport.Plan(data.Load(), data.Dir, c.Authority, c.Body, c.Mode, c.File, File.ReadAllBytes(Path.Combine(Folder, c.File)), Day);

        switch (c.Outcome)
        {
            case "refused":
                Assert.Null(result.Plan);
                Assert.StartsWith(c.Error, result.Errors[0].ToString());
                Assert.Equal(before, ImportTestData.HashAll(data.Dir));
                return;
            case "unchanged":
                Assert.True(result.IsValid, string.Join("\n", result.Errors));
                Assert.False(result.Plan!.HasChanges);
                Assert.False(DatasetStore.Commit(data.Dir, result.Plan, c.What).Snapshot is not null);
                Assert.Equal(before, ImportTestData.HashAll(data.Dir));
                return;
        }

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var commit = DatasetStore.Commit(data.Dir, result.Plan!, c.What);
        Assert.True(commit.Succeeded, string.Join("\n", commit.Errors));

        var after = ImportTestData.HashAll(data.Dir);
        var changed = after.Keys.Where(k => !before.TryGetValue(k, out var h) || h != after[k]).Where(k => !k.StartsWith(".history")).Order().ToList();
        Assert.Equal(new[] { Path.Combine(c.Authority, "memberships.csv"), "sources.csv" }.Order(), changed);
        var sourcesAfter = File.ReadAllBytes(Path.Combine(data.Dir, "sources.csv"));
        Assert.Equal(sourcesBefore, sourcesAfter[..sourcesBefore.Length]);
        Assert.Single(Encoding.UTF8.GetString(sourcesAfter[sourcesBefore.Length..]).Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var membershipsAfter = File.ReadAllText(membershipsPath);
        Assert.Equal(OtherBodies(membershipsBefore, c.Body), OtherBodies(membershipsAfter, c.Body));
        var expected = File.ReadAllText(Path.Combine(Folder, c.File + ".expected.csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected, BodyLines(membershipsAfter, c.Body));
        Assert.True(DatasetLoader.Load(data.Dir).IsValid);
    }

    private static IEnumerable<string> Lines(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1);

    private static List<string> BodyLines(string csv, string body) => Lines(csv).Where(l => l.StartsWith(body + ",", StringComparison.Ordinal)).ToList();

    private static List<string> OtherBodies(string csv, string body) => Lines(csv).Where(l => !l.StartsWith(body + ",", StringComparison.Ordinal)).ToList();
}
