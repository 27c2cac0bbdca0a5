using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Microsoft.Playwright;
using TrustGraph.Graph;
using TrustGraph.Loading;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Browser;

/// <summary>
/// tests/fixtures/hostile through every page of the viewer in Chromium: names made of markup, quotes, backticks,
/// template braces, &lt;/svg&gt;, right-to-left overrides, very long strings and spreadsheet formulas must be shown as
/// text, never run. A dialog (alert) or a script element from the data would mean they ran.
/// </summary>
public sealed class HostileTextBrowserTests
{
    private static readonly string Fixture = Path.Combine(Repository.Fixtures, "hostile");

    private static string Shot(string name) => Path.Combine(BrowserSession.ScreenshotFolder, name + ".png");

    /// <summary>Every script element on the page is one of the viewer's own files; none is inline, none came from the data.</summary>
    private static async Task OnlyTheViewersScriptsAsync(IPage page)
    {
        var scripts = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('script')].map(s => s.getAttribute('src') ?? ('inline:' + s.textContent))");
        Assert.All(scripts, src => Assert.Matches("^(_framework/blazor\\.web|Components/Layout/ReconnectModal)[^:]*\\.js$", src));
        Assert.Equal(0, await page.Locator("main script, main img, svg script, svg foreignObject, main iframe, main object").CountAsync());
    }

    [BrowserFact]
    public async Task Hostile_names_are_text_on_every_page_in_the_svg_export_and_in_the_downloaded_report()
    {
        var data = TestData.CopyOf(Fixture);
        var dataset = DatasetLoader.Load(data).Dataset!;
        var structure = dataset.Find("evil")!;
        var graph = GovernanceGraph.For(structure).Single();
        await using var session = await BrowserSession.StartAsync(data);
        var page = await session.OpenAsync("authority/evil");
        var dialogs = new List<string>();
        var errors = new List<string>();
        page.Dialog += async (_, dialog) => { dialogs.Add(dialog.Message); await dialog.DismissAsync(); };
        page.Console += (_, message) => { if (message.Type == "error") errors.Add($"{message.Text} at {message.Location}"); };
        page.PageError += (_, error) => errors.Add(error);
        await page.ReloadAsync();

        await ViewerBrowserTests.WaitForDiagramAsync(page, graph.Title);
        await Assertions.Expect(page.Locator("h1").First).ToHaveTextAsync(structure.Authority.Name);
        foreach (var body in graph.Bodies)
        {
            var title = await page.Locator($".diagram-canvas .tg-node[data-id='{body.Id}'] > title").TextContentAsync();
            Assert.StartsWith(body.Name, title);
            await page.Locator($".diagram-canvas .tg-node[data-id='{body.Id}']").ClickAsync();
            await Assertions.Expect(page.Locator(".body-panel h2")).ToContainTextAsync(body.Name);
        }
        await page.Locator(".diagram-canvas .tg-node[data-id='board']").ClickAsync();
        await Assertions.Expect(page.Locator(".body-panel h2")).ToContainTextAsync(graph.Body("board").Name);
        var members = page.Locator(".body-panel table.members");
        await Assertions.Expect(members).ToContainTextAsync("<script>alert('person')</script>");
        await Assertions.Expect(members).ToContainTextAsync("</svg><script>alert('agency')</script>");
        await Assertions.Expect(members).ToContainTextAsync("=cmd|' /C calc'!A0");
        await Assertions.Expect(page.Locator(".body-panel ul.duties")).ToContainTextAsync("<script>alert('duty')</script>");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("hostile-explorer") });
        await OnlyTheViewersScriptsAsync(page);

        var export = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".diagram-toolbar button:has-text('Export SVG')"));
        var svgFile = Path.Combine(BrowserSession.ScreenshotFolder, "hostile-" + export.SuggestedFilename);
        await export.SaveAsAsync(svgFile);
        var svg = XDocument.Load(svgFile);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Empty(svg.Descendants(ns + "script"));
        Assert.Empty(svg.Descendants().Where(e => e.Name.LocalName == "script" || e.Name.LocalName == "img"));
        Assert.Contains(svg.Descendants(ns + "title"), t => t.Value.StartsWith("Board </svg><script>alert('board')</script>"));
        Assert.Contains(svg.Descendants(ns + "title"), t => t.Value.StartsWith("Exec ' OR 1=1 -- `rm -rf` {{constructor}} \u202eRTL\u202c"));
        Assert.DoesNotContain(svg.Descendants().Attributes(), a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));

        await page.ClickAsync("#tab-onion");
        await ViewerBrowserTests.WaitForDiagramAsync(page, graph.Title, "onion");
        var expectedIds = graph.Bodies.Select(b => b.Id).ToHashSet();
        Assert.Equal(expectedIds, await ViewerBrowserTests.SettledNodeIdsAsync(page, expectedIds));
        await page.ClickAsync("#tab-table");
        await Assertions.Expect(page.Locator(".structure-table tbody tr")).ToHaveCountAsync(graph.Bodies.Count);
        var table = await page.Locator(".structure-table").TextContentAsync();
        Assert.All(graph.Bodies, b => Assert.Contains(b.Name, table));

        await page.FillAsync("#seat-search", "<script>alert('person')</script>");
        await page.ClickAsync("form.search button[type=submit]");
        await Assertions.Expect(page.Locator(".results")).ToContainTextAsync("2 seats");
        await Assertions.Expect(page.Locator(".results")).ToContainTextAsync("match “<script>alert('person')</script>”");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("hostile-table-search") });
        await OnlyTheViewersScriptsAsync(page);

        await page.GotoAsync(new Uri(session.BaseAddress, "compare?a=evil/2009").ToString());
        await ViewerBrowserTests.WaitForDiagramAsync(page, graph.Title);
        Assert.Contains(graph.Title, await page.Locator("table.metrics thead").TextContentAsync());
        await OnlyTheViewersScriptsAsync(page);

        await page.GotoAsync(new Uri(session.BaseAddress, "report/evil").ToString());
        await Assertions.Expect(page.Locator("table.verdicts tbody tr")).ToHaveCountAsync(TrustGraph.Guidance.Requirements.Statutory.Count);
        Assert.Contains(structure.Authority.Name, await page.Locator("h1").TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("hostile-report"), FullPage = true });
        await OnlyTheViewersScriptsAsync(page);

        var report = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".downloads a[data-format=html]"));
        var reportFile = Path.Combine(BrowserSession.ScreenshotFolder, "hostile-" + report.SuggestedFilename);
        await report.SaveAsAsync(reportFile);
        var doc = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(reportFile));
        Assert.Empty(doc.QuerySelectorAll("script, img, iframe, object, b, i"));
        Assert.Equal(structure.Authority.Name, doc.QuerySelector("h1")!.TextContent);
        Assert.DoesNotContain(doc.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        if (doc.QuerySelectorAll("#diagrams svg").Length > 0)
            Assert.Contains(doc.QuerySelectorAll("#diagrams svg title"), t => t.TextContent.StartsWith("Board </svg><script>alert('board')</script>"));

        Assert.Empty(dialogs);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void The_diagram_module_turns_no_data_into_markup_or_code()
    {
        var source = Path.Combine(Repository.Root, "src", "TrustGraph.Web", "wwwroot", "js");
        var files = Directory.EnumerateFiles(source, "*.js").ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (var sink in new[] { "innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "setTimeout('", "setTimeout(\"" })
                Assert.False(text.Contains(sink, StringComparison.Ordinal), $"{Path.GetFileName(file)} uses {sink}");
        }
        Assert.Contains("parseFromString(markup, 'image/svg+xml')", File.ReadAllText(Path.Combine(source, "diagram.js")));
    }
}
