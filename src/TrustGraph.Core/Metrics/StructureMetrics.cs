using QuikGraph;
using QuikGraph.Algorithms.Search;
using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Guidance;
using TrustGraph.Model;

namespace TrustGraph.Metrics;

/// <summary>
/// The figures a consultant compares across authorities for one arrangement. <see cref="LongestPathToLsp"/> is the
/// number of lines between the LSP and the body furthest below it (null when there is no LSP);
/// <see cref="RelevantPartnerCoverage"/> is present ÷ assessable partners (null when the board cannot be assessed).
/// </summary>
public sealed record StructureMetrics(
    string Authority,
    string? Arrangement,
    int Bodies,
    int Seats,
    int VacantSeats,
    int People,
    int PeopleOnSeveralBodies,
    int? LongestPathToLsp,
    int Cycles,
    int LspGaps,
    int? BoardMeetingsPerYear,
    double? RelevantPartnerCoverage,
    IReadOnlyList<PartnerCoverage> Coverage)
{
    public static StructureMetrics Compute(GovernanceGraph graph, IReadOnlyList<RelevantPartner>? partners = null)
    {
        var boards = Analyses.RelevantPartnerCoverage.Assess(graph, partners);
        var board = boards.FirstOrDefault();
        var coverage = board?.Partners ?? [];
        var assessable = coverage.Where(c => c.Status is CoverageStatus.Present or CoverageStatus.Vacant or CoverageStatus.Absent).ToList();
        double? ratio = board is { MembershipKnown: true } && assessable.Count > 0
            ? (double)assessable.Count(c => c.Status == CoverageStatus.Present) / assessable.Count
            : null;

        return new StructureMetrics(
            graph.Authority.Id,
            graph.ArrangementId,
            graph.Bodies.Count,
            graph.Seats.Count,
            graph.Seats.Count(s => s.Status == SeatStatus.Vacant),
            graph.People.Count,
            graph.People.Count(p => p.Seats.Select(s => s.Body).Distinct().Count() > 1),
            LongestPath(graph),
            AccountabilityCycles.Find(graph).Count,
            LspReportingGaps.Find(graph).Count(f => f.Severity == Severity.Warning),
            board?.Board.MeetsPerYear,
            ratio,
            coverage);
    }

    /// <summary>The greatest number of lines any body is from the LSP, by breadth-first search down the reversed chain.</summary>
    private static int? LongestPath(GovernanceGraph graph)
    {
        var lsps = graph.Bodies.Where(b => b.Kind == BodyKind.Lsp).Select(b => b.Id).ToList();
        if (lsps.Count == 0) return null;
        var reversed = new ReversedBidirectionalGraph<string, LineEdge>(graph.Chain);
        var distance = lsps.ToDictionary(id => id, _ => 0);
        foreach (var lsp in lsps)
        {
            var from = new Dictionary<string, int> { [lsp] = 0 };
            var bfs = new BreadthFirstSearchAlgorithm<string, SReversedEdge<string, LineEdge>>(reversed);
            bfs.TreeEdge += e => from[e.Target] = from[e.Source] + 1;
            bfs.Compute(lsp);
            foreach (var (id, d) in from) distance[id] = Math.Min(d, distance.GetValueOrDefault(id, int.MaxValue));
        }
        return distance.Values.Max();
    }
}
