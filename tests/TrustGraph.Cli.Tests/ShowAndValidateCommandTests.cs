namespace TrustGraph.Cli.Tests;

public class ShowAndValidateCommandTests
{
    [Fact]
    public void Validate_reports_what_a_valid_dataset_holds()
    {
        var (exit, stdout, _) = CliRunner.Run("validate", "--data", CliRunner.DataFolder);

        Assert.Equal(0, exit);
        Assert.Matches(@"valid\. 5 authorities, \d+ bodies, \d+ seats", stdout);
    }

    [Fact]
    public void Validate_of_a_missing_folder_exits_2()
    {
        var (exit, _, stderr) = CliRunner.Run("validate", "--data", "/nonexistent/trustgraph");

        Assert.Equal(2, exit);
        Assert.Contains("does not exist", stderr);
    }

    [Fact]
    public void Show_prints_the_tree_with_members_and_vacancies()
    {
        var (exit, stdout, _) = CliRunner.Run("show", "worcestershire", "--data", CliRunner.DataFolder, "--arrangement", "2009");

        Assert.Equal(0, exit);
        Assert.Contains("Worcestershire (2009) — current, in force August 2009", stdout);
        Assert.Contains("Worcestershire Partnership", stdout);
        Assert.Contains("Gail Quinton", stdout);
        Assert.Contains("VACANT — Secondary school heads representative", stdout);
        Assert.True(stdout.IndexOf("Worcestershire Partnership", StringComparison.Ordinal) < stdout.IndexOf("Partnership Advisory Body", StringComparison.Ordinal));
    }
}
