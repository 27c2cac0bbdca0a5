using QuikGraph;
using QuikGraph.Algorithms.Search;
using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Guidance;
using TrustGraph.Model;

namespace TrustGraph.Metrics;

/// <summary>How a board covers the relevant partners in force on its date, each status counted apart.</summary>
/// <param name="Present">Partners with a filled seat.</param>
/// <param name="Vacant">Partners whose only seats are vacant.</param>
/// <param name="Absent">Partners with no seat on a board whose full membership is known.</param>
/// <param name="CannotAssess">Partners the papers cannot settle: membership not given or listed only in part, a tier not known, a partner that exists only in some areas.</param>
public sealed record CoverageCounts(int Present, int Vacant, int Absent, int CannotAssess)
{
    /// <summary>The partners that could be judged present, vacant or absent.</summary>
    public int Assessable => Present + Vacant + Absent;

    public static CoverageCounts Of(IReadOnlyList<PartnerCoverage> coverage) => new(
        coverage.Count(c => c.Status == CoverageStatus.Present),
        coverage.Count(c => c.Status == CoverageStatus.Vacant),
        coverage.Count(c => c.Status == CoverageStatus.Absent),
        coverage.Count(c => c.Status == CoverageStatus.CannotAssess));
}

/// <summary>
/// The figures a consultant compares across arrangements, counted from the same findings the viewer draws on the
/// diagrams, so that a page never says 0 bodies are cut off beside a diagram that tags seven. Each figure's meaning is
/// in <see cref="Measures"/>.
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
    int BodiesCutOff,
    int BodiesExpectedToReachLsp,
    bool HasLsp,
    int? BoardMeetingsPerYear,
    int? BoardSeats,
    string? BoardName,
    bool BoardMembershipKnown,
    bool BoardMembershipPartial,
    double? RelevantPartnerCoverage,
    CoverageCounts CoverageCounts,
    IReadOnlyList<PartnerCoverage> Coverage)
{
    /// <summary>Bodies that must answer to the LSP (all but the LSP itself and partner agencies' own governance) and do.</summary>
    public int BodiesReachingLsp => Math.Max(0, BodiesExpectedToReachLsp - BodiesCutOff);

    /// <summary>Share of the bodies that must reach the LSP that do; null when there are none to reach it.</summary>
    public double? ShareReachingLsp => BodiesExpectedToReachLsp == 0 ? null : (double)BodiesReachingLsp / BodiesExpectedToReachLsp;

    /// <summary>Vacant seats as a share of all seats; null when no seat is recorded.</summary>
    public double? VacancyRate => Seats == 0 ? null : (double)VacantSeats / Seats;

    /// <summary>Filled seats held by named people, per named person; 1.0 means nobody holds two seats.</summary>
    public double? SeatsPerNamedPerson { get; init; }

    /// <summary>The partners absent from the board (no seat at all), by name.</summary>
    public IReadOnlyList<RelevantPartner> AbsentPartners => Coverage.Where(c => c.Status == CoverageStatus.Absent).Select(c => c.Partner).ToList();

    /// <summary>The partners whose only seats are vacant.</summary>
    public IReadOnlyList<RelevantPartner> VacantPartners => Coverage.Where(c => c.Status == CoverageStatus.Vacant).Select(c => c.Partner).ToList();

    /// <summary>The metrics of <paramref name="graph"/>, counted from <paramref name="findings"/> (run them when not given).</summary>
    public static StructureMetrics Compute(GovernanceGraph graph, IReadOnlyList<Finding>? findings = null, IReadOnlyList<RelevantPartner>? partners = null)
    {
        findings ??= Analysis.Run(graph, partners);
        var boards = Analyses.RelevantPartnerCoverage.Assess(graph, partners);
        var board = boards.FirstOrDefault();
        var coverage = board?.Partners ?? [];
        var counts = CoverageCounts.Of(coverage);
        double? ratio = board is { MembershipKnown: true } && counts.Assessable > 0 ? (double)counts.Present / counts.Assessable : null;

        var cutOff = findings.Where(f => f.Check == Checks.LspReportingGap).SelectMany(f => f.Bodies).ToHashSet();
        var expected = graph.Bodies.Where(b => b.Kind is not (BodyKind.Lsp or BodyKind.AgencyGovernance)).Select(b => b.Id).ToHashSet();
        var named = graph.People.ToList();
        var namedSeats = named.Sum(p => p.Seats.Count);

        return new StructureMetrics(
            graph.Authority.Id,
            graph.ArrangementId,
            graph.Bodies.Count,
            graph.Seats.Count,
            graph.Seats.Count(s => s.Status == SeatStatus.Vacant),
            graph.People.Count,
            graph.People.Count(p => p.BodyIds.Skip(1).Any()),
            LongestPath(graph),
            findings.Count(f => f.Check == Checks.AccountabilityCycle),
            cutOff.Count(expected.Contains),
            expected.Count,
            graph.Bodies.Any(b => b.Kind == BodyKind.Lsp),
            board?.Board.MeetsPerYear,
            board is null ? null : graph.SeatsOn(board.Board.Id).Count() + board.Parts.Sum(p => graph.SeatsOn(p.Id).Count()),
            board?.Board.Name,
            board?.MembershipKnown ?? false,
            board?.MembershipPartial ?? false,
            ratio,
            counts,
            coverage)
        {
            SeatsPerNamedPerson = named.Count == 0 ? null : (double)namedSeats / named.Count,
        };
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
