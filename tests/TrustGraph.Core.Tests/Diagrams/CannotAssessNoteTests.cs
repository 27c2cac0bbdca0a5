using TrustGraph.Analyses;
using TrustGraph.Diagrams;
using TrustGraph.Graph;

namespace TrustGraph.Core.Tests.Diagrams;

public sealed class CannotAssessNoteTests
{
    private static string Hierarchy(string authority, string arrangement)
    {
        var graph = GovernanceGraph.For(RealDataset.Load()).Single(g => g.Authority.Id == authority && g.ArrangementId == arrangement);
        return DiagramSvg.Render(HierarchyDiagram.Build(graph, Analysis.Run(graph)));
    }

    [Theory]
    [InlineData("worcestershire", "proposed-2010")]
    [InlineData("anyplace", "board-sample")]
    public void A_board_whose_list_is_partial_carries_the_cannot_assess_note_on_the_diagram(string authority, string arrangement)
    {
        Assert.Contains("partners not shown cannot be assessed", Hierarchy(authority, arrangement));
    }

    [Fact]
    public void A_board_whose_list_is_full_carries_no_partial_note()
    {
        Assert.DoesNotContain("partners not shown cannot be assessed", Hierarchy("worcestershire", "2009"));
    }
}
