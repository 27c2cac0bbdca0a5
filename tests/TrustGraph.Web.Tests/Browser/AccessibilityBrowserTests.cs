using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using TrustGraph.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TrustGraph.Web.Tests.Browser;

/// <summary>
/// Every page as a keyboard and screen-reader user meets it: axe-core (Deque.AxeCore.Playwright, run inside Chromium)
/// finds no serious or critical violation; the skip links lead to the diagram's bodies in a few Tab presses; a search
/// follows the person across authorities. The axe results per page go to <c>screenshots/axe-results.txt</c>.
/// </summary>
public sealed class AccessibilityBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private BrowserSession? _session;
    private BrowserSession Session => _session!;

    public async Task InitializeAsync()
    {
        if (File.Exists(BrowserFactAttribute.ChromiumPath) || Environment.GetEnvironmentVariable("TRUSTGRAPH_REQUIRE_BROWSER") == "1")
            _session = await BrowserSession.StartAsync(TestData.CopyOf(), ViewerFactory.WithAdmin());
    }

    public async Task DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
    }

    private static string Shot(string name) => Path.Combine(BrowserSession.ScreenshotFolder, name + ".png");

    /// <summary>Waits for what a person would wait for on each page: the diagram drawn, the interactive page ready.</summary>
    private static async Task ReadyAsync(IPage page, string path)
    {
        if (path == "" || path.StartsWith("authority/", StringComparison.Ordinal) || path.StartsWith("compare", StringComparison.Ordinal))
            await page.Locator(".diagram-canvas svg .tg-node.tg-body").First.WaitForAsync();
        else if (path.StartsWith("report/", StringComparison.Ordinal))
            await page.Locator(".report-page[data-interactive=true]").WaitForAsync();
        else
            await page.Locator("h1").First.WaitForAsync();
    }

    private static bool InDiagram(string html, string? target) =>
        html.Contains("tg-node", StringComparison.Ordinal) || html.Contains("tg-diagram", StringComparison.Ordinal) || (target?.Contains("tgd", StringComparison.Ordinal) ?? false);

    public static readonly TheoryData<string> Pages = new()
    {
        "",
        "authority/york",
        "authority/worcestershire/2009",
        "authority/calderdale",
        "compare?a=worcestershire/2009&a=calderdale&a=york/current&a=suffolk/2009",
        "report/worcestershire/2009",
        "report/york",
        "import",
        "sign-in",
        "no-such-page",
    };

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task Axe_finds_no_serious_or_critical_violation_on_the_page(string path)
    {
        var page = await Session.OpenAsync(path, 1440, 900);
        await ReadyAsync(page, path);
        if (path.StartsWith("authority/worcestershire", StringComparison.Ordinal))
        {
            // The body panel, filled, is part of the page too.
            await page.Locator(".diagram-canvas .tg-node[data-id='pab']").ClickAsync();
            await Assertions.Expect(page.Locator(".body-panel h2")).ToContainTextAsync("Partnership Advisory Body");
        }

        var results = await page.RunAxe();
        var inDiagram = results.Violations.Where(v => v.Impact is "serious" or "critical").Sum(v => v.Nodes.Count(n => InDiagram(n.Html, n.Target?.ToString())));
        var all = results.Violations.Select(v => $"{v.Id} ({v.Impact}) ×{v.Nodes.Length}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        var line = $"/{path}: {results.Violations.Length} violation rules ({string.Join(", ", results.Violations.Select(v => $"{v.Id} {v.Impact} ×{v.Nodes.Length}"))}); {results.Passes.Length} rules passed; serious or critical nodes inside the diagram drawing: {inDiagram}, outside it: {results.Violations.Where(v => v.Impact is "serious" or "critical").Sum(v => v.Nodes.Count(n => !InDiagram(n.Html, n.Target?.ToString())))}";
        output.WriteLine(line);
        foreach (var v in all) output.WriteLine("  " + v);
        lock (Pages) File.AppendAllText(Path.Combine(BrowserSession.ScreenshotFolder, "axe-results.txt"), line + Environment.NewLine);

        // The drawing is ours too (the C# renderer): nothing serious or critical anywhere on the page, inside it or around it.
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"/{path}: " + string.Join(Environment.NewLine, serious.Select(v => $"{v.Id} ({v.Impact}): {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
    }

    [BrowserFact]
    public async Task From_the_top_of_the_explorer_a_few_Tab_presses_reach_the_first_body()
    {
        var page = await Session.OpenAsync("authority/suffolk", 1440, 900);
        await ReadyAsync(page, "authority/suffolk");

        // Blazor puts the focus on the heading after a navigation, and the explorer's skip link follows it; from the
        // very top of the document, the layout's "Skip to main content" comes first.
        var tabs = 0;
        do
        {
            await page.Keyboard.PressAsync("Tab");
            tabs++;
        } while (tabs < 3 && await page.EvaluateAsync<string?>("() => document.activeElement?.textContent") != "Skip to the diagram");
        await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to the diagram");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#diagram")).ToBeFocusedAsync();
        Assert.EndsWith("/authority/suffolk", new Uri(page.Url).AbsolutePath);

        for (var limit = tabs + 12; tabs < limit; tabs++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("() => document.activeElement?.matches('.tg-node.tg-body') ?? false")) break;
        }
        tabs++;
        var line = $"Tab presses from the top of the explorer to the first body: {tabs} (and one Enter)";
        output.WriteLine(line);
        await File.AppendAllTextAsync(Path.Combine(BrowserSession.ScreenshotFolder, "keyboard.txt"), line + Environment.NewLine);
        // 1 or 2 to the skip link, then the diagram's toolbar (5 buttons today), its canvas, and the first body.
        Assert.True(tabs <= 9, $"the first body took {tabs} Tab presses");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".body-panel h2")).Not.ToHaveTextAsync("Select a body");
    }

    [BrowserFact]
    public async Task The_skip_link_moves_the_focus_into_the_main_content()
    {
        var page = await Session.OpenAsync("compare?a=suffolk/2009&a=york/current", 1440, 900);
        await ReadyAsync(page, "compare");
        await page.Locator(".skip").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
        Assert.Equal("/compare", new Uri(page.Url).AbsolutePath);
    }

    [BrowserFact]
    public async Task A_search_is_kept_when_switching_to_an_authority_where_the_agency_also_sits()
    {
        var page = await Session.OpenAsync("authority/worcestershire/2009", 1440, 900);
        await ReadyAsync(page, "authority/worcestershire/2009");
        await page.FillAsync("#seat-search", "Police");
        await page.ClickAsync("form.search button[type=submit]");
        await Assertions.Expect(page.Locator(".results")).ToContainTextAsync(new Regex("match(es)? “Police”"));

        await page.SelectOptionAsync("#authority", "calderdale");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/authority/calderdale(/[^?]+)?\\?q=Police$"));
        await Assertions.Expect(page.Locator("#seat-search")).ToHaveValueAsync("Police");
        await Assertions.Expect(page.Locator(".results")).ToContainTextAsync(new Regex("match(es)? “Police”"));
        await ViewerBrowserTests.WaitForDiagramAsync(page, "Calderdale (model-2)");
        await Assertions.Expect(page.Locator(".diagram-canvas .tg-node.tg-hl").First).ToBeAttachedAsync();

        // Worcestershire's 2010 proposal gives the Police no seat: the search is not carried there.
        await page.SelectOptionAsync("#authority", "worcestershire");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/authority/worcestershire(/[^?]+)?\\?q=Police$"));
        await ViewerBrowserTests.WaitForDiagramAsync(page, "Worcestershire (2009)");
        await page.SelectOptionAsync("#arrangement", "proposed-2010");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/authority/worcestershire/proposed-2010$"));
        await Assertions.Expect(page.Locator(".results")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task The_compare_page_counts_bodies_cut_off_as_the_diagrams_tag_them_and_says_what_each_could_learn()
    {
        var page = await Session.OpenAsync("compare?a=worcestershire/2009&a=calderdale&a=york/current", 1440, 900);
        await ViewerBrowserTests.WaitForDiagramAsync(page, "York (current)");
        var york = TestData.Graph("york", "current");
        var reach = page.Locator("table.metrics tr[data-measure=reach-lsp] td").Nth(2);
        await Assertions.Expect(reach).ToHaveTextAsync(new Regex("^No LSP recorded \\(0 of \\d+\\)$"));

        var definition = page.Locator("table.metrics tr[data-measure=reach-lsp] details");
        await definition.Locator("summary").ClickAsync();
        await Assertions.Expect(definition.Locator("p")).ToBeVisibleAsync();
        await Assertions.Expect(definition.Locator("p")).ToContainTextAsync("Local Strategic Partnership");

        await Assertions.Expect(page.Locator("section.lessons li[data-measure=partner-coverage][data-learner='Calderdale (model-2)']"))
            .ToContainTextAsync("Worcestershire (2009) seats every relevant partner but the Strategic Health Authority");
        Assert.Equal(york.Bodies.Count, await page.Locator(".cell").Nth(2).Locator(".diagram-canvas svg .tg-node.tg-body").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("compare-1440"), FullPage = true });
        await page.Locator("table.metrics").ScreenshotAsync(new LocatorScreenshotOptions { Path = Shot("compare-metrics") });
        await page.Locator("section.lessons").ScreenshotAsync(new LocatorScreenshotOptions { Path = Shot("compare-lessons") });
    }

    [BrowserFact]
    public async Task The_findings_list_names_bodies_and_offers_at_most_six_to_show()
    {
        var page = await Session.OpenAsync("authority/calderdale", 1440, 900);
        await ReadyAsync(page, "authority/calderdale");
        var buttons = await page.Locator(".findings-list li.finding").EvaluateAllAsync<int[]>("els => els.map(li => li.querySelectorAll('button').length)");
        Assert.All(buttons, n => Assert.InRange(n, 0, 6));
        var labels = await page.Locator(".findings-list button").AllTextContentsAsync();
        Assert.NotEmpty(labels);
        var ids = TestData.Graph("calderdale", "model-2").Bodies.Select(b => b.Id).ToHashSet();
        Assert.All(labels, l => Assert.DoesNotContain(l["Show ".Length..].Trim(), ids));
        await Assertions.Expect(page.Locator(".toggles label[for=overlay-lsp-reporting-gap] .n")).ToHaveTextAsync(new Regex("^\\d+ findings?, \\d+ bod(y|ies)$"));
    }
}
