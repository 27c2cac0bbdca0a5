using Bunit;
using TrustGraph.Drafting;
using TrustGraph.Model;
using TrustGraph.Web.Components.Drafting;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Components;

public sealed class DraftComparisonPanelTests : BunitContext
{
    private static DraftFindings Drafted(bool drawLine)
    {
        var data = TestData.CopyOf();
        try
        {
            var r = DraftStore.Create(data, "worcestershire", "proposed-2010", "Variation", ArrangementStatus.Option, "2010-09");
            Assert.True(r.Succeeded, string.Join("\n", r.Problems));
            if (drawLine)
            {
                r = DraftStore.Save(data, r.Draft!.Key, r.Version!, new AddLine("trust-board-2010-variation", "worcestershire-partnership", AccountabilityKind.AccountableTo));
                Assert.True(r.Succeeded, string.Join("\n", r.Problems));
            }
            return DraftFindings.Of(r.Dataset!, r.Draft!);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void A_fresh_copy_has_as_many_findings_as_its_original_and_nothing_gone_or_new()
    {
        var cut = Render<DraftComparisonPanel>(p => p.Add(x => x.Findings, Drafted(drawLine: false)));
        Assert.Contains("As many findings of each kind as proposed-2010", cut.Find(".tally").TextContent);
        Assert.Contains("Gone (0)", cut.Find(".gone h3").TextContent);
        Assert.Contains("New (0)", cut.Find(".new h3").TextContent);
        Assert.Contains("September 2010", cut.Find(".law").TextContent);
    }

    [Fact]
    public void After_the_boards_line_is_drawn_the_panel_counts_five_warnings_fewer_and_names_the_bodies_no_longer_cut_off()
    {
        var cut = Render<DraftComparisonPanel>(p => p.Add(x => x.Findings, Drafted(drawLine: true)));
        Assert.Contains("5 warnings fewer than proposed-2010", cut.Find(".tally").TextContent);
        var gone = cut.Find(".gone").TextContent;
        foreach (var body in new[] { "Children's Trust Board", "Management Group", "Joint Commissioning Executive", "Management Information Group", "(WSCB)" })
            Assert.Contains(body, gone);
        Assert.DoesNotContain("no reporting path", cut.Find(".findings-list").TextContent);
    }
}
