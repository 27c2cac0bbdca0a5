using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Analyses;

/// <summary>
/// One person on many bodies, or listed twice on one. A deliberate link is not a duplicate: the chair of a
/// body sitting on the body it answers to, an advisor seat held by the chair of an advisory body, or a seat
/// held only to attend or serve a body is reported as <c>info</c> with the reason. A person with two or more
/// seats that no link explains is a <c>warning</c>: an over-stretched director, a single point of failure.
/// </summary>
public static class DuplicatedMembership
{
    public static IReadOnlyList<Finding> Find(GovernanceGraph graph)
    {
        var findings = new List<Finding>();
        foreach (var person in graph.People)
        {
            if (person.Seats.Count < 2) continue; // one seat: neither listed twice nor on several bodies
            var byBody = SeatsByBody(person);
            findings.AddRange(ListedTwiceOnOneBody(graph, person, byBody));
            if (AcrossBodies(graph, person, byBody) is { } finding) findings.Add(finding);
        }
        findings.AddRange(RepeatedPosts(graph));
        return findings;
    }

    /// <summary>The person's seats grouped by body, bodies in the order their first seat appears.</summary>
    private static List<(string Body, List<Seat> Seats)> SeatsByBody(PersonSeats person)
    {
        var groups = new List<(string Body, List<Seat> Seats)>(person.Seats.Count);
        foreach (var seat in person.Seats)
        {
            var i = groups.FindIndex(g => g.Body == seat.Body);
            if (i < 0) groups.Add((seat.Body, [seat]));
            else groups[i].Seats.Add(seat);
        }
        return groups;
    }

    private static IEnumerable<Finding> ListedTwiceOnOneBody(GovernanceGraph graph, PersonSeats person, List<(string Body, List<Seat> Seats)> byBody)
    {
        foreach (var (bodyId, seats) in byBody.Where(g => g.Seats.Count > 1))
        {
            var body = graph.Body(bodyId);
            yield return new Finding(graph.Authority.Id, graph.ArrangementId, Checks.DuplicatedMembership, Severity.Warning,
                [person.Name, body.Id, body.Name],
                $"{person.Name} is listed {Times(seats.Count)} on {body.Name} ({FindingText.Names(seats.Select(Describe))}). "
                + "One person holds one seat: either the rows are one seat recorded twice, or one of them belongs to someone else.",
                FindingText.SourcesOf(seats.Select(s => s.Source)))
            {
                Bodies = [body.Id],
                Remedy = $"Check the membership list of {body.Name} and keep one row for {person.Name}.",
            };
        }
    }

    private static Finding? AcrossBodies(GovernanceGraph graph, PersonSeats person, List<(string Body, List<Seat> Seats)> byBody)
    {
        if (byBody.Count < 2) return null;
        var bodies = byBody.ConvertAll(g => g.Body);

        var chaired = new List<string>();
        foreach (var seat in person.Seats)
            if (seat.Role is SeatRole.Chair or SeatRole.ViceChair && !chaired.Contains(seat.Body)) chaired.Add(seat.Body);
        var reasons = new List<string>();
        var unexplained = new List<string>();
        foreach (var (bodyId, seats) in byBody)
        {
            var reason = LinkReason(graph, bodyId, seats, chaired);
            if (reason is null) unexplained.Add(bodyId);
            else reasons.Add(reason);
        }

        var seatList = FindingText.Names(byBody.Select(g =>
            $"{graph.Body(g.Body).Name} ({string.Join(", ", g.Seats.Select(s => s.Role.ToWord()).Distinct())})"));
        var deliberate = unexplained.Count <= 1;
        var message = string.Concat(
            $"{person.Name} sits on {bodies.Count} bodies: {seatList}.",
            reasons.Count > 0 ? " " + string.Join(" ", reasons) : "",
            deliberate
                ? " This is a deliberate link between the bodies, not a duplicate."
                : $" {unexplained.Count} of these seats are not explained by a link between the bodies: a heavy load on one person and a single point of failure.");

        return new Finding(graph.Authority.Id, graph.ArrangementId, Checks.DuplicatedMembership,
            deliberate ? Severity.Info : Severity.Warning,
            [person.Name, .. bodies],
            message,
            FindingText.SourcesOf(person.Seats.Select(s => s.Source)))
        {
            Bodies = bodies,
            Remedy = deliberate ? null : $"Review whether {person.Name} needs a seat on each of {FindingText.Names(unexplained.Select(id => graph.Body(id).Name))}, or whether a deputy could take one.",
        };
    }

    /// <summary>Why this person's seat on this body is a deliberate link, or null when nothing explains it.</summary>
    private static string? LinkReason(GovernanceGraph graph, string bodyId, List<Seat> seats, List<string> chaired)
    {
        var body = graph.Body(bodyId);
        if (seats.All(s => !s.IsMembership))
            return $"On {body.Name} the seat is {string.Join("/", seats.Select(s => s.Role.ToWord()).Distinct())}, not membership.";

        foreach (var other in chaired.Where(c => c != bodyId))
        {
            var line = graph.Lines.OutEdges(other).FirstOrDefault(e => e.Target == bodyId);
            if (line is not null)
                return $"The seat on {body.Name} is held as chair of {graph.Body(other).Name}, which {Phrase(line.Line.Kind)} {body.Name}.";
        }

        if (seats.Any(s => s.Role == SeatRole.Advisor))
        {
            var advisory = chaired.Where(c => c != bodyId).Select(graph.Body).FirstOrDefault(b => b.Kind == BodyKind.Advisory);
            if (advisory is not null)
                return $"The advisor seat on {body.Name} is held as chair of the advisory body {advisory.Name}.";
        }
        return null;
    }

    /// <summary>The same unnamed post listed more than once on a body with the same agency and role: possibly one seat recorded twice.</summary>
    private static IEnumerable<Finding> RepeatedPosts(GovernanceGraph graph)
    {
        var groups = graph.Seats
            .Where(s => s.Person is null && s.Post is not null && s.Agency is not null)
            .GroupBy(s => (s.Body, Post: s.Post!.ToLowerInvariant(), Agency: s.Agency!.ToLowerInvariant(), s.Role))
            .Where(g => g.Count() > 1);
        foreach (var group in groups)
        {
            var body = graph.Body(group.Key.Body);
            var first = group.First();
            yield return new Finding(graph.Authority.Id, graph.ArrangementId, Checks.DuplicatedMembership, Severity.Info,
                [first.Post!, body.Id, body.Name],
                $"The post '{first.Post}' ({first.Agency}) is listed {Times(group.Count())} on {body.Name} with no names. "
                + "If these are separate seats this is expected; if not, one row is a duplicate.",
                FindingText.SourcesOf(group.Select(s => s.Source)))
            {
                Bodies = [body.Id],
            };
        }
    }

    private static string Describe(Seat seat) =>
        seat.Post is null ? seat.Role.ToWord() : $"{seat.Role.ToWord()}, {seat.Post}";

    private static string Times(int n) => n == 2 ? "twice" : $"{n} times";

    private static string Phrase(AccountabilityKind kind) => kind switch
    {
        AccountabilityKind.AccountableTo => "is accountable to",
        AccountabilityKind.ReportsTo => "reports to",
        AccountabilityKind.Advises => "advises",
        _ => "observes",
    };
}
