using System.Text.Json;

namespace TrustGraph.Cli.Tests;

public class AnalyseCommandTests
{
    private static readonly string[] AllowedChecks = ["duplicated-membership", "missing-relevant-partner", "accountability-cycle", "lsp-reporting-gap", "guidance"];

    [Fact]
    public void Json_output_follows_the_findings_contract()
    {
        var (exit, stdout, _) = CliRunner.Run("analyse", "--data", CliRunner.DataFolder, "--format", "json");

        Assert.Equal(0, exit);
        using var doc = JsonDocument.Parse(stdout);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        foreach (var f in findings)
        {
            Assert.Equal(JsonValueKind.String, f.GetProperty("authority").ValueKind);
            Assert.Contains(f.GetProperty("arrangement").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
            Assert.Contains(f.GetProperty("check").GetString(), AllowedChecks);
            Assert.Contains(f.GetProperty("severity").GetString(), new[] { "error", "warning", "info" });
            Assert.All(f.GetProperty("subjects").EnumerateArray(), s => Assert.Equal(JsonValueKind.String, s.ValueKind));
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("message").GetString()));
            Assert.NotEmpty(f.GetProperty("sources").EnumerateArray());
        }
        Assert.Contains(findings, f => f.GetProperty("authority").GetString() == "worcestershire"
            && f.GetProperty("subjects").EnumerateArray().Select(s => s.GetString()).SequenceEqual(["Richard Keble", "pab", "jcb"]));
    }

    [Fact]
    public void Authority_and_arrangement_narrow_the_findings()
    {
        var (_, stdout, _) = CliRunner.Run("analyse", "--data", CliRunner.DataFolder, "--format", "json", "--authority", "worcestershire", "--arrangement", "2009");

        using var doc = JsonDocument.Parse(stdout);
        Assert.All(doc.RootElement.GetProperty("findings").EnumerateArray(), f =>
        {
            Assert.Equal("worcestershire", f.GetProperty("authority").GetString());
            Assert.Equal("2009", f.GetProperty("arrangement").GetString());
        });
    }

    [Fact]
    public void Text_output_groups_findings_for_people_and_counts_them()
    {
        var (exit, stdout, _) = CliRunner.Run("analyse", "--data", CliRunner.DataFolder, "--authority", "worcestershire");

        Assert.Equal(0, exit);
        Assert.Contains("Worcestershire — arrangement 2009", stdout);
        Assert.Contains("Duplicated membership", stdout);
        Assert.Contains("WARNING Richard Keble sits on 2 bodies", stdout);
        Assert.Matches(@"\d+ findings: \d+ error, \d+ warning, \d+ info\.", stdout);
        Assert.DoesNotContain("\u001b[", stdout);
    }

    [Theory]
    [InlineData("error", 1)]
    [InlineData("warning", 1)]
    public void Fail_on_exits_1_when_a_finding_is_that_severe(string threshold, int expected)
    {
        Assert.Equal(expected, CliRunner.Run("analyse", "--data", CliRunner.DataFolder, "--fail-on", threshold).Exit);
    }

    [Fact]
    public void Fail_on_error_passes_when_only_warnings_and_info_are_found()
    {
        var (exit, _, _) = CliRunner.Run("analyse", "--data", CliRunner.DataFolder, "--authority", "worcestershire", "--arrangement", "2009", "--fail-on", "error");

        Assert.Equal(0, exit);
    }

    [Fact]
    public void Unknown_authority_exits_2_and_lists_the_known_ones()
    {
        var (exit, stdout, stderr) = CliRunner.Run("analyse", "--data", CliRunner.DataFolder, "--authority", "narnia");

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Contains("no authority 'narnia'", stderr);
        Assert.Contains("calderdale", stderr);
    }

    [Fact]
    public void Bad_option_value_is_a_usage_error_with_exit_2()
    {
        var (exit, _, stderr) = CliRunner.Run("analyse", "--format", "xml");

        Assert.Equal(2, exit);
        Assert.Contains("xml", stderr);
    }

    [Fact]
    public void Invalid_dataset_exits_2_with_every_problem_located_on_stderr()
    {
        var dir = Path.Combine(Path.GetTempPath(), "tg-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyDirectory(CliRunner.DataFolder, dir);
            File.AppendAllText(Path.Combine(dir, "york", "bodies.csv"), "new-group,New Group,committee,strategy,current,,york-cicg-tor\n");
            File.AppendAllText(Path.Combine(dir, "york", "accountability.csv"), "new-group,nowhere,reports-to,york-cicg-tor\n");

            var (exit, stdout, stderr) = CliRunner.Run("analyse", "--data", dir);

            Assert.Equal(2, exit);
            Assert.Empty(stdout);
            Assert.Matches(@"york/bodies\.csv:\d+:3: unknown kind 'committee'", stderr);
            Assert.Matches(@"york/accountability\.csv:\d+:2: body 'nowhere'", stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    internal static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    [Fact]
    public void Board_option_judges_another_body_as_the_Childrens_Trust_Board()
    {
        var (exit, stdout, _) = CliRunner.Run("analyse", "--data", CliRunner.DataFolder, "--authority", "calderdale", "--board", "ice", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Contains("(Judged as the Children's Trust Board: Children's Trust Integrated Commissioning Executive (named with --board).", stdout);
        Assert.Contains("Children's Trust Integrated Commissioning Executive has no seat for Local probation board", stdout);
    }

    [Fact]
    public void Board_option_naming_no_body_of_the_authority_exits_2_and_lists_the_bodies()
    {
        var (exit, _, stderr) = CliRunner.Run("analyse", "--data", CliRunner.DataFolder, "--authority", "york", "--board", "nowhere");

        Assert.Equal(2, exit);
        Assert.Contains("no body 'nowhere' in york; expected one of: yorok-board, icg,", stderr);
    }

    [Fact]
    public void Findings_resting_on_inferred_rows_list_them_in_the_json()
    {
        var (exit, stdout, _) = CliRunner.Run("analyse", "--data", CliRunner.DataFolder, "--authority", "suffolk", "--format", "json");

        Assert.Equal(0, exit);
        Assert.Contains("This rests on 16 inferred seats", stdout);
        Assert.Contains("\"inferred\": [", stdout);
        Assert.Contains("\"file\": \"suffolk/memberships.csv\"", stdout);
    }
}
