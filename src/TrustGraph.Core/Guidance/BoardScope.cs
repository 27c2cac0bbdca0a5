using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Guidance;

/// <summary>
/// The Children's Trust Board of an arrangement as the checks see it: the board the papers record (<see cref="TrustBoard.Recorded"/>:
/// every body of kind trust-board, else the plan holder, else the one named with <c>--board</c>), and the bodies it is divided
/// into, whose seats and duties are the board's own. Only the relevant-partner check judges a stand-in whose membership is listed.
/// </summary>
internal sealed record BoardScope(IReadOnlyList<Body> Boards, IReadOnlyList<Body> Parts, string? Choice)
{
    public bool IsEmpty => Boards.Count == 0;

    public IEnumerable<Body> Bodies => Boards.Concat(Parts);

    public bool Contains(string bodyId) => Bodies.Any(b => b.Id == bodyId);

    /// <summary>"Children's Trust Board", or "A and B" where the papers record two.</summary>
    public string Name => FindingText.Names(Boards.Select(b => b.Name));

    public IEnumerable<Seat> Seats(GovernanceGraph graph) => Bodies.SelectMany(b => graph.SeatsOn(b.Id));

    public IEnumerable<Duty> Duties(GovernanceGraph graph) => Bodies.SelectMany(b => graph.DutiesOf(b.Id));

    public static BoardScope Of(GovernanceGraph graph)
    {
        var (boards, choice) = TrustBoard.Recorded(graph);
        var parts = boards.SelectMany(b => graph.PartsOf(b.Id)).Distinct().ToList();
        return new BoardScope(boards, parts, choice);
    }

    public static Assessment NoBoard(GovernanceGraph graph) =>
        Assessment.CannotAssess($"No Children's Trust Board is recorded for {graph.Title} (see the requirement that one exists), so there is no board to judge.");
}

/// <summary>Small pieces of wording the checks share, so that the reports read alike.</summary>
internal static class Wording
{
    public static string Quote(Duty duty) => $"“{duty.Text}”";

    /// <summary>"ICG: “A”; “B”; Children's Trust Unit: “C” (and 2 more)": duties grouped under the body that holds them.</summary>
    public static string Quoted(GovernanceGraph graph, IEnumerable<Duty> duties, int max = 3)
    {
        var list = duties.ToList();
        var shown = list.Take(max)
            .GroupBy(d => d.Body)
            .Select(g => $"{graph.Body(g.Key).Name}: {string.Join("; ", g.Select(Quote))}");
        var more = list.Count > max ? $" (and {list.Count - max} more)" : "";
        return string.Join("; ", shown) + more;
    }

    public static string Names(IEnumerable<string> names) => FindingText.Names(names);

    public static string IsAre(int count) => count == 1 ? "is" : "are";

    public static string HasHave(int count) => count == 1 ? "has" : "have";

    public static string Times(int n) => n == 1 ? "once" : n == 2 ? "twice" : $"{n} times";

    /// <summary>"Jobcentre Plus" for "Jobcentre Plus (Secretary of State's functions …)": the name without its legal gloss.</summary>
    public static string ShortName(RelevantPartner partner)
    {
        var open = partner.Name.IndexOf(" (", StringComparison.Ordinal);
        return open > 0 && partner.Name.EndsWith(')') ? partner.Name[..open] : partner.Name;
    }

    public static string Describe(Seat seat)
    {
        var who = seat.Person is not null && seat.Post is not null ? $"{seat.Person} ({seat.Post})" : seat.Label;
        return seat.Status == SeatStatus.Vacant ? $"{who}, vacant" : who;
    }
}
