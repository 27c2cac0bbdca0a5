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
            findings.Add(new Finding(graph.Authority.Id, graph.ArrangementId, Checks.AccountabilityCycle, Severity.Error,
                [body.Id, body.Name],
                $"{body.Name} is recorded as {Verb(loop.Line.Kind)} itself, so its accountability goes nowhere.",
                FindingText.SourcesOf([loop.Line.Source]))
            {
                Bodies = [body.Id],
                Remedy = $"Correct the line from {body.Name}: name the body it really answers to.",
            });
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
            var names = cycle.Select(e => graph.Body(e.Source).Name).Append(graph.Body(component[0]).Name);
            var members = component.Select(graph.Body).ToList();
            var extra = component.Count > cycle.Count ? $" {component.Count} bodies are caught in this loop in all." : "";
            findings.Add(new Finding(graph.Authority.Id, graph.ArrangementId, Checks.AccountabilityCycle, Severity.Error,
                members.Select(b => b.Id).Concat(members.Select(b => b.Name)).ToList(),
                $"Accountability cycle: {string.Join(" → ", names)}. Each of these bodies answers, through the others, to itself.{extra}",
                FindingText.SourcesOf(cycle.Select(e => e.Line.Source)))
            {
                Bodies = component,
                Remedy = $"Decide which of {FindingText.Names(members.Select(b => b.Name))} is senior and make the others answer to it, not the reverse.",
            });
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

    private static string Verb(AccountabilityKind kind) => kind == AccountabilityKind.AccountableTo ? "accountable to" : "reporting to";
}
