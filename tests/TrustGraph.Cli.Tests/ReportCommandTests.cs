using AngleSharp.Html.Parser;
using TrustGraph.Cli;

namespace TrustGraph.Cli.Tests;

/// <summary>Runs the real <c>trustgraph</c> command in-process on the shipped dataset, as a user would type it.</summary>
internal static class Trustgraph
{
    public static string Data
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "data", "authorities.csv")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
                    return Path.Combine(dir.FullName, "data");
            throw new DirectoryNotFoundException("the repository's data/ folder was not found above " + AppContext.BaseDirectory);
        }
    }

    public static (int Code, string Out, string Error) Run(params string[] args) => RunOn(Data, args);

    public static (int Code, string Out, string Error) RunOn(string data, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run([.. args, "--data", data], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}

public sealed class ReportCommandTests
{
    [Fact]
    public void The_html_report_goes_to_standard_output_by_default()
    {
        var (code, output, error) = Trustgraph.Run("report", "--authority", "calderdale");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var doc = new HtmlParser().ParseDocument(output);
        Assert.Equal("Calderdale", doc.QuerySelector("h1")!.TextContent);
        var diagrams = doc.QuerySelector("#diagrams")!;
        Assert.Equal(2, diagrams.QuerySelectorAll("svg").Length);
        Assert.Contains("Children's Trust Board", diagrams.TextContent);
    }

    [Fact]
    public void The_report_is_written_to_the_file_asked_for_and_the_summary_is_printed()
    {
        var file = Path.Combine(Path.GetTempPath(), $"trustgraph-{Guid.NewGuid():N}", "worcs.md");
        try
        {
            var (code, output, _) = Trustgraph.Run("report", "--authority", "worcestershire", "--arrangement", "proposed-2010", "--format", "md", "--out", file);

            Assert.Equal(0, code);
            Assert.Equal($"Wrote {file} (Worcestershire (proposed-2010): 8 met, 1 not met (1 warning), 3 cannot assess).", output.Trim());
            var md = File.ReadAllText(file);
            Assert.StartsWith("# Worcestershire: gaps against the statutory guidance", md);
            Assert.Contains("| Board meets at least four times a year | Met |  | Children's Trust Board meets 4 times a year. |", md);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Fact]
    public void The_csv_report_lists_every_requirement_verdict()
    {
        var (code, output, _) = Trustgraph.Run("report", "--authority", "suffolk", "--format", "csv");

        Assert.Equal(0, code);
        Assert.StartsWith("section,authority,arrangement,id,title,status,severity,detail,remedy,citation,bodies,sources\n", output);
        Assert.Contains("requirement,suffolk,2009,board-owns-plan,Board owns the Children and Young People's Plan,Not met,warning,", output);
    }

    [Theory]
    [InlineData(new[] { "report", "--authority", "narnia" }, "no authority 'narnia'; expected one of: calderdale, suffolk, york, worcestershire, anyplace")]
    [InlineData(new[] { "report", "--authority", "york", "--arrangement", "2012" }, "York has no arrangement '2012'; expected one of: current")]
    [InlineData(new[] { "report", "--authority", "york", "--format", "pdf" }, "--format pdf needs --out FILE")]
    [InlineData(new[] { "compare", "york" }, "compare needs at least two authorities")]
    [InlineData(new[] { "compare", "york,narnia" }, "no authority 'narnia'")]
    [InlineData(new[] { "compare", "york,worcestershire:2012" }, "Worcestershire has no arrangement '2012'; expected one of: 2009, proposed-2010")]
    public void Bad_input_exits_2_and_says_what_was_expected(string[] args, string message)
    {
        var (code, output, error) = Trustgraph.Run(args);

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Compare_in_Markdown_names_the_arrangement_chosen_for_each_authority()
    {
        var (code, output, _) = Trustgraph.Run("compare", "calderdale,suffolk,york,worcestershire:proposed-2010,anyplace", "--format", "md");

        Assert.Equal(0, code);
        Assert.Contains("- **Worcestershire:** arrangement proposed-2010 (proposed, in force April 2010), as asked; the papers also describe 2009.", output);
        Assert.Contains("| Requirement | Calderdale | Suffolk | York | Worcestershire | Anyplace (reference model) |", output);
        Assert.Contains("| Board meets at least four times a year | Met | Met | Cannot assess | Met | Met |", output);
    }

    [Fact]
    public void Hostile_names_in_the_fixture_dataset_stay_text_in_every_format()
    {
        var hostile = Path.Combine(Path.GetDirectoryName(Trustgraph.Data)!, "tests", "fixtures", "hostile");

        var html = Trustgraph.RunOn(hostile, "report", "--authority", "evil");
        var md = Trustgraph.RunOn(hostile, "report", "--authority", "evil", "--format", "md");

        Assert.Equal(0, html.Code);
        var doc = new HtmlParser().ParseDocument(html.Out);
        Assert.Empty(doc.QuerySelectorAll("script, b, i, img, foreignObject, [onerror], [onload]"));
        var diagrams = doc.QuerySelectorAll("#diagrams svg");
        Assert.Equal(2, diagrams.Length);
        Assert.Equal(2, doc.QuerySelectorAll("svg").Length);
        Assert.Contains("Board </svg><script>alert('board')</script>", diagrams[0].TextContent);
        Assert.Contains("</svg><script>alert(1)</script>", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(0, md.Code);
        Assert.DoesNotContain("<script>", md.Out);
    }

    [Fact]
    public void Analyse_adds_guidance_findings_to_the_json_only_when_asked()
    {
        var plain = Trustgraph.Run("analyse", "--authority", "york", "--format", "json");
        var guided = Trustgraph.Run("analyse", "--authority", "york", "--format", "json", "--guidance");

        Assert.DoesNotContain("\"check\": \"guidance\"", plain.Out);
        Assert.Contains("\"check\": \"guidance\"", guided.Out);
        Assert.Contains("\"board-owns-plan\"", guided.Out);
    }

    [Fact]
    public void Report_judges_the_body_named_with_board()
    {
        var (code, output, _) = Trustgraph.Run("report", "--authority", "worcestershire", "--arrangement", "2009", "--board", "jcb", "--format", "csv");

        Assert.Equal(0, code);
        Assert.Contains("Joint Commissioning Board (JCB) has no seat for Police authority", output);
    }
}
