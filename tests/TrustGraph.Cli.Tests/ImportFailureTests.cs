using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using TrustGraph.Loading;

namespace TrustGraph.Cli.Tests;

/// <summary>
/// What a person sees when an import goes wrong in the ways real use makes it go wrong: a process killed at each step of
/// its commit or undo, two imports started at once, a file of a million rows. Real trustgraph processes are run.
/// </summary>
public sealed class ImportFailureTests : IDisposable
{
    private static readonly string CliDll = typeof(CliApp).Assembly.Location;
    private readonly string _work = Path.Combine(Path.GetTempPath(), "tg-fail-" + Guid.NewGuid().ToString("N"));

    public ImportFailureTests() => Directory.CreateDirectory(_work);

    public void Dispose()
    {
        try { Directory.Delete(_work, recursive: true); }
        catch (IOException) { }
    }

    private string List(string name, string text)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private string Copy(string name)
    {
        var dir = Path.Combine(_work, name);
        AnalyseCommandTests.CopyDirectory(CliRunner.DataFolder, dir);
        return dir;
    }

    private const string Board = "Name,Job title,Organisation,Role\nAnn Example,Director of Children's Services,Suffolk County Council,Chair\nBen Example,Chief Superintendent,Suffolk Constabulary,Member\n";

    [Theory]
    [InlineData("commit:journal-written")]
    [InlineData("commit:file-1-written")]
    [InlineData("commit:file-2-written")]
    public void An_import_killed_at_any_step_of_its_commit_is_rolled_back_by_the_next_command_and_history_does_not_show_it(string point)
    {
        var list = List("board.csv", Board);
        var data = Copy("data");
        var before = Hashes(data);

        var (killed, _, _) = Run("import", list, "--authority", "suffolk", "--body", "ctpb", "--data", data, ("TRUSTGRAPH_FAULT_AT", point));
        Assert.NotEqual(0, killed);
        var (exit, stdout, stderr) = Run("history", "--data", data);

        Assert.Equal(0, exit);
        Assert.Contains("did not finish", stderr);
        Assert.Contains("No history", stdout);
        Assert.Equal(before, Hashes(data));
        Assert.Empty(Leftovers(data));
    }

    [Theory]
    [InlineData("undo:journal-written", false)]
    [InlineData("undo:file-1-written", false)]
    [InlineData("undo:file-2-written", false)]
    [InlineData("undo:snapshot-moved", true)]
    public void An_undo_killed_at_any_step_leaves_the_import_in_place_or_undone_never_half(string point, bool undone)
    {
        var list = List("board.csv", Board);
        var data = Copy("data");
        var original = Hashes(data);
        Assert.Equal(0, Run("import", list, "--authority", "suffolk", "--body", "ctpb", "--data", data).Exit);
        var imported = Hashes(data);

        Run("undo", "--data", data, ("TRUSTGRAPH_FAULT_AT", point));
        var (exit, stdout, _) = Run("history", "--data", data);

        Assert.Equal(0, exit);
        Assert.Equal(undone ? original : imported, Hashes(data));
        Assert.Equal(undone, stdout.Contains("No history"));
        Assert.Empty(Leftovers(data));
        Assert.Equal(0, Run(undone ? "analyse" : "undo", "--data", data).Exit);
    }

    [Fact]
    public void Two_imports_started_together_never_crash_the_loser_refuses_and_the_dataset_is_one_of_them()
    {
        var first = List("first.csv", Board);
        var second = List("second.csv", "Name,Job title,Organisation,Role\nCara Example,Head of Youth Offending,Suffolk YOS,Member\n");
        var outcomes = new List<string>();
        for (var round = 0; round < 6; round++)
        {
            var data = Copy($"together-{round}");
            var a = Start("import", first, "--authority", "suffolk", "--body", "ctpb", "--data", data);
            Thread.Sleep(round * 40);
            var b = Start("import", second, "--authority", "suffolk", "--body", "ctpb", "--data", data);
            var results = new[] { Finish(a), Finish(b) };

            foreach (var (exit, _, stderr) in results)
            {
                Assert.True(exit is 0 or 2, $"an import exited {exit}: {stderr}");
                if (exit == 2) Assert.Contains("the dataset changed while this import was being planned; run it again", stderr);
                Assert.DoesNotContain("bug", stderr);
            }
            Assert.True(DatasetLoader.Load(data).IsValid);
            var people = File.ReadAllText(Path.Combine(data, "suffolk", "memberships.csv"));
            var committed = results.Count(r => r.Exit == 0);
            var history = Run("history", "--data", data).Out;
            Assert.Equal(committed, history.Split('\n').Count(l => l.Contains("import ")));
            Assert.True(people.Contains("Ann Example") || people.Contains("Cara Example"));
            outcomes.Add(string.Join("/", results.Select(r => r.Exit)));
        }
        Assert.Contains(outcomes, o => o.Contains('0'));
    }

    [Fact]
    public void A_file_of_a_million_rows_is_refused_quickly_naming_the_limit_and_nothing_is_written()
    {
        var sb = new StringBuilder("Name\n", 9_000_000);
        for (var i = 0; i < 1_000_000; i++) sb.Append("Someone\n");
        var list = List("million.csv", sb.ToString());
        var data = Copy("data");
        var before = Hashes(data);

        var clock = Stopwatch.StartNew();
        var (exit, _, stderr) = Run("import", list, "--authority", "suffolk", "--body", "ctpb", "--data", data);
        clock.Stop();

        Assert.Equal(2, exit);
        Assert.Contains("million.csv:5002: the file has more than 5,000 rows of members", stderr);
        Assert.Equal(before, Hashes(data));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public void The_row_limit_comes_from_configuration()
    {
        var list = List("board.csv", Board);
        var data = Copy("data");

        var (exit, _, stderr) = Run("import", list, "--authority", "suffolk", "--body", "ctpb", "--data", data, "--dry-run", ("TRUSTGRAPH_IMPORT_MAX_ROWS", "1"));
        var (allowed, _, _) = Run("import", list, "--authority", "suffolk", "--body", "ctpb", "--data", data, "--dry-run", ("TRUSTGRAPH_IMPORT_MAX_ROWS", "2"));

        Assert.Equal((2, 0), (exit, allowed));
        Assert.Contains("more than 1 rows of members", stderr);
    }

    private static IEnumerable<string> Leftovers(string data) =>
        Directory.EnumerateFileSystemEntries(data, "*.tmp-*", SearchOption.AllDirectories)
            .Concat(Directory.Exists(Path.Combine(data, ".history"))
                ? Directory.EnumerateDirectories(Path.Combine(data, ".history")).Where(d => Path.GetFileName(d) is var n && (n.StartsWith(".staging-") || n.StartsWith(".pending-")))
                : []);

    private static SortedDictionary<string, string> Hashes(string dir)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dir, "*.csv", SearchOption.AllDirectories).Where(f => !Path.GetRelativePath(dir, f).StartsWith('.')))
            result[Path.GetRelativePath(dir, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        return result;
    }

    private static (int Exit, string Out, string Err) Run(params object[] args) => Finish(Start(args));

    private static Process Start(params object[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(CliDll);
        foreach (var arg in args)
        {
            if (arg is (string name, string value)) info.Environment[name] = value;
            else info.ArgumentList.Add((string)arg);
        }
        info.Environment["NO_COLOR"] = "1";
        return Process.Start(info)!;
    }

    private static (int Exit, string Out, string Err) Finish(Process process)
    {
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "trustgraph did not finish in two minutes");
            return (process.ExitCode, stdout.Result, stderr.Result);
        }
    }
}
