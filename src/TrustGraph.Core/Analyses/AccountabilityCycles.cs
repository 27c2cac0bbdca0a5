using QuikGraph.Algorithms;
using QuikGraph.Algorithms.ConnectedComponents;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Analyses;

/// <summary>
/// Bodies that answer, through others, to themselves: every strongly connected component of the chain of
/// accountability (<c>accountable-to</c> and <c>reports-to</c>) with more than one body, and every self-loop.
/// </summary>
public static class AccountabilityCycles
{
    public static IReadOnlyList<Finding> Find(GovernanceGraph graph)
    {
        var findings = new List<Finding>();
        var chain = graph.Chain;
        var order = graph.Bodies.Select((b, i) => (b.Id, i)).ToDictionary(x => x.Id, x => x.i);

        foreach (var loop in chain.Edges.Where(e => e.Source == e.Target))
        {
            var body = graph.Body(loop.Source);
            findings.Add(RestsOn.Inferred(new Finding(graph.Authority.Id, graph.ArrangementId, Checks.AccountabilityCycle, Severity.Error,
                [body.Id, body.Name],
                SelfLoopMessage(body.Name, loop.Line.Kind),
                FindingText.SourcesOf([loop.Line.Source]))
            {
                Bodies = [body.Id],
                Remedy = SelfLoopRemedy(body.Name),
            }, graph, [loop.Line]));
        }

        var scc = new StronglyConnectedComponentsAlgorithm<string, LineEdge>(chain);
        scc.Compute();
        var components = scc.Components
            .GroupBy(kv => kv.Value, kv => kv.Key)
            .Select(g => g.OrderBy(id => order[id]).ToList())
            .Where(c => c.Count > 1)
            .OrderBy(c => order[c[0]]);

        foreach (var component in components)
        {
            var cycle = ShortestCycleThrough(graph, component[0], component.ToHashSet());
            var names = cycle.Select(e => graph.Body(e.Source).Name).Append(graph.Body(component[0]).Name).ToList();
            var members = component.Select(graph.Body).ToList();
            findings.Add(RestsOn.Inferred(new Finding(graph.Authority.Id, graph.ArrangementId, Checks.AccountabilityCycle, Severity.Error,
                members.Select(b => b.Id).Concat(members.Select(b => b.Name)).ToList(),
                CycleMessage(names, component.Count),
                FindingText.SourcesOf(cycle.Select(e => e.Line.Source)))
            {
                Bodies = component,
                Remedy = CycleRemedy(members.Select(b => b.Name).ToList()),
            }, graph, cycle.Select(e => e.Line)));
        }
        return findings;
    }

    private static List<LineEdge> ShortestCycleThrough(GovernanceGraph graph, string start, HashSet<string> component)
    {
        var pathsFromStart = graph.Chain.ShortestPathsDijkstra(_ => 1.0, start);
        List<LineEdge>? best = null;
        foreach (var back in graph.Chain.InEdges(start).Where(e => component.Contains(e.Source) && e.Source != start))
        {
            if (!pathsFromStart(back.Source, out var path)) continue;
            var cycle = path.Append(back).ToList();
            if (best is null || cycle.Count < best.Count) best = cycle;
        }
        return best ?? [];
    }

    // The wording of the findings, shared with the Cypher twin of this analysis (TrustGraph.Neo4j composes its messages here).

    public static string SelfLoopMessage(string bodyName, AccountabilityKind kind) =>
        $"{bodyName} is recorded as {Verb(kind)} itself, so its accountability goes nowhere.";

    public static string SelfLoopRemedy(string bodyName) => $"Correct the line from {bodyName}: name the body it really answers to.";

    /// <summary>The message for a loop: <paramref name="namesAlongCycle"/> starts and ends with the same body.</summary>
    public static string CycleMessage(IReadOnlyList<string> namesAlongCycle, int bodiesInLoop)
    {
        var extra = bodiesInLoop > namesAlongCycle.Count - 1 ? $" {bodiesInLoop} bodies are caught in this loop in all." : "";
        return $"Accountability cycle: {string.Join(" → ", namesAlongCycle)}. Each of these bodies answers, through the others, to itself.{extra}";
    }

    public static string CycleRemedy(IReadOnlyList<string> memberNames) =>
        $"Decide which of {FindingText.Names(memberNames)} is senior and make the others answer to it, not the reverse.";

    private static string Verb(AccountabilityKind kind) => kind == AccountabilityKind.AccountableTo ? "accountable to" : "reporting to";
}
