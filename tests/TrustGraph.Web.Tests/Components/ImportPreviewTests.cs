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
    private static ImportPlan Plan(string file, string authority, string body, ImportMode mode = ImportMode.Replace)
    {
        var data = TestData.RealPath;
        var dataset = DatasetLoader.Load(data).Dataset!;
        var result = MembershipImport.Plan(dataset, data, authority, body, mode, file,
            File.ReadAllBytes(Path.Combine(Repository.Fixtures, "import", file)), new DateOnly(2026, 1, 5));
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
        var dataset = DatasetLoader.Load(TestData.RealPath).Dataset!;
        var result = MembershipImport.Plan(dataset, TestData.RealPath, "york", "icg", ImportMode.Merge, "<b>evil</b>.csv", csv);
        var cut = Render<ImportPreview>(p => p.Add(x => x.Plan, result.Plan!));

        Assert.Empty(cut.FindAll("script, img, b"));
        Assert.Contains("<script>alert(1)</script>", cut.Find("table.seats.added").TextContent);
        Assert.Contains("<b>evil</b>.csv", cut.Find("h2").TextContent);
    }
}
