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
            findings.AddRange(ListedTwiceOnOneBody(graph, person));
            if (AcrossBodies(graph, person, office: false) is { } finding) findings.Add(finding);
        }
        foreach (var office in Offices(graph))
            if (AcrossBodies(graph, office, office: true) is { } finding) findings.Add(finding);
        findings.AddRange(RepeatedPosts(graph));
        return findings;
    }

    private static IEnumerable<Finding> ListedTwiceOnOneBody(GovernanceGraph graph, PersonSeats person)
    {
        foreach (var group in person.Seats.GroupBy(s => s.Body).Where(g => g.Count() > 1))
        {
            var body = graph.Body(group.Key);
            var seats = group.ToList();
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

    /// <summary>
    /// Seats the papers give only by post, where the same post of the same agency sits on several bodies: one office
    /// ("Director of Children's Services, Calderdale Council") has one holder. Posts with no agency are not matched:
    /// two "VCS representative" seats may be two people.
    /// </summary>
    private static IEnumerable<PersonSeats> Offices(GovernanceGraph graph) =>
        graph.Seats
            .Where(s => s.Person is null && s.Post is not null && s.Agency is not null && s.IsFilled)
            .GroupBy(s => (Post: PersonName.Key(s.Post!), Agency: PersonName.Key(s.Agency!)))
            .Where(g => g.Select(s => s.Body).Distinct().Count() > 1)
            .Select(g => new PersonSeats($"{g.Key.Post}|{g.Key.Agency}", $"{g.First().Post} ({g.First().Agency})", g.ToList()));

    private static Finding? AcrossBodies(GovernanceGraph graph, PersonSeats person, bool office)
    {
        var bodies = person.Seats.Select(s => s.Body).Distinct().ToList();
        if (bodies.Count < 2) return null;

        var chaired = person.Seats.Where(s => s.Role is SeatRole.Chair or SeatRole.ViceChair).Select(s => s.Body).ToHashSet();
        var reasons = new List<string>();
        var unexplained = new List<string>();
        foreach (var bodyId in bodies)
        {
            var seats = person.Seats.Where(s => s.Body == bodyId).ToList();
            var reason = LinkReason(graph, bodyId, seats, chaired);
            if (reason is null) unexplained.Add(bodyId);
            else reasons.Add(reason);
        }

        var seatList = FindingText.Names(bodies.Select(id =>
            $"{graph.Body(id).Name} ({string.Join(", ", person.Seats.Where(s => s.Body == id).Select(s => s.Role.ToWord()).Distinct())})"));
        var deliberate = unexplained.Count <= 1;
        var message = office
            ? $"The {person.Name}, one office and so one person, sits on {bodies.Count} bodies: {seatList}."
            : $"{person.Name} sits on {bodies.Count} bodies: {seatList}.";
        if (reasons.Count > 0) message += " " + string.Join(" ", reasons);
        message += deliberate
            ? " This is a deliberate link between the bodies, not a duplicate."
            : $" {unexplained.Count} of these seats are not explained by a link between the bodies: a heavy load on one person and a single point of failure.";

        return new Finding(graph.Authority.Id, graph.ArrangementId, Checks.DuplicatedMembership,
            deliberate ? Severity.Info : Severity.Warning,
            office ? [person.Seats[0].Post!, person.Seats[0].Agency!, .. bodies] : [person.Name, .. bodies],
            message,
            FindingText.SourcesOf(person.Seats.Select(s => s.Source)))
        {
            Bodies = bodies,
            Remedy = deliberate ? null : $"Review whether {(office ? "the " : "")}{person.Name} needs a seat on each of {FindingText.Names(unexplained.Select(id => graph.Body(id).Name))}, or whether a deputy could take one.",
        };
    }

    /// <summary>Why this person's seat on this body is a deliberate link, or null when nothing explains it.</summary>
    private static string? LinkReason(GovernanceGraph graph, string bodyId, List<Seat> seats, HashSet<string> chaired)
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
