using Bunit;
using Microsoft.Extensions.Options;
using TrustGraph.Web.Components.Compare;
using TrustGraph.Web.Services;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Components;

public sealed class CompareTablesTests : BunitContext
{
    private static readonly ViewerCatalog Catalog = new(Options.Create(new ViewerOptions { DataPath = TestData.RealPath }), Microsoft.Extensions.Logging.Abstractions.NullLogger<ViewerCatalog>.Instance);

    private static IReadOnlyList<ArrangementView> Views(params string[] keys) => keys.Select(k => Catalog.FindByKey(k)!).ToList();

    [Fact]
    public void The_metrics_table_has_a_column_per_authority_and_a_row_per_measure()
    {
        var cut = Render<MetricsTable>(p => p.Add(x => x.Views, Views("worcestershire/2009", "suffolk/2009")));
        var head = cut.FindAll("thead th").Select(h => h.TextContent).ToList();
        Assert.Equal(["Measure", "Worcestershire (2009)", "Suffolk (2009)"], head);
        var rows = cut.FindAll("tbody tr").ToDictionary(r => r.QuerySelector("th summary")!.TextContent, r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList());
        Assert.Equal("8 bodies, 39 seats, 31 people", rows["Bodies, seats, people"][0]); // with the two supporters attending the JCB
        Assert.Equal("5% (2 of 39)", rows["Vacancy rate"][0]);
        Assert.Equal("2", rows["People on two or more bodies"][0]);
        Assert.Equal("9 present, 0 vacant, 1 absent, 0 cannot assess", rows["Relevant partners on the Board"][0]);
        // Suffolk's Board has no listed membership, so the Executive Commissioning Group, whose invitees are listed, is judged.
        Assert.StartsWith("5 present, 0 vacant, 3 absent", rows["Relevant partners on the Board"][1]);
        Assert.Contains("Board meetings a year", rows.Keys);
    }

    [Fact]
    public void Every_measure_opens_to_its_definition()
    {
        var cut = Render<MetricsTable>(p => p.Add(x => x.Views, Views("worcestershire/2009", "suffolk/2009")));
        Assert.Equal(TrustGraph.Metrics.Measures.All.Count, cut.FindAll("tbody th details.definition").Count);
        Assert.All(cut.FindAll("tbody th details.definition"), d => Assert.True(d.QuerySelector("p")!.TextContent.Length > 40));
    }

    [Fact]
    public void York_with_no_LSP_shows_every_body_cut_off_as_its_diagram_tags_them()
    {
        var york = Catalog.FindByKey("york/current")!;
        var tagged = york.Findings.Where(f => f.Check == TrustGraph.Analyses.Checks.LspReportingGap).SelectMany(f => f.Bodies).Distinct().Count();
        var cut = Render<MetricsTable>(p => p.Add(x => x.Views, Views("worcestershire/2009", "york/current")));
        var reach = cut.Find("tr[data-measure=reach-lsp]").QuerySelectorAll("td")[1].TextContent;
        Assert.Equal(9, tagged); // with the two forums the paper names for commissioning
        Assert.Equal($"No LSP recorded (0 of {york.Metrics.BodiesExpectedToReachLsp})", reach);
        Assert.Equal(york.Metrics.BodiesExpectedToReachLsp, york.Metrics.BodiesCutOff);
    }

    [Fact]
    public void The_lessons_name_what_Worcestershire_seats_that_Calderdale_lacks()
    {
        var views = Views("worcestershire/2009", "calderdale");
        var lessons = TrustGraph.Metrics.Lessons.Draw(views.Select(v => (v.Title, v.Metrics)).ToList());
        var cut = Render<LessonsList>(p => p.Add(x => x.Lessons, lessons));
        var partners = cut.Find("li[data-measure=partner-coverage]").TextContent;
        Assert.Contains("Worcestershire (2009) seats every relevant partner but the Strategic Health Authority", partners);
        Assert.Contains("lacks six", partners);
        Assert.Contains("Calderdale", partners);
    }

    [Fact]
    public void Betweenness_is_left_out_where_it_is_the_same_for_everyone()
    {
        var suffolk = Catalog.FindByKey("suffolk/2009")!;
        var cut = Render<TrustGraph.Web.Components.Explorer.GatekeepersTable>(p => p.Add(x => x.Gatekeepers, suffolk.Gatekeepers));
        Assert.DoesNotContain(cut.FindAll("thead th"), h => h.TextContent == "Betweenness");
        Assert.Contains("tells nobody apart", cut.Markup);
        var worcs = Render<TrustGraph.Web.Components.Explorer.GatekeepersTable>(p => p.Add(x => x.Gatekeepers, Catalog.FindByKey("worcestershire/2009")!.Gatekeepers));
        Assert.Contains(worcs.FindAll("thead th"), h => h.TextContent == "Betweenness");
    }

    [Fact]
    public void The_coverage_matrix_marks_each_partner_present_vacant_absent_or_cannot_assess()
    {
        var cut = Render<CoverageMatrix>(p => p.Add(x => x.Views, Views("worcestershire/2009", "york/current")));
        var worcs = cut.FindAll("tbody tr")[0];
        Assert.Contains("Worcestershire (2009)", worcs.QuerySelector("th")!.TextContent);
        var sha = worcs.QuerySelectorAll("td").Single(c => c.GetAttribute("title")!.StartsWith("Strategic Health Authority"));
        Assert.Equal("absent", sha.GetAttribute("data-status"));
        Assert.Contains("Absent", sha.TextContent);
        Assert.Contains(worcs.QuerySelectorAll("td"), c => c.GetAttribute("data-status") == "present");
        // York's Board has no listed membership, so the ICG, which holds the plan and whose members are listed, is judged.
        var york = cut.FindAll("tbody tr")[1].QuerySelectorAll("td");
        Assert.Equal("present", york.Single(c => c.GetAttribute("title")!.StartsWith("Police")).GetAttribute("data-status"));
        Assert.Equal("absent", york.Single(c => c.GetAttribute("title")!.StartsWith("Youth offending")).GetAttribute("data-status"));
    }
}
