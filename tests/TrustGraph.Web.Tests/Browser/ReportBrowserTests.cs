using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.Playwright;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Browser;

/// <summary>The report page in Chromium: reached from the explorer, switched between arrangements, downloaded.</summary>
public sealed class ReportBrowserTests
{
    private static string Shot(string name) => Path.Combine(BrowserSession.ScreenshotFolder, name + ".png");

    [BrowserFact]
    public async Task The_explorer_leads_to_the_report_which_switches_arrangement_and_downloads_as_html()
    {
        await using var session = await BrowserSession.StartAsync(TestData.RealPath);
        var page = await session.OpenAsync("authority/worcestershire/2009");
        await ViewerBrowserTests.WaitForDiagramAsync(page, "Worcestershire (2009)");

        await page.ClickAsync("a.report-link");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/report/worcestershire/2009$"));
        await Assertions.Expect(page.Locator("table.verdicts tbody tr")).ToHaveCountAsync(TrustGraph.Guidance.Requirements.Statutory.Count);
        Assert.True(await page.Locator("article.gap .remedy").CountAsync() > 0, "each gap has its remedy");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("report-worcestershire-2009"), FullPage = true });

        await page.Locator(".report-page[data-interactive=true]").WaitForAsync();
        await page.SelectOptionAsync("#report-arrangement", "proposed-2010");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/report/worcestershire/proposed-2010$"));
        await Assertions.Expect(page.Locator(".why")).ToContainTextAsync("proposed-2010");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(".downloads a[data-format=html]"));
        Assert.Equal("worcestershire-proposed-2010-guidance-report.html", download.SuggestedFilename);
        var file = Path.Combine(BrowserSession.ScreenshotFolder, download.SuggestedFilename);
        await download.SaveAsAsync(file);
        var doc = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(file));
        Assert.Equal("Worcestershire", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("proposed-2010", doc.QuerySelector(".subtitle")!.TextContent);
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Equal(2, doc.QuerySelectorAll("#diagrams svg").Length);

        await page.Locator(".report-page[data-interactive=true]").WaitForAsync();
        await page.SelectOptionAsync("#report-authority", "york");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/report/york$"));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("York");
        await Assertions.Expect(page.Locator(".why")).ToContainTextAsync("current");
    }
}
