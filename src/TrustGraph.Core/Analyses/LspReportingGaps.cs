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
                    NoLspMessage(graph.Title, graph.Bodies.Count),
                    FindingText.SourcesOf(graph.Bodies.Select(b => b.Source)))
                {
                    Bodies = graph.Bodies.Select(b => b.Id).ToList(),
                    Remedy = NoLspRemedy,
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
        var lspNames = lsps.Select(l => l.Name).ToList();
        var findings = new List<Finding>();
        foreach (var body in graph.Bodies)
        {
            if (body.Kind is BodyKind.Lsp or BodyKind.AgencyGovernance || reaching.Contains(body.Id)) continue;
            var up = graph.Chain.OutEdges(body.Id).Where(e => e.Target != body.Id).Select(e => graph.Body(e.Target)).ToList();
            var other = graph.Lines.OutEdges(body.Id).Where(e => !e.Line.Kind.CarriesAccountability()).ToList();
            findings.Add(RestsOn.Inferred(new Finding(graph.Authority.Id, graph.ArrangementId, Checks.LspReportingGap, Severity.Warning,
                [body.Id, body.Name],
                GapMessage(body.Name, lspNames, up.Select(b => b.Name).ToList(), other.Select(e => (e.Line.Kind, graph.Body(e.Target).Name)).ToList()),
                FindingText.SourcesOf(graph.Lines.OutEdges(body.Id).Select(e => e.Line.Source).Prepend(body.Source)))
            {
                Bodies = [body.Id],
                Remedy = GapRemedy(body.Name, lspNames),
            }, graph, graph.Lines.OutEdges(body.Id).Select(e => (IHasBasis)e.Line).Prepend(body)));
        }
        return findings;
    }

    // The wording of the findings, shared with the Cypher twin of this analysis (TrustGraph.Neo4j composes its messages here).

    /// <summary>
    /// An arrangement with no LSP: the papers do not name one. That is a gap in the evidence, kept apart from a finding that
    /// the structure never reaches the LSP (a body with no chain to an LSP the papers do name).
    /// </summary>
    public static string NoLspMessage(string title, int bodyCount) =>
        $"The papers for {title} do not name a Local Strategic Partnership, so none is recorded: whether the structure reaches one "
        + $"cannot be shown, which is not the same as finding that it never does. None of its {bodyCount} bodies has a recorded line to an LSP.";

    public const string NoLspRemedy = "Record the LSP and the line by which the Children's Trust Board answers to it (or add the source that describes it).";

    /// <summary>
    /// Why a body has no path: <paramref name="answersTo"/> are the bodies its chain lines lead to (one per line), else
    /// <paramref name="otherLines"/> its advises/observes lines, else nothing is recorded.
    /// </summary>
    public static string GapMessage(string bodyName, IReadOnlyList<string> lspNames, IReadOnlyList<string> answersTo,
        IReadOnlyList<(AccountabilityKind Kind, string TargetName)> otherLines)
    {
        var why = answersTo.Count > 0
            ? $"it answers to {FindingText.Names(answersTo)}, which never reach{(answersTo.Count == 1 ? "es" : "")} the LSP"
            : otherLines.Count > 0
                ? $"its only lines are {FindingText.Names(otherLines.Select(l => $"{l.Kind.ToWord()} {l.TargetName}"))}, which carry no accountability"
                : "no line of accountability from it is recorded";
        return $"{bodyName} has no reporting path to {FindingText.Names(lspNames)}: {why}.";
    }

    public static string GapRemedy(string bodyName, IReadOnlyList<string> lspNames) =>
        $"State to whom {bodyName} is accountable, in a chain that ends at {FindingText.Names(lspNames)}.";

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
