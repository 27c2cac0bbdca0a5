using TrustGraph.Model;

namespace TrustGraph.Guidance;

/// <summary>Whether an arrangement meets a requirement. <c>CannotAssess</c> means the papers do not say; it is never a guess either way.</summary>
public enum VerdictStatus { Met, NotMet, CannotAssess }

/// <summary>The rows of the dataset a verdict rests on: the bodies, seats, duties and lines a reader can check in the sources.</summary>
public sealed record Evidence(
    IReadOnlyList<Body> Bodies,
    IReadOnlyList<Seat> Seats,
    IReadOnlyList<Duty> Duties,
    IReadOnlyList<AccountabilityLine> Lines)
{
    public static readonly Evidence None = new([], [], [], []);

    public static Evidence Of(
        IEnumerable<Body>? bodies = null, IEnumerable<Seat>? seats = null,
        IEnumerable<Duty>? duties = null, IEnumerable<AccountabilityLine>? lines = null) =>
        new((bodies ?? []).Distinct().ToList(), (seats ?? []).Distinct().ToList(),
            (duties ?? []).Distinct().ToList(), (lines ?? []).Distinct().ToList());

    /// <summary>Every source reference behind the evidence, in the order a reader meets them, without repeats.</summary>
    public IReadOnlyList<SourceRef> Sources =>
        Bodies.Select(b => b.Source)
            .Concat(Seats.Select(s => s.Source))
            .Concat(Duties.Select(d => d.Source))
            .Concat(Lines.Select(l => l.Source))
            .Distinct()
            .ToList();

    public bool IsEmpty => Bodies.Count == 0 && Seats.Count == 0 && Duties.Count == 0 && Lines.Count == 0;
}

/// <summary>
/// What one check concludes about one arrangement, before it is tied to a requirement: the status, the reason in a
/// sentence or two, the evidence, and for a gap the remedy a board could minute.
/// </summary>
public sealed record Assessment(VerdictStatus Status, string Reason, string? Remedy, Evidence Evidence)
{
    public static Assessment Met(string reason, Evidence evidence) => new(VerdictStatus.Met, reason, null, evidence);

    public static Assessment NotMet(string reason, string remedy, Evidence evidence) => new(VerdictStatus.NotMet, reason, remedy, evidence);

    public static Assessment CannotAssess(string reason, Evidence? evidence = null) =>
        new(VerdictStatus.CannotAssess, reason, null, evidence ?? Evidence.None);
}

/// <summary>
/// A requirement judged for one arrangement of one authority. <see cref="Severity"/> is the requirement's, lowered to
/// <c>warning</c> when the arrangement predates the date the requirement became statutory, and <c>info</c> when it
/// cannot be assessed; it means nothing for a requirement that is met.
/// </summary>
public sealed record Verdict(
    string Authority, string? Arrangement, Requirement Requirement, VerdictStatus Status, Severity Severity,
    string Reason, string? Remedy, Evidence Evidence)
{
    public bool IsGap => Status == VerdictStatus.NotMet;
}

public static class VerdictStatusExtensions
{
    /// <summary>How a person reads it in a table: "Met", "Not met", "Cannot assess".</summary>
    public static string Label(this VerdictStatus status) => status switch
    {
        VerdictStatus.Met => "Met",
        VerdictStatus.NotMet => "Not met",
        _ => "Cannot assess",
    };
}
