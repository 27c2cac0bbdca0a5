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
