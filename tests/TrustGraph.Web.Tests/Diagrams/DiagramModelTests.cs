using TrustGraph.Analyses;
using TrustGraph.Diagrams;
using TrustGraph.Graph;
using TrustGraph.Loading;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Diagrams;

public sealed class DiagramModelTests
{
    private static GovernanceGraph Cycle => GovernanceGraph.For(DatasetLoader.Load(TestData.WriteCycle()).Dataset!.Authorities[0])[0];

    [Fact]
    public void The_hierarchy_has_a_node_for_every_body_and_an_edge_for_every_line_and_containment()
    {
        var graph = TestData.Graph("worcestershire", "2009");
        var model = HierarchyDiagram.Build(graph, Analysis.Run(graph));
        Assert.Equal(graph.Bodies.Select(b => b.Id).ToHashSet(), model.Nodes.Where(n => n.Role == DiagramNode.BodyRole).Select(n => n.Id).ToHashSet());
        Assert.Equal(graph.Lines.EdgeCount, model.Edges.Count(e => e.Id.StartsWith('e') && e.Kind != DiagramEdge.Note));
        Assert.Contains(model.Edges, e => e is { From: "pab", To: "cypsp", Kind: DiagramEdge.PartOf });
        Assert.Contains("kind-trust-board", model.Node("cypsp")!.Classes);
    }

    [Fact]
    public void Findings_become_classes_a_badge_and_a_note_of_the_boards_missing_partners()
    {
        var graph = TestData.Graph("worcestershire", "2009");
        var model = HierarchyDiagram.Build(graph, Analysis.Run(graph));
        Assert.Contains("ov-lsp-reporting-gap", model.Node("wscb")!.Classes);
        Assert.Equal("2", model.Node("pab")!.Badge!.Text);
        Assert.Contains("Richard Keble (also on Joint Commissioning Board (JCB))", model.Node("pab")!.Badge!.Title);
        var note = model.Node("note-cypsp")!;
        Assert.Equal("cypsp", note.Anchor);
        Assert.Contains("No seat: Strategic Health Authority", note.Notes);
    }

    [Fact]
    public void Every_line_of_a_cycle_and_no_other_is_marked_as_part_of_it()
    {
        var graph = Cycle;
        var model = HierarchyDiagram.Build(graph, Analysis.Run(graph));
        var marked = model.Edges.Where(e => e.Classes.Contains("ov-accountability-cycle")).Select(e => (e.From, e.To)).ToHashSet();
        Assert.Equal(new HashSet<(string, string)> { ("a", "b"), ("b", "c"), ("c", "a") }, marked);
        Assert.Equal(1, model.Overlays.Single(o => o.Check == Checks.AccountabilityCycle).Count);
    }

    [Fact]
    public void The_onion_has_the_four_rings_outside_in_the_five_outcomes_and_links_duties_to_their_outcome()
    {
        var graph = TestData.Graph("worcestershire", "2009");
        var model = OnionDiagram.Build(graph, Analysis.Run(graph));
        Assert.Equal(["governance", "strategy", "processes", "delivery", "outcomes"], model.Rings.Select(r => r.Id).ToArray());
        Assert.Equal("Integrated strategy (joint planning and commissioning)", model.Rings[1].Label);
        Assert.Equal(5, model.Nodes.Count(n => n.Kind == "outcome"));
        Assert.Contains(model.Edges, e => e is { From: "cypsp", To: OnionDiagram.CentreId, Kind: DiagramEdge.Serves });
        Assert.Contains(model.Edges, e => e is { From: "cypsp", To: "outcome-positive-contribution", Kind: DiagramEdge.Serves });
        Assert.Equal("outside", model.Node("worcestershire-partnership")!.Layer);
    }

    [Fact]
    public void A_search_finds_every_seat_a_person_holds_whatever_the_case()
    {
        var matches = SeatSearch.Find(TestData.Graph("worcestershire", "2009"), "richard KEBLE");
        Assert.Equal(["jcb", "pab"], matches.Select(m => m.Body.Id).Order().ToArray());
        Assert.All(matches, m => Assert.Equal("person", m.MatchedOn));
        Assert.Empty(SeatSearch.Find(TestData.Graph("worcestershire", "2009"), "k"));
        Assert.NotEmpty(SeatSearch.Find(TestData.Graph("worcestershire", "2009"), "West Mercia"));
    }
}
