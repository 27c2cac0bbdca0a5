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

    [Fact]
    public void Validate_lists_every_inferred_row_by_file_and_line_with_what_it_rests_on()
    {
        var (exit, stdout, _) = CliRunner.Run("validate", "--data", CliRunner.DataFolder);

        Assert.Equal(0, exit);
        Assert.Matches(@"\d+ inferred rows \(the papers support them but do not state them", stdout);
        Assert.Contains("suffolk/accountability.csv:7  line ctpb reports-to ssp — the Children's Trust is one of the SSP's nine Delivery Partnerships", stdout);
        Assert.Contains("suffolk/memberships.csv:17  seat Tim Mutum on ecg — invited to the 10 March 2009 meeting", stdout);
    }

    [Fact]
    public void Show_marks_inferred_lines_and_seats_and_prints_notes()
    {
        var (exit, stdout, _) = CliRunner.Run("show", "suffolk", "--data", CliRunner.DataFolder);

        Assert.Equal(0, exit);
        Assert.Contains("Suffolk (2009) — current, in force 10 March 2009 (the date of the meeting whose papers show the structure)", stdout);
        Assert.Contains("← reports-to [inferred: the Children's Trust is one of the SSP's nine Delivery Partnerships", stdout);
        Assert.Contains("Tim Mutum — Babergh District Council; district-council (member) [inferred: invited to the 10 March 2009 meeting", stdout);
        Assert.Contains("meets 4×/year] [about 4 meetings a year in the meetings pattern", stdout);
    }
}
