using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Browser;

/// <summary>A whole drafting session in Chromium, on a temporary copy of the repository's dataset (never data/ itself).</summary>
public sealed class DraftingBrowserTests
{
    private const string DraftPath = "/draft/worcestershire/variation-on-version-2";
    private const string Board = "trust-board-2010-variation-on-version-2";

    private static string Shot(string name) => Path.Combine(BrowserSession.ScreenshotFolder, name + ".png");

    private static async Task SeatAsync(IPage page, string post, string agency, string category)
    {
        await page.FillAsync("#seat-post", post);
        await page.FillAsync("#seat-agency", agency);
        await page.SelectOptionAsync("#seat-category", category);
        await page.SelectOptionAsync("#seat-voting", "yes");
        await page.ClickAsync(".save-seat");
        await Assertions.Expect(page.Locator(".save-status.ok")).ToContainTextAsync($"Saved: seat {category}");
        await Assertions.Expect(page.Locator(".draft-seats")).ToContainTextAsync(agency);
    }

    private static async Task StartDraftAsync(BrowserSession session, IPage page)
    {
        await ViewerBrowserTests.WaitForDiagramAsync(page, "Worcestershire (proposed-2010)");
        await page.ClickAsync(".draft-link");
        await page.ClickAsync(".signin-needed a");
        await ImportBrowserTests.SignInAsync(page, "/draft/new/worcestershire?from=proposed-2010");
        await Assertions.Expect(page.Locator("#draft-from")).ToHaveValueAsync("proposed-2010");
        await page.FillAsync("#draft-name", "Variation on version 2");
        await page.FillAsync("#draft-in-force", "2010-09");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("drafting-start") });
        await page.ClickAsync(".start-draft");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(DraftPath) + "$"));
        await ViewerBrowserTests.WaitForDiagramAsync(page, "Worcestershire (variation-on-version-2)");
    }

    [BrowserFact]
    public async Task A_policy_lead_copies_the_2010_proposal_seats_probation_and_the_yot_draws_the_boards_line_and_watches_the_gaps_close_then_undoes_the_line()
    {
        var data = TestData.CopyOf();
        await using var session = await BrowserSession.StartAsync(data, ViewerFactory.WithAdmin());
        var page = await session.OpenAsync("authority/worcestershire/proposed-2010");
        await StartDraftAsync(session, page);

        var findings = page.Locator(".draft-findings .findings-list");
        await Assertions.Expect(findings).ToContainTextAsync("Children's Trust Board has no reporting path");
        await Assertions.Expect(page.Locator(".draft-findings .tally")).ToContainTextAsync("As many findings of each kind as proposed-2010");

        await page.Locator($".diagram-canvas .tg-node[data-id='{Board}']").ClickAsync();
        await Assertions.Expect(page.Locator("#body-name")).ToHaveValueAsync("Children's Trust Board");
        await Assertions.Expect(page.Locator("#body-select")).ToHaveValueAsync(Board);

        var boardSeats = File.ReadAllText(Path.Combine(data, "worcestershire", "memberships.csv"));
        await page.ClickAsync(".save-seat");
        await Assertions.Expect(page.Locator(".field-error[data-field=post]")).ToContainTextAsync("both 'post' and 'person' are empty");
        Assert.Equal(boardSeats, File.ReadAllText(Path.Combine(data, "worcestershire", "memberships.csv")));

        await SeatAsync(page, "Assistant Chief Officer", "West Mercia Probation Trust", "probation");
        await Assertions.Expect(page.Locator(".field-error")).ToHaveCountAsync(0);
        await SeatAsync(page, "Head of Youth Offending Service", "Worcestershire and Herefordshire Youth Offending Service", "youth-offending");
        await Assertions.Expect(findings).Not.ToContainTextAsync("Not shown, so not judged: police, probation, youth-offending");
        await Assertions.Expect(page.Locator(".draft-findings .changed")).ToContainTextAsync("Local probation board (or probation services provider) and Youth offending team");

        await page.SelectOptionAsync("#line-kind", "accountable-to");
        await page.SelectOptionAsync("#line-to", "worcestershire-partnership");
        await page.ClickAsync(".draw-line-button");
        await Assertions.Expect(page.Locator(".save-status.ok")).ToContainTextAsync("Saved: Children's Trust Board accountable-to Worcestershire Partnership");
        await Assertions.Expect(page.Locator(".save-status.ok")).ToContainTextAsync("5 warnings fewer");
        await Assertions.Expect(findings).Not.ToContainTextAsync("no reporting path");
        await Assertions.Expect(page.Locator(".draft-findings .gone")).ToContainTextAsync("Management Group has no reporting path");
        await Assertions.Expect(page.Locator(".draft-findings .tally")).ToContainTextAsync("5 warnings fewer than proposed-2010");
        await Assertions.Expect(page.Locator($".diagram-canvas .tg-edge[data-from='{Board}'][data-to='worcestershire-partnership']")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("drafting-session"), FullPage = true });

        await page.ReloadAsync();
        await ViewerBrowserTests.WaitForDiagramAsync(page, "Worcestershire (variation-on-version-2)");
        await Assertions.Expect(page.Locator(".draft-findings .tally")).ToContainTextAsync("5 warnings fewer than proposed-2010");
        await Assertions.Expect(page.Locator(".change-list li")).ToHaveCountAsync(4);

        await page.ClickAsync(".undo-change");
        await Assertions.Expect(page.Locator(".save-status.ok")).ToContainTextAsync("Undone: Children's Trust Board accountable-to Worcestershire Partnership");
        await Assertions.Expect(findings).ToContainTextAsync("Children's Trust Board has no reporting path");
        await Assertions.Expect(page.Locator(".change-list li")).ToHaveCountAsync(3);
        Assert.DoesNotContain("trust-board-2010-variation-on-version-2,worcestershire-partnership", File.ReadAllText(Path.Combine(data, "worcestershire", "accountability.csv")));

        await page.ClickAsync(".compare-link");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("compare\\?a=worcestershire%2Fproposed-2010&a=worcestershire%2Fvariation-on-version-2$"));
        await ViewerBrowserTests.WaitForDiagramAsync(page, "Worcestershire (proposed-2010)");
        await ViewerBrowserTests.WaitForDiagramAsync(page, "Worcestershire (variation-on-version-2)");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Worcestershire (variation-on-version-2)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Shot("drafting-compare"), FullPage = true });
    }

    [BrowserFact]
    public async Task Two_editors_on_one_draft_the_second_is_told_of_the_conflict_and_the_first_change_stays()
    {
        var data = TestData.CopyOf();
        await using var session = await BrowserSession.StartAsync(data, ViewerFactory.WithAdmin());
        var first = await session.OpenAsync("authority/worcestershire/proposed-2010");
        await StartDraftAsync(session, first);

        var other = await session.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        await other.AddCookiesAsync((await first.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        var second = await other.NewPageAsync();
        second.SetDefaultTimeout(BrowserSession.WaitLimitMs);
        await second.GotoAsync(new Uri(session.BaseAddress, DraftPath.TrimStart('/')).ToString());
        await ViewerBrowserTests.WaitForDiagramAsync(second, "Worcestershire (variation-on-version-2)");

        await first.SelectOptionAsync("#body-select", Board);
        await SeatAsync(first, "Chief Superintendent", "West Mercia Police", "police");
        var afterFirst = TestData.Fingerprint(data);

        await second.SelectOptionAsync("#body-select", Board);
        await second.FillAsync("#body-name", "Worcestershire Children's Trust Board");
        await second.ClickAsync(".save-body");
        await Assertions.Expect(second.Locator(".conflict")).ToContainTextAsync("Someone else saved a change");
        Assert.Equal(afterFirst, TestData.Fingerprint(data));

        await second.ClickAsync(".reload-draft");
        await Assertions.Expect(second.Locator(".draft-seats")).ToContainTextAsync("West Mercia Police");
        await Assertions.Expect(second.Locator(".conflict")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task A_visitor_who_has_not_signed_in_is_asked_to_and_sees_no_drafting_form()
    {
        var data = TestData.CopyOf();
        var before = TestData.Fingerprint(data);
        await using var session = await BrowserSession.StartAsync(data, ViewerFactory.WithAdmin());
        var page = await session.OpenAsync("draft/new/worcestershire?from=proposed-2010");
        await Assertions.Expect(page.Locator(".signin-needed")).ToContainTextAsync("needs the administrator");
        await Assertions.Expect(page.Locator("#draft-name")).ToHaveCountAsync(0);
        await page.GotoAsync(new Uri(session.BaseAddress, DraftPath.TrimStart('/')).ToString());
        await Assertions.Expect(page.Locator(".signin-needed")).ToContainTextAsync("needs the administrator");
        await Assertions.Expect(page.Locator(".draft-forms")).ToHaveCountAsync(0);
        Assert.Equal(before, TestData.Fingerprint(data));
    }
}
