using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using TrustGraph.Analyses;
using TrustGraph.Diagrams;
using TrustGraph.Graph;
using TrustGraph.Reports;
using TrustGraph.Web.Tests.Browser;
using TrustGraph.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace TrustGraph.Web.Tests.Diagrams;

/// <summary>
/// The diagrams as a reader sees them in Chromium: at the viewer's default fit in a 1440×900 window every body's name
/// is at least 10 px tall on screen, in both diagrams of every shipped arrangement, and no text runs out of its box; in
/// the printed report every body's name is at least 7 pt. Sizes are the name's font size times the drawing's scale on
/// screen (the em box, a little smaller than the glyphs' box Chromium reports), so they understate rather than flatter.
/// </summary>
public sealed class DiagramLegibilityBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private BrowserSession? _session;

    public async Task InitializeAsync()
    {
        if (File.Exists(BrowserFactAttribute.ChromiumPath) || Environment.GetEnvironmentVariable("TRUSTGRAPH_REQUIRE_BROWSER") == "1")
            _session = await BrowserSession.StartAsync(TestData.RealPath);
    }

    public async Task DisposeAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
    }

    private sealed record Sizes(double Smallest, double SmallestBox, string Id, int Bodies, string[] Overflows);

    /// <summary>Each body name's font size on screen (px), the smallest glyph box Chromium reports, and any line that leaves its box.</summary>
    private const string MeasureScript = """
        root => {
          const svg = root.querySelector('svg');
          const k = svg.getScreenCTM().a;
          let smallest = Infinity, box = Infinity, id = '', overflows = [];
          const bodies = [...svg.querySelectorAll('.tg-node.tg-body')];
          for (const node of bodies) {
            const label = node.querySelector('.tg-label');
            const px = parseFloat(label.getAttribute('font-size')) * k;
            if (px < smallest) { smallest = px; id = node.dataset.id; }
            const frame = node.querySelector('.tg-frame').getBoundingClientRect();
            for (const t of node.querySelectorAll('text tspan, text:not(:has(tspan))')) {
              const r = t.getBoundingClientRect();
              if (t.closest('.tg-label')) box = Math.min(box, r.height);
              if (r.width > 0 && (r.left < frame.left - 0.5 || r.right > frame.right + 0.5 || r.top < frame.top - 0.5 || r.bottom > frame.bottom + 0.5))
                overflows.push(node.dataset.id + ': ' + t.textContent);
            }
          }
          return { smallest, smallestBox: box, id, bodies: bodies.length, overflows };
        }
        """;

    private static async Task<Sizes> MeasureAsync(ILocator host) =>
        JsonSerializer.Deserialize<Sizes>((await host.EvaluateAsync(MeasureScript)).ToString()!, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    [BrowserFact]
    public async Task Every_body_name_is_at_least_10_px_tall_at_the_viewers_default_fit_in_a_1440_by_900_window()
    {
        var lines = new List<string>();
        var failures = new List<string>();
        foreach (var graph in GovernanceGraph.For(TestData.Real))
        {
            var page = await _session!.OpenAsync($"authority/{graph.Authority.Id}/{graph.ArrangementId}", 1440, 900);
            await page.Locator(".diagram svg.tg-hierarchy").First.WaitForAsync();
            var firstDrawnMs = await page.EvaluateAsync<double>("performance.now()");
            await ViewerBrowserTests.WaitForDiagramAsync(page, graph.Title);
            var interactiveMs = await page.EvaluateAsync<double>("performance.now()");
            var hierarchy = await MeasureAsync(page.Locator(".diagram-canvas"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot($"legibility-{graph.Authority.Id}-{graph.ArrangementId}-hierarchy") });
            await page.ClickAsync("#tab-onion");
            await ViewerBrowserTests.WaitForDiagramAsync(page, graph.Title, "onion");
            var onion = await MeasureAsync(page.Locator(".diagram-canvas"));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot($"legibility-{graph.Authority.Id}-{graph.ArrangementId}-onion"), FullPage = true });
            await page.CloseAsync();

            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{graph.Title}: hierarchy smallest name {hierarchy.Smallest:0.0} px (glyph box {hierarchy.SmallestBox:0.0} px, {hierarchy.Id}); onion {onion.Smallest:0.0} px (glyph box {onion.SmallestBox:0.0} px, {onion.Id}); first diagram shown {firstDrawnMs:0} ms after navigation, interactive at {interactiveMs:0} ms"));
            foreach (var (name, sizes) in new[] { ("hierarchy", hierarchy), ("onion", onion) })
            {
                if (sizes.Bodies != graph.Bodies.Count) failures.Add($"{graph.Title} {name}: {sizes.Bodies} bodies drawn, expected {graph.Bodies.Count}");
                if (sizes.Smallest < 10) failures.Add($"{graph.Title} {name}: {sizes.Id}'s name is {sizes.Smallest:0.0} px tall");
                failures.AddRange(sizes.Overflows.Select(o => $"{graph.Title} {name}: text runs out of its box: {o}"));
            }
        }
        // The compare page at two arrangements side by side: measured for the record (its panels are half as wide).
        var compare = await _session!.OpenAsync("compare?a=calderdale/model-2&a=worcestershire/2009", 1440, 900);
        await ViewerBrowserTests.WaitForDiagramAsync(compare, "Calderdale (model-2)");
        await ViewerBrowserTests.WaitForDiagramAsync(compare, "Worcestershire (2009)");
        foreach (var canvas in await compare.Locator(".diagram-canvas").AllAsync())
        {
            var sizes = await MeasureAsync(canvas);
            var title = await canvas.GetAttributeAsync("data-title");
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"compare, {title} hierarchy: smallest name {sizes.Smallest:0.0} px"));
            failures.AddRange(sizes.Overflows.Select(o => $"compare: text runs out of its box: {o}"));
        }
        await compare.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("legibility-compare"), FullPage = true });
        await compare.CloseAsync();

        foreach (var line in lines) output.WriteLine(line);
        File.WriteAllLines(Path.Combine(BrowserSession.ScreenshotFolder, "diagram-legibility.txt"), lines);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [BrowserFact]
    public async Task Every_body_name_in_the_printed_report_is_at_least_7_pt()
    {
        // The report prints on A4 with 10 mm side margins: Chromium lays the page out 190 mm (718 CSS px) wide.
        var page = await _session!.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 718, Height = 1000 } });
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var lines = new List<string>();
        var failures = new List<string>();
        foreach (var structure in TestData.Real.Authorities)
            foreach (var graph in GovernanceGraph.For(structure))
            {
                var subject = ChosenArrangement.Pick(structure, graph.ArrangementId).Choice!;
                var report = GuidanceReport.Build(TestData.Real, subject, new DateOnly(2010, 6, 1));
                var findings = Analysis.Run(graph);
                var html = HtmlReport.Write(report,
                    [new ReportDiagram("Hierarchy", DiagramSvg.Render(HierarchyDiagram.Build(graph, findings))),
                     new ReportDiagram("Onion", DiagramSvg.Render(OnionDiagram.Build(graph, findings)))], null);
                await page.SetContentAsync(html);
                var figures = page.Locator("figure.diagram");
                Assert.Equal(2, await figures.CountAsync());
                var sizes = new List<Sizes>();
                for (var i = 0; i < 2; i++) sizes.Add(await MeasureAsync(figures.Nth(i)));
                var pt = sizes.Select(s => s.Smallest * 0.75).ToList();
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{graph.Title}: printed hierarchy smallest name {pt[0]:0.0} pt; onion {pt[1]:0.0} pt"));
                for (var i = 0; i < 2; i++)
                    if (pt[i] < 7) failures.Add($"{graph.Title} {(i == 0 ? "hierarchy" : "onion")}: {sizes[i].Id}'s name prints at {pt[i]:0.0} pt");
            }
        foreach (var line in lines) output.WriteLine(line);
        File.WriteAllLines(Path.Combine(BrowserSession.ScreenshotFolder, "diagram-print-sizes.txt"), lines);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Shot(string name) => Path.Combine(BrowserSession.ScreenshotFolder, name + ".png");
}
