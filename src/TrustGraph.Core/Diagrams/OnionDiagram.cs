using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Diagrams;

/// <summary>
/// The DCSF "onion": concentric rings, outside in, of inter-agency governance, integrated strategy, integrated processes
/// and integrated front-line delivery, around the five Every Child Matters outcomes. Each body sits on the ring of its
/// layer, grouped by kind; the LSP and agencies' own governance sit outside the rings. A duty tagged with an outcome links
/// its body to that outcome (a duty for all five links to the centre).
/// </summary>
public static class OnionDiagram
{
    public static readonly IReadOnlyList<OnionLayer> RingsOutsideIn =
        [OnionLayer.Governance, OnionLayer.Strategy, OnionLayer.Processes, OnionLayer.Delivery];

    public static readonly IReadOnlyList<Outcome> FiveOutcomes =
        [Outcome.BeHealthy, Outcome.StaySafe, Outcome.EnjoyAndAchieve, Outcome.PositiveContribution, Outcome.EconomicWellBeing];

    public const string CentreId = "outcome-all";

    public static string OutcomeId(Outcome outcome) => "outcome-" + outcome.ToWord();

    public static DiagramModel Build(GovernanceGraph graph, IReadOnlyList<Finding> findings)
    {
        var overlays = new FindingOverlays(graph, findings);
        var nodes = graph.Bodies
            .OrderBy(b => b.Kind).ThenBy(b => b.Name, StringComparer.Ordinal)
            .Select(b => HierarchyDiagram.BodyNode(b, overlays))
            .ToList();
        nodes.Add(new DiagramNode(CentreId, Wording.OutcomesForChildren, "outcomes", Wording.OutcomesForChildren, "outcomes",
            DiagramNode.OutcomeRole, ["outcome-centre"]) { Description = "Every Child Matters: the five outcomes for children" });
        nodes.AddRange(FiveOutcomes.Select(o => new DiagramNode(OutcomeId(o), Wording.Outcome(o), "outcome", "Outcome", "outcomes",
            DiagramNode.OutcomeRole, ["outcome"]) { Description = $"Every Child Matters outcome: {Wording.Outcome(o)}" }));
        var notes = overlays.MissingPartnerNotes().ToList();
        nodes.AddRange(notes);

        var edges = HierarchyDiagram.Lines(graph, overlays).ToList();
        edges.AddRange(graph.Duties
            .Where(d => d.Outcome is not null)
            .Select(d => (d.Body, Outcome: d.Outcome!.Value))
            .Distinct()
            .Select(x => new DiagramEdge($"s-{x.Body}-{x.Outcome.ToWord()}", x.Body,
                x.Outcome == Outcome.All ? CentreId : OutcomeId(x.Outcome), DiagramEdge.Serves, ["line-serves"])));
        edges.AddRange(notes.Select(n => new DiagramEdge($"e-{n.Id}", n.Id, n.Anchor!, DiagramEdge.Note,
            ["tg-overlay", FindingOverlays.Class(Checks.MissingRelevantPartner)])));

        var rings = RingsOutsideIn.Select(l => new DiagramRing(l.ToWord(), Wording.Ring(l)))
            .Append(new DiagramRing("outcomes", Wording.OutcomesForChildren)).ToList();
        return new DiagramModel(DiagramModel.Onion, graph.Title, graph.Authority.Id, graph.ArrangementId, nodes, edges, rings, overlays.Overlays());
    }
}
