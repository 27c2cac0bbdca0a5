using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrustGraph.Graph;
using TrustGraph.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TrustGraph.Web.Tests.Browser;

/// <summary>The viewer as a person uses it, in Chromium, on the repository's dataset.</summary>
public sealed class ViewerBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private BrowserSession? _session;
    private BrowserSession Session => _session!;

    public async Task InitializeAsync()
    {
        if (File.Exists(BrowserFactAttribute.ChromiumPath) || Environment.GetEnvironmentVariable("TRUSTGRAPH_REQUIRE_BROWSER") == "1")
            _session = await BrowserSession.StartAsync(TestData.RealPath);
    }

    public async Task DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
    }

    internal static async Task WaitForDiagramAsync(IPage page, string title, string type = "hierarchy")
    {
        await page.WaitForFunctionAsync(
            "([type, title]) => [...document.querySelectorAll('.diagram-canvas svg.tg-' + type)].some(s => s.querySelector('title')?.textContent === title + ': ' + type)",
            new[] { type, title });
    }

    /// <summary>
    /// The diagram's node ids once they match <paramref name="expected"/>, or what is drawn after 20 s: a diagram may be
    /// redrawn once more after a selection (same content, new element), so one read can catch it between the two.
    /// </summary>
    internal static async Task<HashSet<string>> SettledNodeIdsAsync(IPage page, HashSet<string> expected)
    {
        var ids = await NodeIdsAsync(page);
        for (var attempt = 0; attempt < 100 && !ids.SetEquals(expected); attempt++)
        {
            await Task.Delay(200);
            ids = await NodeIdsAsync(page);
        }
        return ids;
    }

    internal static async Task<HashSet<string>> NodeIdsAsync(IPage page) =>
        (await page.Locator(".diagram-canvas svg .tg-node.tg-body").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.id)")).ToHashSet();

    private static string Shot(string name) => Path.Combine(BrowserSession.ScreenshotFolder, name + ".png");

    [BrowserFact]
    public async Task Every_body_of_every_authority_and_arrangement_appears_as_a_node_in_the_hierarchy()
    {
        var page = await Session.OpenAsync("");
        foreach (var authority in TestData.Real.Authorities)
        {
            // Choosing an authority shows its first arrangement; wait until it is drawn (the page is then interactive again
            // after the navigation), and only then choose another arrangement: a choice made on the prerendered page
            // before the circuit takes it over would be lost.
            var graphs = GovernanceGraph.For(authority);
            await page.SelectOptionAsync("#authority", authority.Id);
            await WaitForDiagramAsync(page, graphs[0].Title);
            foreach (var graph in graphs)
            {
                if (graph != graphs[0]) await page.SelectOptionAsync("#arrangement", graph.ArrangementId!);
                await WaitForDiagramAsync(page, graph.Title);
                await Assertions.Expect(page.Locator(".diagram-canvas svg .tg-node.tg-body")).ToHaveCountAsync(graph.Bodies.Count);
                var expected = graph.Bodies.Select(b => b.Id).ToHashSet();
                Assert.Equal(expected, await SettledNodeIdsAsync(page, expected));
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot($"explorer-{authority.Id}-{graph.ArrangementId}") });
            }
        }
    }

    [BrowserFact]
    public async Task Clicking_a_body_opens_the_panel_with_its_members_and_vacant_seats()
    {
        var page = await Session.OpenAsync("authority/worcestershire/2009");
        await WaitForDiagramAsync(page, "Worcestershire (2009)");
        await page.Locator(".diagram-canvas .tg-node[data-id='pab']").ClickAsync();

        var panel = page.Locator(".body-panel");
        await Assertions.Expect(panel.Locator("h2")).ToContainTextAsync("Partnership Advisory Body (PAB)");
        await Assertions.Expect(panel.Locator("table.members")).ToContainTextAsync("Richard Keble");
        await Assertions.Expect(panel.Locator("table.members")).ToContainTextAsync("Michael Hunter");
        Assert.True(await panel.Locator("tr.vacant .vacant-tag").CountAsync() >= 1, "the PAB's vacant secondary-heads seat is listed as vacant");
        await Assertions.Expect(panel.Locator("ol.sources")).ToContainTextAsync("Children's Trust Arrangements, Edition 4");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("explorer-selected-pab") });
    }

    [BrowserFact]
    public async Task A_body_can_be_chosen_with_the_keyboard()
    {
        var page = await Session.OpenAsync("authority/suffolk");
        await WaitForDiagramAsync(page, "Suffolk (2009)");
        var node = page.Locator(".diagram-canvas .tg-node.tg-body").First;
        var id = await node.GetAttributeAsync("data-id");
        await node.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".body-panel h2")).ToContainTextAsync(TestData.Graph("suffolk", "2009").Body(id!).Name);
    }

    [BrowserFact]
    public async Task Searching_a_person_highlights_every_seat_they_hold()
    {
        var page = await Session.OpenAsync("authority/worcestershire/2009");
        await WaitForDiagramAsync(page, "Worcestershire (2009)");
        await page.FillAsync("#seat-search", "Richard Keble");
        await page.ClickAsync("form.search button[type=submit]");
        await Assertions.Expect(page.Locator(".diagram-canvas svg.tg-highlighting")).ToHaveCountAsync(1);
        var lit = (await page.Locator(".diagram-canvas .tg-node.tg-hl").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.id)")).ToHashSet();
        Assert.Equal(new HashSet<string> { "pab", "jcb" }, lit);
        await Assertions.Expect(page.Locator(".results")).ToContainTextAsync("2 seats");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("explorer-search-richard-keble") });
    }

    [BrowserFact]
    public async Task The_onion_and_the_table_show_the_same_bodies()
    {
        var page = await Session.OpenAsync("authority/worcestershire/proposed-2010");
        await WaitForDiagramAsync(page, "Worcestershire (proposed-2010)");
        await page.ClickAsync("#tab-onion");
        await WaitForDiagramAsync(page, "Worcestershire (proposed-2010)", "onion");
        var graph = TestData.Graph("worcestershire", "proposed-2010");
        var expectedIds = graph.Bodies.Select(b => b.Id).ToHashSet();
        Assert.Equal(expectedIds, await SettledNodeIdsAsync(page, expectedIds));
        Assert.Equal(6, await page.Locator(".diagram-canvas .tg-outcome").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("explorer-onion-worcestershire-proposed-2010") });

        await page.ClickAsync("#tab-table");
        await Assertions.Expect(page.Locator(".structure-table tbody tr")).ToHaveCountAsync(graph.Bodies.Count);
        var rows = await page.Locator(".structure-table tbody tr").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.id)");
        Assert.Equal(graph.Bodies.Select(b => b.Id).ToHashSet(), rows.ToHashSet());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("explorer-table-worcestershire-proposed-2010") });
    }

    [BrowserFact]
    public async Task The_compare_page_shows_the_diagrams_metrics_and_coverage_side_by_side()
    {
        var page = await Session.OpenAsync("compare?a=suffolk/2009&a=worcestershire/2009&a=york/current", 1800, 1200);
        await WaitForDiagramAsync(page, "Suffolk (2009)");
        await WaitForDiagramAsync(page, "Worcestershire (2009)");
        await WaitForDiagramAsync(page, "York (current)");
        var metrics = page.Locator("table.metrics");
        await Assertions.Expect(metrics.Locator("thead")).ToContainTextAsync(new Regex("Suffolk \\(2009\\).*Worcestershire \\(2009\\).*York \\(current\\)"));
        await Assertions.Expect(metrics).ToContainTextAsync("People on two or more bodies");
        Assert.Equal(3, await page.Locator("table.coverage tbody tr").CountAsync());
        Assert.True(await page.Locator("table.coverage td[data-status='present']").CountAsync() > 0);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("compare"), FullPage = true });
    }

    [BrowserFact]
    public async Task Switching_authority_is_measured()
    {
        var page = await Session.OpenAsync("authority/suffolk");
        await WaitForDiagramAsync(page, "Suffolk (2009)");
        var timings = new List<double>();
        foreach (var (id, title) in new[] { ("worcestershire", "Worcestershire (2009)"), ("calderdale", "Calderdale (model-2)"), ("york", "York (current)"), ("suffolk", "Suffolk (2009)") })
        {
            var start = DateTime.UtcNow;
            await page.SelectOptionAsync("#authority", id);
            await WaitForDiagramAsync(page, title);
            timings.Add((DateTime.UtcNow - start).TotalMilliseconds);
        }
        var line = $"authority switch (select → new diagram drawn), ms: {string.Join(", ", timings.Select(t => t.ToString("0")))}; median {timings.Order().ElementAt(timings.Count / 2):0}";
        output.WriteLine(line);
        await File.AppendAllTextAsync(Path.Combine(BrowserSession.ScreenshotFolder, "timings.txt"), line + Environment.NewLine);
    }
}
