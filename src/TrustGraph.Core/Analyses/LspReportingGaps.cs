using QuikGraph;
using QuikGraph.Algorithms.Search;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Analyses;

/// <summary>
/// Bodies with no chain of accountability (<c>accountable-to</c> or <c>reports-to</c>) up to their authority's
/// Local Strategic Partnership. Partner agencies' own governance (a PCT board, a cabinet) answers elsewhere and is
/// not expected to reach the LSP. An arrangement with no LSP at all gets one error.
/// </summary>
public static class LspReportingGaps
{
    public static IReadOnlyList<Finding> Find(GovernanceGraph graph)
    {
        var lsps = graph.Bodies.Where(b => b.Kind == BodyKind.Lsp).ToList();
        if (lsps.Count == 0)
        {
            return graph.Bodies.Count == 0 ? [] :
            [
                new Finding(graph.Authority.Id, graph.ArrangementId, Checks.LspReportingGap, Severity.Error,
                    [graph.Authority.Id, graph.Authority.Name],
                    $"{graph.Title} has no Local Strategic Partnership recorded, so the structure never reaches an LSP: "
                    + $"none of its {graph.Bodies.Count} bodies can show a line of accountability to one.",
                    FindingText.SourcesOf(graph.Bodies.Select(b => b.Source)))
                {
                    Bodies = graph.Bodies.Select(b => b.Id).ToList(),
                    Remedy = "Record the LSP and the line by which the Children's Trust Board answers to it (or add the source that describes it).",
                },
            ];
        }

        var reaching = ReachingAny(graph.Chain, lsps.Select(l => l.Id));
        bool added;
        do
        {
            added = false;
            foreach (var part in graph.Bodies.Where(b => b.PartOf is not null && reaching.Contains(b.PartOf) && !reaching.Contains(b.Id)))
                added |= reaching.Add(part.Id);
        } while (added);
        var lspNames = FindingText.Names(lsps.Select(l => l.Name));
        var findings = new List<Finding>();
        foreach (var body in graph.Bodies)
        {
            if (body.Kind is BodyKind.Lsp or BodyKind.AgencyGovernance || reaching.Contains(body.Id)) continue;
            var up = graph.Chain.OutEdges(body.Id).Where(e => e.Target != body.Id).Select(e => graph.Body(e.Target)).ToList();
            var other = graph.Lines.OutEdges(body.Id).Where(e => !e.Line.Kind.CarriesAccountability()).ToList();
            var why = up.Count > 0
                ? $"it answers to {FindingText.Names(up.Select(b => b.Name))}, which never reach{(up.Count == 1 ? "es" : "")} the LSP"
                : other.Count > 0
                    ? $"its only lines are {FindingText.Names(other.Select(e => $"{e.Line.Kind.ToWord()} {graph.Body(e.Target).Name}"))}, which carry no accountability"
                    : "no line of accountability from it is recorded";
            findings.Add(new Finding(graph.Authority.Id, graph.ArrangementId, Checks.LspReportingGap, Severity.Warning,
                [body.Id, body.Name],
                $"{body.Name} has no reporting path to {lspNames}: {why}.",
                FindingText.SourcesOf(graph.Lines.OutEdges(body.Id).Select(e => e.Line.Source).Prepend(body.Source)))
            {
                Bodies = [body.Id],
                Remedy = $"State to whom {body.Name} is accountable, in a chain that ends at {lspNames}.",
            });
        }
        return findings;
    }

    /// <summary>The bodies with a path to any of <paramref name="targets"/>: a breadth-first search on the reversed chain.</summary>
    private static HashSet<string> ReachingAny(BidirectionalGraph<string, LineEdge> chain, IEnumerable<string> targets)
    {
        var reversed = new ReversedBidirectionalGraph<string, LineEdge>(chain);
        var reached = new HashSet<string>();
        foreach (var target in targets)
        {
            var bfs = new BreadthFirstSearchAlgorithm<string, SReversedEdge<string, LineEdge>>(reversed);
            bfs.DiscoverVertex += v => reached.Add(v);
            bfs.Compute(target);
        }
        return reached;
    }
}
