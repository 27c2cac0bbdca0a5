using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Diagrams;

/// <summary>
/// How findings are drawn onto a diagram, shared by the hierarchy and the onion: which nodes and lines carry a check's
/// <c>ov-…</c> class, the badge on bodies whose members sit on other bodies, and the note of a board's missing partners.
/// </summary>
internal sealed class FindingOverlays
{
    private readonly GovernanceGraph _graph;
    private readonly Dictionary<string, SortedSet<string>> _nodeChecks = new();
    private readonly List<HashSet<string>> _cycles = [];

    public FindingOverlays(GovernanceGraph graph, IReadOnlyList<Finding> findings)
    {
        _graph = graph;
        Findings = findings.Where(f => f.Authority == graph.Authority.Id && f.Arrangement == graph.ArrangementId).ToList();
        foreach (var finding in Findings)
        {
            if (finding.Severity == Severity.Info && finding.Check != Checks.AccountabilityCycle) continue;
            foreach (var body in finding.Bodies.Where(graph.Contains))
            {
                if (!_nodeChecks.TryGetValue(body, out var set)) _nodeChecks[body] = set = new SortedSet<string>(StringComparer.Ordinal);
                set.Add(finding.Check);
            }
            if (finding.Check == Checks.AccountabilityCycle) _cycles.Add(finding.Bodies.ToHashSet());
        }
    }

    public IReadOnlyList<Finding> Findings { get; }

    public static string Class(string check) => "ov-" + check;

    public IReadOnlyList<string> NodeClasses(Body body) =>
        [$"kind-{body.Kind.ToWord()}", $"layer-{body.Layer.ToWord()}",
         .. _nodeChecks.TryGetValue(body.Id, out var checks) ? checks.Select(Class) : []];

    /// <summary>A chain line whose two ends are caught in one cycle is part of the cycle; a line the source only supports is <c>basis-inferred</c>.</summary>
    public IReadOnlyList<string> EdgeClasses(AccountabilityLine line)
    {
        var classes = new List<string> { $"line-{line.Kind.ToWord()}" };
        if (line.Kind.CarriesAccountability() && _cycles.Any(c => c.Contains(line.From) && c.Contains(line.To)))
            classes.Add(Class(Checks.AccountabilityCycle));
        if (line.Basis == Basis.Inferred) classes.Add(InferredClass);
        return classes;
    }

    public const string InferredClass = "basis-inferred";

    public DiagramBadge? Badge(Body body)
    {
        var shared = _graph.People
            .Where(p => p.Seats.Any(s => s.Body == body.Id))
            .Select(p => (p.Name, Others: p.BodyIds.Where(id => id != body.Id).Select(id => _graph.Body(id).Name).ToList()))
            .Where(p => p.Others.Count > 0)
            .ToList();
        if (shared.Count == 0) return null;
        var who = string.Join("; ", shared.Select(p => $"{p.Name} (also on {string.Join(", ", p.Others)})"));
        var title = shared.Count == 1
            ? $"1 person here sits on other bodies: {who}"
            : $"{shared.Count} people here sit on other bodies: {who}";
        return new DiagramBadge(shared.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), title, Checks.DuplicatedMembership);
    }

    /// <summary>A note beside each board listing its relevant partners with no seat or only a vacant one.</summary>
    public IEnumerable<DiagramNode> MissingPartnerNotes()
    {
        foreach (var board in RelevantPartnerCoverage.Assess(_graph))
        {
            var lines = board.Partners
                .Where(p => p.Status is CoverageStatus.Absent or CoverageStatus.Vacant)
                .Select(p => $"{(p.Status == CoverageStatus.Vacant ? "Vacant" : "No seat")}: {p.Partner.Name}")
                .ToList();
            if (!board.MembershipKnown) lines = ["Membership not given: cannot assess"];
            else if (board.MembershipPartial) lines.Add("Only some seats listed: partners not shown cannot be assessed");
            if (lines.Count == 0) continue;
            yield return new DiagramNode(NoteId(board.Board.Id), "Missing relevant partners", "note", "Missing relevant partners",
                board.Board.Layer.ToWord(), DiagramNode.NoteRole, ["tg-overlay", Class(Checks.MissingRelevantPartner)])
            {
                Notes = lines,
                Anchor = board.Board.Id,
                Description = $"{board.Board.Name}: " + string.Join("; ", lines),
            };
        }
    }

    public static string NoteId(string boardId) => "note-" + boardId;

    public IReadOnlyList<DiagramOverlay> Overlays() =>
        Checks.Core.Select(check => new DiagramOverlay(check, Wording.Overlay(check),
            check == Checks.DuplicatedMembership
                ? _graph.People.Count(p => p.BodyIds.Skip(1).Any())
                : Findings.Count(f => f.Check == check && f.Severity != Severity.Info))).ToList();

    public string Describe(Body body)
    {
        var seats = _graph.SeatsOn(body.Id).ToList();
        var parts = new List<string> { Wording.Kind(body.Kind), Wording.Ring(body.Layer) };
        if (body.MeetsPerYear is int n) parts.Add($"meets {n} times a year");
        parts.Add(seats.Count == 1 ? "1 seat" : $"{seats.Count} seats");
        var vacant = seats.Count(s => s.Status == SeatStatus.Vacant);
        if (vacant > 0) parts.Add($"{vacant} vacant");
        return string.Join(" · ", parts);
    }
}
