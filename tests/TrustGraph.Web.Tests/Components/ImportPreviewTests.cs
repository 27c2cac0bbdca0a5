using Bunit;
using TrustGraph.Import;
using TrustGraph.Loading;
using TrustGraph.Model;
using TrustGraph.Web.Components.Import;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Components;

/// <summary>The import preview component on real plans made by the core from the fixtures in tests/fixtures/import.</summary>
public sealed class ImportPreviewTests : BunitContext
{
    /// <summary>A copy of data/: planning takes the dataset's write lock, which must not touch the repository.</summary>
    private static readonly string Data = TestData.CopyOf();

    private static ImportPlan Plan(string file, string authority, string body, ImportMode mode = ImportMode.Replace, string folder = "import")
    {
        var data = Data;
        var dataset = DatasetLoader.Load(data).Dataset!;
        var result = MembershipImport.Plan(dataset, data, authority, body, mode, file,
            File.ReadAllBytes(Path.Combine(Repository.Fixtures, folder, file)), new DateOnly(2026, 1, 5));
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Plan!;
    }

    [Fact]
    public void Every_added_seat_is_listed_with_the_line_of_the_file_and_guessed_categories_are_marked()
    {
        var plan = Plan("suffolk-board-excel-1252.csv", "suffolk", "ctpb");
        var cut = Render<ImportPreview>(p => p.Add(x => x.Plan, plan));

        var rows = cut.FindAll("table.seats.added tbody tr");
        Assert.Equal(plan.Added.Count, rows.Count);
        Assert.Equal(plan.Added.Select(a => a.Line.ToString()), rows.Select(r => r.GetAttribute("data-line")));
        var jose = rows.Single(r => r.TextContent.Contains("José Álvarez"));
        Assert.Contains("police", jose.QuerySelector(".category")!.TextContent);
        Assert.NotNull(jose.QuerySelector(".inferred-tag"));
        Assert.Contains("Constabulary", jose.QuerySelector(".inferred-tag")!.GetAttribute("title"));

        var inferred = cut.FindAll("table.inferred tbody tr");
        Assert.Equal(plan.Inferred.Count(), inferred.Count);
        Assert.Contains("put the right category in a", cut.Find(".inferred-list").TextContent);
        Assert.Contains("Windows-1252", cut.Find(".read-as").TextContent);
        Assert.Contains("semicolons", cut.Find(".read-as").TextContent);
    }

    [Fact]
    public void People_on_more_bodies_and_the_findings_that_appear_and_disappear_are_shown()
    {
        var plan = Plan("suffolk-board-excel-1252.csv", "suffolk", "ctpb");
        var cut = Render<ImportPreview>(p => p.Add(x => x.Plan, plan));

        Assert.NotEmpty(plan.PeopleOnMoreBodies);
        var people = cut.Find("ul.people").TextContent;
        Assert.All(plan.PeopleOnMoreBodies, p => Assert.Contains(p.Name, people));
        Assert.Equal(plan.FindingsAppeared.Count, cut.FindAll(".finding-changes li.appears").Count);
        Assert.Equal(plan.FindingsDisappeared.Count, cut.FindAll(".finding-changes li.disappears").Count);
        Assert.All(plan.FindingsAppeared, f => Assert.Contains(f.Message, cut.Find(".finding-changes").TextContent));
        Assert.Contains(plan.NewSource!.Id, cut.Find(".source-note").TextContent);
    }

    [Fact]
    public void A_replace_shows_the_seats_it_removes_and_changes_field_by_field()
    {
        var plan = Plan("york-icg-utf8-bom.csv", "york", "icg");
        var cut = Render<ImportPreview>(p => p.Add(x => x.Plan, plan));

        Assert.Equal(plan.Removed.Count, cut.FindAll("table.seats.removed tbody tr").Count);
        Assert.NotEmpty(plan.Removed);
        Assert.Contains(plan.Removed[0].Person ?? plan.Removed[0].Post!, cut.Find("table.seats.removed").TextContent);
        var changes = cut.FindAll("table.changes tbody tr");
        Assert.Equal(plan.Changed.Count, changes.Count);
        foreach (var (change, row) in plan.Changed.Zip(changes))
            foreach (var field in change.Fields.Where(f => f.Field != "source"))
                Assert.Contains(field.Field, row.TextContent);
        Assert.Contains($"{plan.Removed.Count}", cut.Find(".tally .removed").TextContent);
        Assert.Contains("replace", cut.Find("h2 .mode").TextContent);
    }

    [Fact]
    public void Vacancies_in_the_file_are_shown_as_vacant_seats()
    {
        var plan = Plan("anyplace-lag-vacancies.csv", "anyplace", "lag");
        var cut = Render<ImportPreview>(p => p.Add(x => x.Plan, plan));
        var after = plan.After.Find("anyplace")!.Seats.Count(s => s.Body == "lag" && s.Status == SeatStatus.Vacant);
        Assert.True(after >= 4, "the file has Vacancy, TBC, tba, a blank name and Vacant");
        Assert.Equal(plan.Added.Count(a => a.Seat.Status == SeatStatus.Vacant), cut.FindAll("table.seats.added .vacant-tag").Count);
        Assert.Contains("status", cut.Find("table.changes").TextContent);
    }

    [Fact]
    public void Markup_in_a_membership_list_is_shown_as_text()
    {
        var csv = "Name,Post,Organisation\n<script>alert(1)</script>,\"<img src=x onerror=alert(2)>\",Evil & Co\n"u8.ToArray();
        var dataset = DatasetLoader.Load(Data).Dataset!;
        var result = MembershipImport.Plan(dataset, Data, "york", "icg", ImportMode.Merge, "<b>evil</b>.csv", csv);
        var cut = Render<ImportPreview>(p => p.Add(x => x.Plan, result.Plan!));

        Assert.Empty(cut.FindAll("script, img, b"));
        Assert.Contains("<script>alert(1)</script>", cut.Find("table.seats.added").TextContent);
        Assert.Contains("<b>evil</b>.csv", cut.Find("h2").TextContent);
    }

    [Fact]
    public void Vacancies_show_the_words_that_made_them_vacant()
    {
        var plan = Plan("01-vacancy-words-in-the-name-column.csv", "suffolk", "ctpb", folder: Path.Combine("import", "corpus"));
        var cut = Render<ImportPreview>(p => p.Add(x => x.Plan, plan));

        var rows = cut.FindAll("table.vacant tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(5, rows.Count);
        Assert.Contains(rows, r => r.Contains("'Vacant – awaiting nomination'") && r.Contains("'vacant'"));
        Assert.Contains(rows, r => r.Contains("'TBC'"));
    }

    [Fact]
    public void Seats_stored_as_inferred_are_listed_with_the_note_kept_with_them()
    {
        var plan = Plan("12-roles-in-brackets-after-names.csv", "anyplace", "cabinet", folder: Path.Combine("import", "corpus"));
        var cut = Render<ImportPreview>(p => p.Add(x => x.Plan, plan));

        var gail = cut.FindAll("table.inferred-basis tbody tr").Single(r => r.TextContent.Contains("Gail Quinton"));
        Assert.Contains("role chair read from the name 'Gail Quinton (Chair)'", gail.TextContent);
        Assert.Contains(cut.FindAll("p.note"), n => n.TextContent.Contains("taken out of the name 'Gail Quinton (Chair)'"));
    }

    [Fact]
    public void A_long_preview_shows_one_page_of_each_list_with_links_to_the_others()
    {
        var plan = Plan("suffolk-board-excel-1252.csv", "suffolk", "ctpb");
        var cut = Render<ImportPreview>(p => p.Add(x => x.Plan, plan).Add(x => x.PageSize, 5).Add(x => x.Page, 2).Add(x => x.PageHref, n => $"?page={n}"));

        Assert.Equal(["7", "8", "9", "10", "11"], cut.FindAll("table.seats.added tbody tr").Select(r => r.GetAttribute("data-line")!));
        Assert.Equal("?page=1", cut.Find("nav.pager a[rel=prev]").GetAttribute("href"));
        Assert.Equal("?page=3", cut.Find("nav.pager a[rel=next]").GetAttribute("href"));
    }
}
