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
        var rows = cut.FindAll("tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList());
        Assert.Equal(["8", "9"], rows["Bodies"]);
        Assert.Equal("39 (2 vacant)", rows["Seats"][0]); // with the two supporters attending the JCB
        Assert.Equal("2", rows["People on two or more bodies"][0]);
        Assert.Equal("90%", rows["Relevant-partner coverage"][0]);
        Assert.EndsWith("%", rows["Relevant-partner coverage"][1]); // judged on the ECG, whose invitees are listed
        Assert.Contains("Board meetings a year", rows.Keys);
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
