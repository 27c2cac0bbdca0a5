using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;

namespace TrustGraph.LoadTest;

/// <summary>
/// One person browsing the explorer in their own browser context (their own Blazor circuit): switching authority and
/// arrangement (the explorer then shows the new arrangement's hierarchy), opening bodies and switching diagram, with a
/// pause between actions. Records each interaction's latency
/// and every error it meets (a timeout, a page error, a console error).
/// </summary>
public sealed class Session(int number, IBrowser browser, Uri server, IReadOnlyList<View> views, Random random) : IAsyncDisposable
{
    private const float ActionTimeoutMs = 45_000;
    private IBrowserContext? _context;
    private IPage? _page;
    private View _view = views[number % views.Count];
    private string _type = "hierarchy";

    public bool Open { get; private set; }
    public ConcurrentQueue<Latency> Latencies { get; } = new();
    public ConcurrentQueue<string> Errors { get; } = new();

    private IPage Page => _page!;

    public async Task OpenAsync(CancellationToken cancellation)
    {
        try
        {
            _context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 800 } });
            _page = await _context.NewPageAsync();
            _page.SetDefaultTimeout(ActionTimeoutMs);
            _page.PageError += (_, e) => Errors.Enqueue($"page error: {First(e)}");
            _page.Console += (_, m) => { if (m.Type == "error") Errors.Enqueue($"console error: {First(m.Text)}"); };
            await Measure("open page", async () =>
            {
                await _page.GotoAsync(new Uri(server, _view.Href).ToString());
                await DiagramAsync(_view, _type);
            });
            Open = Errors.IsEmpty;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            Errors.Enqueue($"open: {First(e.Message)}");
        }
    }

    public async Task BrowseAsync(CancellationToken stop)
    {
        if (_page is null) return;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(random.Next(500, 2000), stop);
            }
            catch (TaskCanceledException)
            {
                break;
            }
            var roll = random.Next(100);
            var siblings = views.Where(v => v.Authority == _view.Authority && v != _view).ToList();
            try
            {
                if (roll < 30) await SwitchAuthorityAsync();
                else if (roll < 45 && siblings.Count > 0) await SwitchArrangementAsync(siblings[random.Next(siblings.Count)]);
                else if (roll < 90) await OpenBodyAsync(_view.Bodies[random.Next(_view.Bodies.Count)]);
                else await SwitchDiagramAsync();
            }
            catch (Exception e) when (e is PlaywrightException or TimeoutException)
            {
                Errors.Enqueue($"{e.GetType().Name}: {First(e.Message)}");
                await RecoverAsync();
            }
        }
    }

    private async Task SwitchAuthorityAsync()
    {
        var authorities = views.Select(v => v.Authority).Distinct().Where(a => a != _view.Authority).ToList();
        var authority = authorities[random.Next(authorities.Count)];
        var next = views.First(v => v.Authority == authority);
        await Measure("switch authority", async () =>
        {
            await Page.SelectOptionAsync("#authority", next.Authority);
            await DiagramAsync(next, "hierarchy");
        });
        _view = next;
        _type = "hierarchy";
    }

    private async Task SwitchArrangementAsync(View next)
    {
        await Measure("switch arrangement", async () =>
        {
            await Page.SelectOptionAsync("#arrangement", next.Arrangement ?? "");
            await DiagramAsync(next, "hierarchy");
        });
        _view = next;
        _type = "hierarchy";
    }

    private async Task OpenBodyAsync((string Id, string Name) body)
    {
        await Measure("open a body", async () =>
        {
            await Page.Locator($".diagram-canvas .tg-node[data-id='{body.Id}']").ClickAsync();
            await Page.WaitForFunctionAsync("name => document.querySelector('.body-panel h2')?.textContent.startsWith(name)", body.Name);
        });
    }

    private async Task SwitchDiagramAsync()
    {
        var next = _type == "hierarchy" ? "onion" : "hierarchy";
        await Measure("switch diagram", async () =>
        {
            await Page.ClickAsync($"#tab-{next}");
            await DiagramAsync(_view, next);
        });
        _type = next;
    }

    private Task DiagramAsync(View view, string type) =>
        Page.WaitForFunctionAsync(
            "([type, title]) => [...document.querySelectorAll('.diagram-canvas svg.tg-' + type)].some(s => s.querySelector('title')?.textContent === title + ': ' + type)",
            new[] { type, view.Title });

    /// <summary>After an error: load the page afresh, as a person would press F5.</summary>
    private async Task RecoverAsync()
    {
        try
        {
            _type = "hierarchy";
            await Page.GotoAsync(new Uri(server, _view.Href).ToString());
            await DiagramAsync(_view, _type);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            Errors.Enqueue($"recover: {First(e.Message)}");
        }
    }

    /// <summary>True when the circuit still answers: a body opens, and no reconnect dialog or error bar is showing.</summary>
    public async Task<bool> StillWorksAsync(CancellationToken cancellation)
    {
        if (_page is null || !Open) return false;
        try
        {
            var body = _view.Bodies[0];
            await Page.Locator($".diagram-canvas .tg-node[data-id='{body.Id}']").ClickAsync();
            await Page.WaitForFunctionAsync("name => document.querySelector('.body-panel h2')?.textContent.startsWith(name)", body.Name);
            var reconnecting = await Page.EvaluateAsync<bool>("() => document.getElementById('components-reconnect-modal')?.open === true");
            var failed = await Page.EvaluateAsync<bool>("() => getComputedStyle(document.getElementById('blazor-error-ui')).display !== 'none'");
            if (reconnecting) Errors.Enqueue("the reconnect dialog is showing at the end");
            if (failed) Errors.Enqueue("the error bar is showing at the end");
            return !reconnecting && !failed;
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            Errors.Enqueue($"final check: {First(e.Message)}");
            return false;
        }
    }

    private async Task Measure(string kind, Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await action();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            throw new TimeoutException($"{kind} on {_view.Href} ({_type}): {First(e.Message)}", e);
        }
        Latencies.Enqueue(new Latency(kind, watch.Elapsed.TotalMilliseconds));
    }

    private static string First(string text) => text.Split('\n')[0].Trim();

    public async ValueTask DisposeAsync()
    {
        if (_context is not null) await _context.DisposeAsync();
    }
}
