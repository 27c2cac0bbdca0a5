using Microsoft.Playwright;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Browser;

/// <summary>
/// The viewer follows the dataset on disk while pages stay open: a valid change is shown on the next navigation, an
/// invalid one is refused (the old data stays, a banner says why), and the open circuit keeps working throughout.
/// </summary>
public sealed class ReloadBrowserTests
{
    private static string Shot(string name) => Path.Combine(BrowserSession.ScreenshotFolder, name + ".png");

    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            if (timeout.IsCancellationRequested) Assert.Fail($"waited a minute for {what}");
            await Task.Delay(50);
        }
    }

    private static async Task ShowAsync(IPage page, string authority, string title)
    {
        await page.SelectOptionAsync("#authority", authority);
        await ViewerBrowserTests.WaitForDiagramAsync(page, title);
    }

    [BrowserFact]
    public async Task A_changed_file_is_picked_up_by_an_open_page_and_an_invalid_one_is_refused_with_a_banner()
    {
        var data = TestData.CopyOf();
        await using var session = await BrowserSession.StartAsync(data, new Dictionary<string, string?> { ["TrustGraph:WatchDataPath"] = "true" });
        var catalog = session.Server.Catalog;
        var page = await session.OpenAsync("authority/york");
        await ViewerBrowserTests.WaitForDiagramAsync(page, "York (current)");
        var bodies = Path.Combine(data, "york", "bodies.csv");
        var original = await File.ReadAllTextAsync(bodies);

        var version = catalog.Current.Number;
        await File.WriteAllTextAsync(bodies, original.Replace("Integrated Commissioning Network,", "Integrated Commissioning Network (renamed on disk),"));
        await UntilAsync(() => catalog.Current.Number > version, "the reload after a valid change");

        await ShowAsync(page, "suffolk", "Suffolk (2009)");
        await ShowAsync(page, "york", "York (current)");
        await Assertions.Expect(page.Locator(".diagram-canvas .tg-node[data-id='ic-network'] > title")).ToContainTextAsync("(renamed on disk)");
        await page.Locator(".diagram-canvas .tg-node[data-id='ic-network']").ClickAsync();
        await Assertions.Expect(page.Locator(".body-panel h2")).ToContainTextAsync("Integrated Commissioning Network (renamed on disk)");

        version = catalog.Current.Number;
        await File.WriteAllTextAsync(bodies, original.Replace("ic-network,Integrated Commissioning Network,network,", "ic-network,Integrated Commissioning Network,committee of sorts,"));
        await UntilAsync(() => catalog.Rejected is not null, "the invalid change to be refused");
        Assert.Equal(version, catalog.Current.Number);

        await ShowAsync(page, "suffolk", "Suffolk (2009)");
        await Assertions.Expect(page.Locator(".dataset-banner")).ToContainTextAsync("but the new files have");
        await Assertions.Expect(page.Locator(".dataset-banner")).ToContainTextAsync("york/bodies.csv:4:3: unknown kind 'committee of sorts'");
        await ShowAsync(page, "york", "York (current)");
        await Assertions.Expect(page.Locator(".diagram-canvas .tg-node[data-id='ic-network'] > title")).ToContainTextAsync("(renamed on disk)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("reload-refused-banner") });

        await File.WriteAllTextAsync(bodies, original);
        await UntilAsync(() => catalog.Rejected is null && catalog.Current.Number > version, "the reload after the fix");
        await ShowAsync(page, "suffolk", "Suffolk (2009)");
        await ShowAsync(page, "york", "York (current)");
        await Assertions.Expect(page.Locator(".dataset-banner")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".diagram-canvas .tg-node[data-id='ic-network'] > title")).Not.ToContainTextAsync("renamed");
        Assert.False(await page.Locator("#components-reconnect-modal").EvaluateAsync<bool>("d => d.open"), "the circuit never dropped");
    }
}
