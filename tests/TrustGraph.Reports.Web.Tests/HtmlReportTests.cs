using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using TrustGraph.Core.Tests.Guidance;
using TrustGraph.Core.Tests.Reports;
using TrustGraph.Guidance;
using TrustGraph.Reports;

namespace TrustGraph.Reports.Web.Tests;

/// <summary>The HTML report and comparison, rendered to one static page from the Razor components the viewer shows live.</summary>
public sealed class HtmlReportTests
{
    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static GuidanceReport Report(string authority, string? arrangement = null)
    {
        var (subject, error) = ChosenArrangement.Pick(ShippedData.Dataset.Find(authority)!, arrangement);
        Assert.Null(error);
        return GuidanceReport.Build(ShippedData.Dataset, subject!, new DateOnly(2026, 1, 31));
    }

    [Fact]
    public void The_report_opens_with_a_summary_of_every_requirement_then_a_section_per_gap_with_citation_evidence_and_remedy()
    {
        var report = Report("calderdale");
        var doc = Parse(HtmlReport.Write(report, [], "the renderer is not available"));

        Assert.Equal("Calderdale", doc.QuerySelector("h1")!.TextContent);
        var rows = doc.QuerySelectorAll("#summary table.verdicts tbody tr");
        Assert.Equal(Requirements.Statutory.Count, rows.Length);
        Assert.Equal(Requirements.Statutory.Select(r => r.Title), rows.Select(r => r.QuerySelector("th")!.TextContent));
        Assert.Contains("Not met", rows[1].TextContent);

        var gaps = doc.QuerySelectorAll("#gaps article.gap");
        Assert.Equal(report.Gaps.Count, gaps.Length);
        foreach (var (gap, verdict) in gaps.Zip(report.Gaps))
        {
            Assert.Equal(verdict.Requirement.Citation, gap.QuerySelector("cite")!.TextContent);
            Assert.Equal("Remedy. " + verdict.Remedy, gap.QuerySelector(".remedy")!.TextContent);
            Assert.Contains("Calderdale Children's Trust Co-operation Arrangements, Model 2", gap.QuerySelector(".evidence")!.TextContent);
        }
        Assert.Equal("gap-board-relevant-partners", gaps[0].Id);
        Assert.NotNull(doc.QuerySelector("a[href='#gap-board-relevant-partners']"));
        Assert.Equal(report.Unassessed.Count, doc.QuerySelectorAll("#unassessed article").Length);
        Assert.Contains("Diagrams are not included (the renderer is not available)", doc.QuerySelector("#diagrams")!.TextContent);
    }

    [Fact]
    public void The_four_analyses_findings_for_the_arrangement_are_included()
    {
        var report = Report("worcestershire");
        var doc = Parse(HtmlReport.Write(report));

        var rows = doc.QuerySelectorAll("#analyses table.findings tbody tr");
        Assert.Equal(report.Findings.Count, rows.Length);
        Assert.Contains(rows, r => r.TextContent.Contains("Richard Keble"));
    }

    [Fact]
    public void The_page_is_self_contained_and_has_a_print_stylesheet()
    {
        var html = HtmlReport.Write(Report("york"));
        var doc = Parse(html);

        Assert.Empty(doc.QuerySelectorAll("script, link[rel=stylesheet], img, iframe"));
        var css = doc.QuerySelector("style")!.TextContent;
        Assert.Contains("@media print", css);
        Assert.Contains("break-inside:avoid", css);
        Assert.Contains("@page", css);
    }

    [Fact]
    public void Names_from_the_data_are_escaped_and_never_become_markup()
    {
        var dataset = HostileData.Load();
        var (subject, _) = ChosenArrangement.Pick(dataset.Find("evil")!);
        var report = GuidanceReport.Build(dataset, subject!);

        var doc = Parse(HtmlReport.Write(report, [], "none \"<script>\""));

        Assert.Empty(doc.QuerySelectorAll("script, img, svg, b"));
        Assert.DoesNotContain(doc.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(HostileData.AuthorityName, doc.QuerySelector("h1")!.TextContent);
        Assert.StartsWith(HostileData.AuthorityName, doc.Title);
        var text = doc.Body!.TextContent;
        Assert.Contains(HostileData.BoardName, text);
        Assert.Contains(HostileData.Person, text);
        Assert.Contains(HostileData.Duty, text);
        Assert.Contains(HostileData.SourceTitle, text);
        Assert.Single(doc.QuerySelectorAll("title"));
        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.Single(doc.QuerySelectorAll("style"));
        Assert.Contains("counter(pages)", doc.QuerySelector("style")!.TextContent);
    }

    [Theory]
    [InlineData("Evil\" ; } body { display:none } @top-left { content: \"x")]
    [InlineData("</style><script>alert(1)</script>")]
    [InlineData("back\\slash \n new line \u202e reversed")]
    public void A_name_in_the_running_header_stays_one_CSS_string(string name)
    {
        var css = HtmlReport.CssString(name);
        Assert.StartsWith("\"", css);
        Assert.EndsWith("\"", css);
        Assert.DoesNotContain('"', css[1..^1]);
        Assert.DoesNotContain('<', css);
        Assert.DoesNotContain('\n', css);
        Assert.DoesNotContain('\u202e', css);
        var unescaped = System.Text.RegularExpressions.Regex.Replace(css[1..^1], "\\\\([0-9A-F]+) ", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        Assert.Equal(name, unescaped);
    }

    [Fact]
    public void A_diagram_is_inlined_as_svg_with_scripts_and_handlers_removed()
    {
        const string svg = "<svg xmlns='http://www.w3.org/2000/svg' onload='x()' viewBox='0 0 10 10'><script>alert(1)</script>"
            + "<text>A &amp; B &lt;/svg&gt;</text><a href='javascript:alert(1)'><text>link</text></a><foreignObject><div>f</div></foreignObject></svg>";

        var doc = Parse(HtmlReport.Write(Report("anyplace"), [new ReportDiagram("Hierarchy <of> bodies", svg)]));

        var figure = doc.QuerySelector("#diagrams figure")!;
        var drawn = figure.QuerySelector("svg")!;
        Assert.Equal("Hierarchy <of> bodies", figure.QuerySelector("figcaption")!.TextContent);
        Assert.Contains("A & B </svg>", drawn.TextContent);
        Assert.Empty(doc.QuerySelectorAll("script, foreignObject"));
        Assert.Null(drawn.GetAttribute("onload"));
        Assert.Null(drawn.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void A_diagram_whose_svg_does_not_parse_is_left_out_with_the_reason()
    {
        var doc = Parse(HtmlReport.Write(Report("anyplace"), [new ReportDiagram("Onion", "<svg><text>Board </svg><script>x()</script>")]));

        Assert.Empty(doc.QuerySelectorAll("svg, script"));
        Assert.Contains("The diagram “Onion” is not included: its SVG is not well-formed", doc.QuerySelector("#diagrams")!.TextContent);
    }

    [Fact]
    public void The_comparison_shows_the_matrix_metrics_partner_coverage_and_what_each_could_copy()
    {
        var comparison = Comparisons.All();
        var doc = Parse(HtmlReport.Write(comparison));

        var header = doc.QuerySelectorAll("#matrix thead th").Select(th => th.TextContent).ToList();
        Assert.Equal(["Requirement", "Calderdale", "Suffolk", "York", "Worcestershire", "Anyplace (reference model)"], header);
        Assert.Equal(Requirements.Statutory.Count, doc.QuerySelectorAll("#matrix tbody tr").Length);
        var chairRow = doc.QuerySelectorAll("#matrix tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Terms of reference name the chair");
        Assert.Equal(["Met", "Cannot assess", "Cannot assess", "Not met Warning", "Met"], chairRow.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Contains("Longest path to the LSP", doc.QuerySelector("#metrics")!.TextContent);
        var police = doc.QuerySelectorAll("#partners tbody tr").Single(r => r.TextContent.StartsWith("Police"));
        Assert.Equal(["Absent", "Present", "Present", "Present", "Present"], police.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Contains("Not met by Worcestershire.", doc.QuerySelector("#copy")!.TextContent);
        Assert.Contains("Arrangement 2009 (current, in force August 2009): the current one; the papers also describe proposed-2010. Judged against the law in force on 1 August 2009.",
            doc.QuerySelectorAll(".cover dd").Select(dd => dd.TextContent));
        Assert.Equal(Metrics.Measures.All.Count, doc.QuerySelectorAll("#metrics dl.definitions dt").Length);
        Assert.All(doc.QuerySelectorAll("#metrics tbody th a"), a => Assert.NotNull(doc.GetElementById(a.GetAttribute("href")![1..])));
        Assert.Contains("Calderdale, from Worcestershire:", doc.QuerySelector("#learn")!.TextContent);
    }

    [Fact]
    public void The_report_keeps_the_date_of_the_law_apart_from_the_day_it_was_prepared()
    {
        var (subject, _) = ChosenArrangement.Pick(ShippedData.Dataset.Find("worcestershire")!, "2009");
        var doc = Parse(HtmlReport.Write(GuidanceReport.Build(ShippedData.Dataset, subject!, new DateOnly(2026, 12, 4))));
        var meta = doc.QuerySelectorAll(".cover dt").Zip(doc.QuerySelectorAll(".cover dd")).ToDictionary(p => p.First.TextContent, p => p.Second.TextContent);
        Assert.Equal("Judged against the law in force on 1 August 2009", meta["Law applied"]);
        Assert.Equal("4 December 2026", meta["Prepared on"]);
    }

    [Fact]
    public void The_report_lists_each_inferred_row_its_findings_rest_on_with_its_note()
    {
        var report = Report("york");
        var first = report.Findings[0] with { Inferred = [new TrustGraph.Analyses.InferredRow("york/memberships.csv", 7, "invitee list taken as the membership")] };
        var second = report.Findings[1] with { Inferred = [new TrustGraph.Analyses.InferredRow("york/memberships.csv", 7, "invitee list taken as the membership")] };
        var withInferred = report with { Findings = [first, second, .. report.Findings.Skip(2)] };

        var doc = Parse(HtmlReport.Write(withInferred));
        var rows = doc.QuerySelectorAll("#analyses table.inferred tbody tr");
        var row = Assert.Single(rows);
        Assert.Equal("york/memberships.csv line 7", row.QuerySelector("td .ref")!.TextContent);
        Assert.Contains("invitee list taken as the membership", row.TextContent);
        Assert.Contains("2 findings", row.TextContent);
        Assert.Contains("1 row of the dataset is a reading", doc.QuerySelector("#analyses")!.TextContent);
        Assert.Contains("`york/memberships.csv line 7`: invitee list taken as the membership", MarkdownReport.Write(withInferred));

        Assert.Contains("None: every row the findings rest on is stated", Parse(HtmlReport.Write(report)).QuerySelector("#analyses")!.TextContent);
    }
}
