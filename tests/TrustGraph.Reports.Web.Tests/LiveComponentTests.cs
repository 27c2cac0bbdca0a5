using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustGraph.Core.Tests.Guidance;
using TrustGraph.Reports.Web.Components;

namespace TrustGraph.Reports.Web.Tests;

/// <summary>The report's components as the viewer's page uses them, outside the printable document.</summary>
public sealed class LiveComponentTests
{
    private static async Task<AngleSharp.Dom.IDocument> Render<T>(Dictionary<string, object?> parameters) where T : IComponent
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return new HtmlParser().ParseDocument(html);
    }

    private static GuidanceReport Calderdale() =>
        GuidanceReport.Build(ShippedData.Dataset, ChosenArrangement.Pick(ShippedData.Dataset.Find("calderdale")!).Choice!, new DateOnly(2026, 1, 31));

    [Fact]
    public async Task On_the_viewer_s_page_the_summary_links_to_its_own_sections_through_the_page_s_address()
    {
        var report = Calderdale();
        var doc = await Render<VerdictSummary>(new() { [nameof(VerdictSummary.Verdicts)] = report.Verdicts, [nameof(VerdictSummary.AnchorBase)] = "report/calderdale" });

        var links = doc.QuerySelectorAll("table.verdicts tbody th a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(report.Verdicts.Count, links.Count);
        Assert.Contains("report/calderdale#gap-board-relevant-partners", links);
        Assert.Contains("report/calderdale#unassessed-tor-quorum", links);
        Assert.All(links, l => Assert.StartsWith("report/calderdale#", l));
    }

    [Fact]
    public async Task A_gap_shown_alone_carries_its_remedy_citation_and_evidence_as_in_the_file()
    {
        var report = Calderdale();
        var alone = await Render<GapsSection>(new() { [nameof(GapsSection.Report)] = report });
        var file = new HtmlParser().ParseDocument(HtmlReport.Write(report));

        Assert.Equal(report.Gaps.Count, alone.QuerySelectorAll("article.gap").Length);
        Assert.Equal(file.QuerySelector("#gaps")!.OuterHtml, alone.QuerySelector("#gaps")!.OuterHtml);
        Assert.Equal("Remedy. " + report.Gaps[0].Remedy, alone.QuerySelector("article.gap .remedy")!.TextContent);
    }

    [Fact]
    public async Task A_source_id_is_kept_whole_while_its_title_may_wrap()
    {
        var doc = await Render<SourceToken>(new() { [nameof(SourceToken.Text)] = "Calderdale papers (calderdale-model-2#board)", [nameof(SourceToken.Before)] = "; " });

        Assert.Equal("; Calderdale papers (calderdale-model-2#board)", doc.Body!.TextContent);
        Assert.Equal("calderdale-model-2#board", doc.QuerySelector("span.ref")!.TextContent);
    }
}
