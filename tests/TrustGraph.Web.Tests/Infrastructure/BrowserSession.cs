using Microsoft.Playwright;

namespace TrustGraph.Web.Tests.Infrastructure;

/// <summary>The real viewer served by Kestrel, and Chromium driven by Playwright; one per test class.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
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

    public static string ScreenshotFolder
    {
        get
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    public static async Task<BrowserSession> StartAsync(string dataPath)
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath))
            throw new InvalidOperationException($"Chromium is required (TRUSTGRAPH_REQUIRE_BROWSER=1) but {BrowserFactAttribute.ChromiumPath} does not exist; apt-get install chromium");
        var factory = new ViewerFactory(dataPath);
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
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.SetDefaultTimeout(20_000);
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
