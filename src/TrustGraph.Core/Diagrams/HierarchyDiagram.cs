using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Diagrams;

/// <summary>
/// The hierarchy: every body of the arrangement and every line between them, laid out in layers with the LSP at the
/// top and accountability pointing up. Containment (<c>part_of</c>) is drawn as its own kind of line, and each board's
/// missing partners as a note beside it.
/// </summary>
public static class HierarchyDiagram
{
    public static DiagramModel Build(GovernanceGraph graph, IReadOnlyList<Finding> findings)
    {
        var overlays = new FindingOverlays(graph, findings);
        var nodes = graph.Bodies.Select(b => BodyNode(b, overlays)).ToList();
        var notes = overlays.MissingPartnerNotes().ToList();
        nodes.AddRange(notes);
        var edges = Lines(graph, overlays).ToList();
        edges.AddRange(notes.Select(n => new DiagramEdge($"e-{n.Id}", n.Id, n.Anchor!, DiagramEdge.Note, ["tg-overlay", FindingOverlays.Class(Checks.MissingRelevantPartner)])));
        return new DiagramModel(DiagramModel.Hierarchy, graph.Title, graph.Authority.Id, graph.ArrangementId, nodes, edges, [], overlays.Overlays());
    }

    internal static DiagramNode BodyNode(Body body, FindingOverlays overlays) =>
        new(body.Id, body.Name, body.Kind.ToWord(), Wording.Kind(body.Kind), body.Layer.ToWord(), DiagramNode.BodyRole, overlays.NodeClasses(body))
        {
            Group = body.Kind.ToWord(),
            Badge = overlays.Badge(body),
            Description = overlays.Describe(body),
        };

    /// <summary>What a reader hovering over a line is told: who answers to whom, and for an inferred line what it rests on.</summary>
    private static string Describe(GovernanceGraph graph, AccountabilityLine line)
    {
        var text = $"{graph.Body(line.From).Name} → {graph.Body(line.To).Name}: {Wording.Line(line.Kind)}";
        if (line.Basis == Basis.Inferred) text += " (inferred: the source supports this line but does not state it" + (line.Note is { Length: > 0 } note ? $"; {note})" : ")");
        else if (line.Note is { Length: > 0 } caveat) text += $" ({caveat})";
        return text;
    }

    /// <summary>Every accountability line, then every containment, as edges; ids are stable for one dataset.</summary>
    internal static IEnumerable<DiagramEdge> Lines(GovernanceGraph graph, FindingOverlays overlays)
    {
        var i = 0;
        foreach (var edge in graph.Lines.Edges)
            yield return new DiagramEdge($"e{i++}", edge.Line.From, edge.Line.To, edge.Line.Kind.ToWord(), overlays.EdgeClasses(edge.Line))
            {
                Description = Describe(graph, edge.Line),
            };
        foreach (var body in graph.Bodies.Where(b => b.PartOf is not null && graph.Contains(b.PartOf)))
            yield return new DiagramEdge($"p-{body.Id}", body.Id, body.PartOf!, DiagramEdge.PartOf, ["line-part-of"]);
    }
}
