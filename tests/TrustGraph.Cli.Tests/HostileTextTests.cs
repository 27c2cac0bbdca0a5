namespace TrustGraph.Cli.Tests;

public class HostileTextTests
{
    private static string HostileFolder => Path.Combine(Path.GetDirectoryName(CliRunner.DataFolder)!, "tests", "fixtures", "hostile");

    [Fact]
    public void Escape_sequences_and_direction_overrides_in_names_never_reach_the_terminal()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tg-hostile-" + Guid.NewGuid().ToString("N"));
        try
        {
            AnalyseCommandTests.CopyDirectory(HostileFolder, dir);
            File.AppendAllText(Path.Combine(dir, "evil", "duties.csv"), "board,\"Clear \u001b[2J screen\",,evil-paper\n");

            var (analyseExit, analyse, _) = CliRunner.Run("analyse", "--data", dir);
            var (showExit, show, _) = CliRunner.Run("show", "evil", "--data", dir);

            Assert.Equal((0, 0), (analyseExit, showExit));
            foreach (var output in new[] { analyse, show })
            {
                Assert.DoesNotContain('\u001b', output);
                Assert.DoesNotContain('\u202e', output);
            }
            Assert.Contains("\\u202ERTL", analyse);
            Assert.Contains("Clear \\u001B[2J screen", show);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

public class FormulaInjectionTests
{
    private static string HostileFolder => Path.Combine(Path.GetDirectoryName(CliRunner.DataFolder)!, "tests", "fixtures", "hostile");

    [Fact]
    public void Exported_membership_lists_cannot_run_formulas_and_still_import_back_unchanged()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tg-formula-" + Guid.NewGuid().ToString("N"));
        try
        {
            AnalyseCommandTests.CopyDirectory(HostileFolder, dir);
            var file = Path.Combine(dir, "board.csv");

            var (exportExit, stdout, _) = CliRunner.Run("export-members", "--authority", "evil", "--body", "board", "--data", dir);
            var (fileExit, _, _) = CliRunner.Run("export-members", "--authority", "evil", "--body", "board", "--data", dir, "--out", file);
            var before = File.ReadAllBytes(Path.Combine(dir, "evil", "memberships.csv"));
            var (importExit, importOut, importErr) = CliRunner.Run("import", file, "--authority", "evil", "--body", "board", "--data", dir);

            Assert.Equal((0, 0), (exportExit, fileExit));
            foreach (var text in new[] { stdout, File.ReadAllText(file) })
            {
                Assert.Contains("'=cmd|' /C calc'!A0", text);
                Assert.Contains("'+Evil Agency", text);
                Assert.DoesNotMatch("(^|,)[=+@-]", text.Replace("\"", ""));
            }
            Assert.True(importExit == 0, importErr);
            Assert.Equal(before, File.ReadAllBytes(Path.Combine(dir, "evil", "memberships.csv")));
            Assert.Contains("nothing to change", importOut, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
