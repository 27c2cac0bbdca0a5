using Microsoft.Playwright;
using TrustGraph.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TrustGraph.Web.Tests.Browser;

/// <summary>The viewer in Chromium on datasets made for one point each: markup in names, a cycle, a large authority.</summary>
public sealed class SpecialDatasetBrowserTests(ITestOutputHelper output)
{
    private static bool Runnable => File.Exists(BrowserFactAttribute.ChromiumPath) || Environment.GetEnvironmentVariable("TRUSTGRAPH_REQUIRE_BROWSER") == "1";

    [BrowserFact]
    public async Task Names_holding_markup_are_shown_as_text_and_never_run()
    {
        await using var session = await BrowserSession.StartAsync(TestData.WriteHostile());
        var page = await session.OpenAsync("authority/evil");
        await ViewerBrowserTests.WaitForDiagramAsync(page, "Evil <b>Borough</b> (2009)");
        await page.Locator(".diagram-canvas .tg-node[data-id='board']").ClickAsync();
        await Assertions.Expect(page.Locator(".body-panel h2")).ToContainTextAsync(TestData.HostileBody);
        await Assertions.Expect(page.Locator(".body-panel table.members")).ToContainTextAsync(TestData.HostilePerson);
        var title = await page.Locator(".diagram-canvas .tg-node[data-id='board'] > title").TextContentAsync();
        Assert.StartsWith(TestData.HostileBody, title);
        Assert.Contains("<script>", await page.Locator(".diagram-canvas .tg-node[data-id='board'] .tg-label").TextContentAsync());
        Assert.Equal(0, await page.Locator(".diagram-canvas script, .diagram-canvas img, .body-panel img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "hostile-names.png") });
    }

    [BrowserFact]
    public async Task The_cycle_overlay_draws_the_cycle_lines_in_red_and_can_be_turned_off()
    {
        await using var session = await BrowserSession.StartAsync(TestData.WriteCycle());
        var page = await session.OpenAsync("authority/loop");
        await ViewerBrowserTests.WaitForDiagramAsync(page, "Loopshire");
        var cycleEdges = page.Locator(".diagram-canvas .tg-edge.ov-accountability-cycle .tg-edge-path");
        Assert.Equal(3, await cycleEdges.CountAsync());
        async Task<string> Stroke() => await cycleEdges.First.EvaluateAsync<string>("e => getComputedStyle(e).stroke");
        Assert.Equal("rgb(212, 53, 28)", await Stroke());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "cycle-overlay-on.png") });

        await page.Locator("#overlay-accountability-cycle").UncheckAsync();
        await Assertions.Expect(page.Locator(".diagram-canvas svg.show-accountability-cycle")).ToHaveCountAsync(0);
        Assert.NotEqual("rgb(212, 53, 28)", await Stroke());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "cycle-overlay-off.png") });
    }

    [BrowserFact]
    public async Task A_hierarchy_of_over_two_hundred_bodies_is_laid_out_and_drawn_and_the_time_reported()
    {
        await using var session = await BrowserSession.StartAsync(TestData.WriteLarge(220));
        var page = await session.OpenAsync("authority/large");
        await ViewerBrowserTests.WaitForDiagramAsync(page, "Large Area");
        Assert.Equal(220, await page.Locator(".diagram-canvas .tg-node.tg-body").CountAsync());
        async Task<double> RenderMs() =>
            double.Parse((await page.Locator(".diagram-canvas").GetAttributeAsync("data-render-ms"))!, System.Globalization.CultureInfo.InvariantCulture);
        var times = new List<double> { await RenderMs() };
        var onion = new List<double>();
        for (var i = 0; i < 2; i++)
        {
            await page.ClickAsync("#tab-onion");
            await ViewerBrowserTests.WaitForDiagramAsync(page, "Large Area", "onion");
            onion.Add(await RenderMs());
            await page.ClickAsync("#tab-hierarchy");
            await ViewerBrowserTests.WaitForDiagramAsync(page, "Large Area");
            times.Add(await RenderMs());
        }
        var line = $"hierarchy of 220 bodies, MSAGL layout + SVG drawing in Chromium, ms: {string.Join(", ", times.Select(t => t.ToString("0")))} (its onion: {string.Join(", ", onion.Select(t => t.ToString("0")))})";
        output.WriteLine(line);
        await File.AppendAllTextAsync(Path.Combine(BrowserSession.ScreenshotFolder, "timings.txt"), line + Environment.NewLine);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserSession.ScreenshotFolder, "large-hierarchy.png") });
    }
}
