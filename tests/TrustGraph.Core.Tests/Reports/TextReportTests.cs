using AngleSharp.Html.Parser;
using CsvHelper;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using TrustGraph.Core.Tests.Guidance;
using TrustGraph.Guidance;
using TrustGraph.Reports;

namespace TrustGraph.Core.Tests.Reports;

public sealed class TextReportTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    private static GuidanceReport HostileReport()
    {
        var dataset = HostileData.Load();
        return GuidanceReport.Build(dataset, ChosenArrangement.Pick(dataset.Find("evil")!).Choice!);
    }

    private static List<string[]> Rows(string csv)
    {
        using var reader = CsvReader.FromText(csv, new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.GetString(i) ?? "";
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public void The_comparison_in_Markdown_has_the_requirement_by_authority_matrix_as_a_table()
    {
        var md = MarkdownReport.Write(Comparisons.All());
        var tables = Markdown.Parse(md, Pipeline).Descendants<Table>().ToList();

        var matrix = tables[0];
        var rows = matrix.OfType<TableRow>().ToList();
        string Cell(TableRow row, int i) => md.Substring(((TableCell)row[i]).Span.Start, ((TableCell)row[i]).Span.Length).Trim();
        Assert.Equal(Requirements.Statutory.Count + 1, rows.Count);
        Assert.Equal("Anyplace (reference model)", Cell(rows[0], 5));
        var partners = rows.Single(r => Cell(r, 0) == "Every relevant partner on the Board");
        Assert.Equal(["Not met", "Not met", "Not met", "Not met", "Cannot assess"], Enumerable.Range(1, 5).Select(i => Cell(partners, i)));
        Assert.Equal(3, tables.Count);
    }

    [Fact]
    public void The_report_in_Markdown_has_the_summary_table_and_a_section_per_gap()
    {
        var report = GuidanceReport.Build(ShippedData.Dataset, ChosenArrangement.Pick(ShippedData.Dataset.Find("suffolk")!).Choice!);
        var md = MarkdownReport.Write(report);
        var doc = Markdown.Parse(md, Pipeline);

        Assert.Equal(Requirements.Statutory.Count + 1, doc.Descendants<Table>().First().OfType<TableRow>().Count());
        var headings = doc.Descendants<HeadingBlock>().Where(h => h.Level == 3).Select(h => md.Substring(h.Span.Start, h.Span.Length)).ToList();
        Assert.Contains("### 2. Board owns the Children and Young People's Plan (warning)", headings);
        Assert.Contains("**Remedy.** Make Suffolk Children's Trust Partnership Board responsible", md);
        Assert.Contains("Suffolk Children's Trust Executive Commissioning Group: agenda and papers for 10 March 2009", md);
    }

    [Fact]
    public void Names_in_Markdown_cannot_become_html_links_headings_or_table_cells()
    {
        var md = MarkdownReport.Write(HostileReport());
        var html = new HtmlParser().ParseDocument(Markdown.ToHtml(md, Pipeline));

        Assert.Empty(html.QuerySelectorAll("script, img, b"));
        Assert.DoesNotContain(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == "http://x");
        Assert.Equal(["Requirement", "Verdict", "Severity", "In one line"], html.QuerySelectorAll("table")[0].QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.All(html.QuerySelectorAll("table")[0].QuerySelectorAll("tbody tr"), tr => Assert.Equal(4, tr.Children.Length));
        Assert.Contains(HostileData.AuthorityName, html.QuerySelector("h1")!.TextContent);
        Assert.Contains(HostileData.Duty, html.Body!.TextContent);
    }

    [Fact]
    public void The_csv_has_a_row_per_requirement_and_per_finding_with_formulas_neutralised()
    {
        var report = HostileReport();
        var rows = Rows(CsvReport.Write(report));

        Assert.Equal(CsvReport.Columns, rows[0]);
        Assert.Equal(Requirements.Statutory.Count, rows.Count(r => r[0] == "requirement"));
        Assert.Equal(report.Findings.Count, rows.Count(r => r[0] == "finding"));
        var escape = new CsvWriterOptions().InjectionEscape;
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@',
            $"a cell starts with a formula character: {cell}"));
        Assert.Contains(rows.SelectMany(r => r), cell => cell == escape + "@SUM(1+1)" || cell.StartsWith(escape + "@SUM(1+1)"));
    }

    [Fact]
    public void The_comparison_csv_has_a_row_per_authority_and_requirement_and_per_metric_and_partner()
    {
        var comparison = Comparisons.All();
        var rows = Rows(CsvReport.Write(comparison));

        Assert.Equal(5 * Requirements.Statutory.Count, rows.Count(r => r[0] == "requirement"));
        Assert.Equal(5 * comparison.MetricRows().Count, rows.Count(r => r[0] == "metric"));
        Assert.Equal(5 * comparison.Partners.Count, rows.Count(r => r[0] == "partner"));
        Assert.Contains(rows, r => r is ["requirement", "calderdale", "model-2", "board-relevant-partners", _, "Not met", "error", ..]);
        Assert.Contains(rows, r => r is ["partner", "calderdale", "model-2", "police", _, "Absent", ..]);
        Assert.Equal(comparison.Practices.Count, rows.Count(r => r[0] == "practice"));
    }
}
