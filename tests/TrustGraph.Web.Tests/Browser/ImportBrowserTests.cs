using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Browser;

/// <summary>The import page in Chromium, on a temporary copy of the repository's dataset (never data/ itself).</summary>
public sealed class ImportBrowserTests
{
    private static string Shot(string name) => Path.Combine(BrowserSession.ScreenshotFolder, name + ".png");

    internal static async Task SignInAsync(IPage page, string returnUrl)
    {
        await page.FillAsync("#password", ViewerFactory.AdminPassword);
        await page.ClickAsync(".sign-in-form button[type=submit]");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(returnUrl) + "$"));
    }

    [BrowserFact]
    public async Task The_admin_signs_in_uploads_a_list_sees_the_preview_commits_finds_the_new_member_and_undoes_it()
    {
        var data = TestData.CopyOf();
        var before = TestData.Fingerprint(data);
        await using var session = await BrowserSession.StartAsync(data, ViewerFactory.WithAdmin());
        var page = await session.OpenAsync("import");

        await page.ClickAsync(".signin-needed a");
        await page.Locator("#password").WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("sign-in") });
        await SignInAsync(page, "/import");
        await Assertions.Expect(page.Locator(".account .who")).ToContainTextAsync("Signed in as admin");

        await page.SelectOptionAsync("#target", "york/icg");
        await page.CheckAsync("input[name=mode][value=replace]");
        await page.SetInputFilesAsync("#file", Path.Combine(Repository.Fixtures, "import", "york-icg-utf8-bom.csv"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("import-form") });
        await page.ClickAsync("form.upload button[type=submit]");

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("nothing has been written yet");
        await Assertions.Expect(page.Locator("table.seats.added")).ToContainTextAsync("Linda Bramley");
        Assert.True(await page.Locator(".inferred-tag").CountAsync() > 0, "guessed categories are marked");
        await Assertions.Expect(page.Locator(".tally")).ToContainTextAsync("removed");
        Assert.Equal(before, TestData.Fingerprint(data));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("import-preview"), FullPage = true });

        await page.ClickAsync("button.commit");
        await Assertions.Expect(page.Locator(".notice.ok h2")).ToContainTextAsync("Imported york-icg-utf8-bom.csv");
        await Assertions.Expect(page.Locator(".history table")).ToContainTextAsync("upload york-icg-utf8-bom.csv into york/icg");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("import-committed"), FullPage = true });

        await page.ClickAsync("a.see-body");
        await ViewerBrowserTests.WaitForDiagramAsync(page, "York (current)");
        var panel = page.Locator(".body-panel");
        await Assertions.Expect(panel.Locator("h2")).ToContainTextAsync("YorOK Children's Integrated Commissioning Group");
        await Assertions.Expect(panel.Locator("table.members")).ToContainTextAsync("Linda Bramley");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("import-new-member-in-panel") });

        await page.GotoAsync(new Uri(session.BaseAddress, "import").ToString());
        await page.ClickAsync("form.undo button[type=submit]");
        await Assertions.Expect(page.Locator(".notice.ok h2")).ToContainTextAsync("Undone: upload york-icg-utf8-bom.csv");
        await Assertions.Expect(page.Locator(".history")).ToContainTextAsync("No imports to undo");
        Assert.Equal(before, TestData.Fingerprint(data));

        await page.GotoAsync(new Uri(session.BaseAddress, "authority/york/current?body=icg").ToString());
        await ViewerBrowserTests.WaitForDiagramAsync(page, "York (current)");
        await Assertions.Expect(panel.Locator("table.members")).ToContainTextAsync("Pete Dwyer");
        await Assertions.Expect(panel.Locator("table.members")).Not.ToContainTextAsync("Linda Bramley");
    }

    [BrowserFact]
    public async Task A_rejected_upload_shows_each_problem_and_leaves_the_dataset_alone()
    {
        var data = TestData.CopyOf();
        var before = TestData.Fingerprint(data);
        await using var session = await BrowserSession.StartAsync(data, ViewerFactory.WithAdmin());
        var page = await session.OpenAsync("sign-in?returnUrl=%2Fimport");
        await SignInAsync(page, "/import");

        await page.SelectOptionAsync("#target", "suffolk/ctpb");
        await page.SetInputFilesAsync("#file", Path.Combine(Repository.Fixtures, "import", "bad-values.csv"));
        await page.ClickAsync("form.upload button[type=submit]");

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("bad-values.csv was not imported");
        var rows = page.Locator("table.errors tbody tr");
        Assert.True(await rows.CountAsync() >= 2, "every problem is listed at once");
        Assert.All(await rows.Locator("td:nth-child(2)").AllTextContentsAsync(), line => Assert.True(int.TryParse(line, out _), $"line '{line}'"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("import-rejected"), FullPage = true });
        Assert.Equal(before, TestData.Fingerprint(data));
    }
}
