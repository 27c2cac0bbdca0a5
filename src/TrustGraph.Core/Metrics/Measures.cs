using System.Globalization;

namespace TrustGraph.Metrics;

/// <summary>
/// One row of a comparison: what it is called, what it means (shown a click away on the compare page and printed
/// under the table in reports), and how one arrangement's figure reads.
/// </summary>
public sealed record Measure(string Id, string Label, string Definition, Func<StructureMetrics, string> Value);

/// <summary>
/// The measures that tell Children's Trust arrangements apart, in the order the compare page and the <c>compare</c>
/// command show them. One list, so the viewer, HTML, Markdown, CSV and PDF never disagree.
/// </summary>
public static class Measures
{
    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>"43%": whole percentages, the same in every culture (the CLI runs in invariant-globalisation mode).</summary>
    public static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>"1 body", "7 bodies": a count with its noun in the right number.</summary>
    public static string Count(int n, string one, string many) => $"{Number(n)} {(n == 1 ? one : many)}";

    public static readonly IReadOnlyList<Measure> All =
    [
        new("reach-lsp", "Bodies that reach the LSP",
            "Of the bodies that should answer to the Local Strategic Partnership (every body but the LSP itself and partner agencies' own boards), "
            + "the share with a chain of accountable-to or reports-to lines up to it. The rest are the bodies the diagrams tag as cut off from the LSP.",
            m => !m.HasLsp ? $"No LSP recorded (0 of {m.BodiesExpectedToReachLsp})"
                : m.ShareReachingLsp is double s ? $"{Percent(s)} ({m.BodiesReachingLsp} of {m.BodiesExpectedToReachLsp})" : "No bodies to assess"),
        new("longest-path", "Longest path to the LSP",
            "The most lines any body that reaches the LSP is below it: how many steps a concern travels to the top.",
            m => m.LongestPathToLsp is int n ? Count(n, "line", "lines") : "No LSP recorded"),
        new("partner-coverage", "Relevant partners on the Board",
            "The statutory relevant partners (Children Act 2004 s10(4), as in force on the arrangement's date) on the Children's Trust Board, counted apart: "
            + "present (a filled seat), vacant (only a vacant seat), absent (no seat on a board whose whole membership is given) and cannot assess "
            + "(the membership is not given or only partly listed, or the partner exists only in some areas).",
            m => m.BoardName is null ? "No Board recorded"
                : $"{m.CoverageCounts.Present} present, {m.CoverageCounts.Vacant} vacant, {m.CoverageCounts.Absent} absent, {m.CoverageCounts.CannotAssess} cannot assess"),
        new("board-size", "Board size",
            "Seats on the Children's Trust Board (with the seats of the groups it is divided into), filled or vacant.",
            m => m.BoardSeats is int n ? (m.BoardMembershipKnown ? Count(n, "seat", "seats") + (m.BoardMembershipPartial ? " (list partial)" : "") : "Membership not given") : "No Board recorded"),
        new("board-meetings", "Board meetings a year",
            "How often the Children's Trust Board meets, as its terms of reference state.",
            m => m.BoardName is null ? "No Board recorded" : m.BoardMeetingsPerYear is int n ? Number(n) : "Not stated"),
        new("vacancy-rate", "Vacancy rate",
            "Vacant seats as a share of all seats on every body of the arrangement.",
            m => m.VacancyRate is double r ? $"{Percent(r)} ({m.VacantSeats} of {m.Seats})" : "No seats recorded"),
        new("seats-per-person", "Seats per named person",
            "Seats held by named people, divided by the number of people named: 1.00 means nobody holds two seats.",
            m => m.SeatsPerNamedPerson is double r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "Nobody named"),
        new("people-on-several", "People on two or more bodies",
            "Named people who hold seats on more than one body: the links that carry decisions between bodies, and the people a structure leans on.",
            m => Number(m.PeopleOnSeveralBodies)),
        new("cycles", "Accountability cycles",
            "Loops in the chain of accountability: bodies that, line by line, end up answering to themselves.",
            m => Number(m.Cycles)),
        new("bodies", "Bodies, seats, people",
            "How big the arrangement is: the bodies recorded, their seats and the people named in them.",
            m => $"{Count(m.Bodies, "body", "bodies")}, {Count(m.Seats, "seat", "seats")}, {Count(m.People, "person", "people")}"),
    ];
}
