using TrustGraph.Analyses;
using TrustGraph.Graph;

namespace TrustGraph.Guidance;

/// <summary>No body answers, through others, to itself: judged by the shared analysis (<see cref="AccountabilityCycles"/>).</summary>
public static class NoAccountabilityCycles
{
    public const string Name = "no-accountability-cycles";

    public static Assessment Assess(GovernanceGraph graph)
    {
        var chain = graph.Chain.Edges.Select(e => e.Line).ToList();
        if (chain.Count == 0)
            return Assessment.CannotAssess($"No accountable-to or reports-to lines are recorded for {graph.Title}, so there is no chain to check.");

        var cycles = AccountabilityCycles.Find(graph);
        if (cycles.Count == 0)
            return Assessment.Met(
                chain.Count == 1 ? "The one line of accountability recorded forms no cycle." : $"The {chain.Count} lines of accountability recorded form no cycle.",
                Evidence.Of(lines: chain));

        var bodies = cycles.SelectMany(f => f.Bodies).Distinct().Select(graph.Body).ToList();
        return Assessment.NotMet(
            string.Join(" ", cycles.Select(f => f.Message)),
            string.Join(" ", cycles.Select(f => f.Remedy).OfType<string>()),
            Evidence.Of(bodies, lines: chain.Where(l => bodies.Any(b => b.Id == l.From) && bodies.Any(b => b.Id == l.To))));
    }
}
