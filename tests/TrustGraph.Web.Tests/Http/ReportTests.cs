using System.Net;
using AngleSharp.Html.Parser;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Http;

/// <summary>The report page and its downloads, made by the core's writers.</summary>
public sealed class ReportTests : IClassFixture<ReportTests.Factory>
{
    public sealed class Factory : IDisposable
    {
        public ViewerFactory Viewer { get; } = new(TestData.RealPath);
        public void Dispose() => Viewer.Dispose();
    }

    private readonly HttpClient _client;

    public ReportTests(Factory factory) => _client = factory.Viewer.CreateClient();

    [Fact]
    public async Task The_report_page_shows_a_verdict_for_every_requirement_and_each_gap_with_its_remedy()
    {
        var doc = new HtmlParser().ParseDocument(await _client.GetStringAsync("/report/worcestershire/2009"));

        Assert.Contains("Worcestershire: gaps against the statutory guidance", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(TrustGraph.Guidance.Requirements.Statutory.Count, doc.QuerySelectorAll("table.verdicts tbody tr").Length);
        var gaps = doc.QuerySelectorAll("article.gap");
        Assert.Equal(doc.QuerySelectorAll("table.verdicts tbody tr.v-notmet").Length, gaps.Length);
        Assert.NotEmpty(gaps);
        Assert.All(gaps, g => Assert.NotNull(g.QuerySelector(".remedy")));
        Assert.All(gaps, g => Assert.False(string.IsNullOrWhiteSpace(g.QuerySelector(".citation")!.TextContent)));
        var formats = doc.QuerySelectorAll(".downloads [data-format]").Select(a => a.GetAttribute("data-format")).ToList();
        Assert.Equal(["html", "md", "csv", "pdf"], formats);
    }

    [Fact]
    public async Task Without_an_arrangement_the_report_judges_the_current_one_as_the_cli_does()
    {
        var doc = new HtmlParser().ParseDocument(await _client.GetStringAsync("/report/worcestershire"));
        Assert.Contains("2009 (current", doc.QuerySelector(".why")!.TextContent);
    }

    [Fact]
    public async Task The_explorer_links_to_the_report_of_the_arrangement_shown()
    {
        var doc = new HtmlParser().ParseDocument(await _client.GetStringAsync("/authority/worcestershire/proposed-2010"));
        Assert.Equal("report/worcestershire/proposed-2010", doc.QuerySelector("a.report-link")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("md", "text/markdown", "# Worcestershire: gaps against the statutory guidance")]
    [InlineData("csv", "text/csv", "section,authority,arrangement,id,title,status,severity,detail,remedy,citation,bodies,sources")]
    public async Task Markdown_and_csv_download_as_files_written_by_the_core(string format, string type, string start)
    {
        var response = await _client.GetAsync($"/downloads/report?view=worcestershire/2009&format={format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"worcestershire-2009-guidance-report.{format}", response.Content.Headers.ContentDisposition!.FileName);
        Assert.StartsWith(start, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_html_download_is_one_page_with_the_diagrams_inline_and_no_scripts()
    {
        var response = await _client.GetAsync("/downloads/report?view=calderdale/model-2&format=html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Calderdale", doc.QuerySelector("h1")!.TextContent);
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Equal(2, doc.QuerySelectorAll("#diagrams svg").Length);
    }

    [Fact]
    public async Task The_page_and_its_html_download_show_the_same_verdicts_gaps_and_remedies()
    {
        var page = new HtmlParser().ParseDocument(await _client.GetStringAsync("/report/worcestershire/2009"));
        var file = new HtmlParser().ParseDocument(await _client.GetStringAsync("/downloads/report?view=worcestershire/2009&format=html"));

        static List<string> Text(AngleSharp.Dom.IDocument doc, string selector) => doc.QuerySelectorAll(selector).Select(e => e.TextContent).ToList();
        Assert.Equal(Text(file, "table.verdicts tbody tr"), Text(page, "table.verdicts tbody tr"));
        Assert.Equal(Text(file, "#gaps article.gap"), Text(page, "#gaps article.gap"));
        Assert.Equal(Text(file, "#unassessed article"), Text(page, "#unassessed article"));
        Assert.Equal(Text(file, "#analyses table.findings tbody tr"), Text(page, "#analyses table.findings tbody tr"));
        Assert.NotEmpty(Text(page, "#gaps article.gap .remedy"));
    }

    [Theory]
    [InlineData("/downloads/report?view=narnia&format=html", HttpStatusCode.NotFound)]
    [InlineData("/downloads/report?view=york/1066&format=md", HttpStatusCode.NotFound)]
    [InlineData("/downloads/report?view=york&format=docx", HttpStatusCode.BadRequest)]
    public async Task An_unknown_arrangement_or_format_is_refused_with_the_choices(string path, HttpStatusCode status)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains("expected one of", await response.Content.ReadAsStringAsync());
    }
}
