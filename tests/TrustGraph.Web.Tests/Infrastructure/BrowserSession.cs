using Microsoft.Playwright;

namespace TrustGraph.Web.Tests.Infrastructure;

/// <summary>The real viewer served by Kestrel, and Chromium driven by Playwright; one per test class.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    /// <summary>
    /// How long any wait for a condition may last before the test fails. Tests wait for what a person would see (a
    /// diagram drawn, a panel filled), never for a fixed time; this only bounds a failure. It is generous because the
    /// whole solution's tests run in parallel on two cores, with several Chromiums and a server each, and a round trip
    /// that takes 50 ms alone can then take many seconds. (Playwright's own default for assertions, 5 s, made
    /// Expect(...) checks fail under that load.)
    /// </summary>
    public const float WaitLimitMs = 90_000;

    static BrowserSession() => Assertions.SetDefaultExpectTimeout(WaitLimitMs);

    private readonly ViewerFactory _factory;
    private readonly IPlaywright _playwright;

    private BrowserSession(ViewerFactory factory, Uri baseAddress, IPlaywright playwright, IBrowser browser)
    {
        _factory = factory;
        BaseAddress = baseAddress;
        _playwright = playwright;
        Browser = browser;
    }

    public Uri BaseAddress { get; }
    public IBrowser Browser { get; }

    /// <summary>The server side, to wait on what it has done (a reload) rather than on time.</summary>
    public ViewerFactory Server => _factory;

    public static string ScreenshotFolder
    {
        get
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static async Task<BrowserSession> StartAsync(string dataPath, IReadOnlyDictionary<string, string?>? settings = null)
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath))
            throw new InvalidOperationException($"Chromium is required (TRUSTGRAPH_REQUIRE_BROWSER=1) but {BrowserFactAttribute.ChromiumPath} does not exist; apt-get install chromium");
        var factory = new ViewerFactory(dataPath, settings);
        var address = factory.StartKestrel();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return new BrowserSession(factory, address, playwright, browser);
    }

    public async Task<IPage> OpenAsync(string path, int width = 1600, int height = 1000)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, AcceptDownloads = true });
        page.SetDefaultTimeout(WaitLimitMs);
        await page.GotoAsync(new Uri(BaseAddress, path).ToString());
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _factory.DisposeAsync();
    }
}
