using System.Globalization;
using System.Text;
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
            if (AcrossBodies(graph, person, office: false, byBody) is { } finding) findings.Add(finding);
        }
        foreach (var office in Offices(graph))
            if (AcrossBodies(graph, office, office: true) is { } finding) findings.Add(finding);
        findings.AddRange(RepeatedPosts(graph));
        return findings;
    }

    private static IEnumerable<Finding> ListedTwiceOnOneBody(GovernanceGraph graph, PersonSeats person, List<(string Body, List<Seat> Seats)> byBody)
    {
        foreach (var (bodyId, seats) in byBody)
        {
            if (seats.Count < 2) continue;
            var body = graph.Body(bodyId);
            yield return RestsOn.Inferred(new Finding(graph.Authority.Id, graph.ArrangementId, Checks.DuplicatedMembership, Severity.Warning,
                [person.Name, body.Id, body.Name],
                ListedTwiceMessage(person.Name, body.Name, seats.Select(s => SeatDescription(s.Role, s.Post)).ToList()),
                FindingText.SourcesOf(seats.Select(s => s.Source)))
            {
                Bodies = [body.Id],
                Remedy = ListedTwiceRemedy(person.Name, body.Name),
            }, graph, seats);
        }
    }

    /// <summary>
    /// Seats the papers give only by post that are one office, and so one holder, on several bodies: a singular office of
    /// the authority ("Director of Children's Services", "Head of the Children's Trust", see <see cref="SingularOffices"/>)
    /// whatever agency is or is not given, or the same post of the same agency. Other posts with no agency are not matched:
    /// two "VCS representative" seats may be two people.
    /// </summary>
    private static IEnumerable<PersonSeats> Offices(GovernanceGraph graph) =>
        graph.Seats
            .Where(s => s.Person is null && s.Post is not null && s.IsFilled)
            .Select(s => (Seat: s, Office: SingularOffices.Of(s.Post!)))
            .Where(x => x.Office is not null || x.Seat.Agency is not null)
            .GroupBy(x => x.Office is { } office ? $"office|{SingularOffices.Key(office)}" : $"{PersonName.Key(x.Seat.Post!)}|{PersonName.Key(x.Seat.Agency!)}")
            .Where(g => g.Select(x => x.Seat.Body).Distinct().Count() > 1)
            .Select(g =>
            {
                var seats = g.Select(x => x.Seat).ToList();
                var agency = seats.Select(s => s.Agency).FirstOrDefault(a => a is not null);
                var post = g.First().Office ?? seats[0].Post!;
                return new PersonSeats(g.Key, agency is null ? post : OfficeName(post, agency), seats);
            });

    private static Finding? AcrossBodies(GovernanceGraph graph, PersonSeats person, bool office, List<(string Body, List<Seat> Seats)>? byBody = null)
    {
        byBody ??= SeatsByBody(person);
        if (byBody.Count < 2) return null;
        var bodies = byBody.ConvertAll(g => g.Body);

        var chaired = person.Seats.Where(s => s.Role is SeatRole.Chair or SeatRole.ViceChair).Select(s => s.Body).ToHashSet();
        var reasons = new List<string>();
        var unexplained = new List<string>();
        foreach (var (bodyId, seats) in byBody)
        {
            var reason = LinkReason(graph, bodyId, seats, chaired);
            if (reason is null) unexplained.Add(bodyId);
            else reasons.Add(reason);
        }

        var seatList = byBody.ConvertAll(g =>
            (graph.Body(g.Body).Name, (IReadOnlyList<string>)g.Seats.Select(s => s.Role.ToWord()).Distinct().ToList()));
        var deliberate = IsDeliberate(unexplained.Count);
        var message = AcrossBodiesMessage(person.Name, office, seatList, reasons, unexplained.Count);

        return RestsOn.Inferred(new Finding(graph.Authority.Id, graph.ArrangementId, Checks.DuplicatedMembership,
            deliberate ? Severity.Info : Severity.Warning,
            office ? [.. OfficeSubjects(person), .. bodies] : [person.Name, .. bodies],
            message,
            FindingText.SourcesOf(person.Seats.Select(s => s.Source)))
        {
            Bodies = bodies,
            Remedy = deliberate ? null : AcrossBodiesRemedy(person.Name, office, unexplained.Select(id => graph.Body(id).Name).ToList()),
        }, graph, person.Seats);
    }

    /// <summary>The office's post and agency as a reader searches for them (the agency when any seat gives one).</summary>
    private static IEnumerable<string> OfficeSubjects(PersonSeats office)
    {
        var post = SingularOffices.Of(office.Seats[0].Post!) ?? office.Seats[0].Post!;
        var agency = office.Seats.Select(s => s.Agency).FirstOrDefault(a => a is not null);
        return agency is null ? [post] : [post, agency];
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

    /// <summary>Why this person's seat on this body is a deliberate link, or null when nothing explains it.</summary>
    private static string? LinkReason(GovernanceGraph graph, string bodyId, List<Seat> seats, HashSet<string> chaired)
    {
        var body = graph.Body(bodyId);
        if (seats.TrueForAll(s => !s.IsMembership))
            return NotMembershipReason(body.Name, seats.Select(s => s.Role.ToWord()).Distinct().ToList());

        foreach (var other in chaired)
        {
            if (other == bodyId) continue;
            foreach (var edge in graph.Lines.OutEdges(other))
                if (edge.Target == bodyId) return ChairLinkReason(body.Name, graph.Body(other).Name, edge.Line.Kind);
        }

        if (seats.Any(s => s.Role == SeatRole.Advisor))
        {
            var advisory = chaired.Where(c => c != bodyId).Select(graph.Body).FirstOrDefault(b => b.Kind == BodyKind.Advisory);
            if (advisory is not null)
                return AdvisorReason(body.Name, advisory.Name);
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
            yield return RestsOn.Inferred(new Finding(graph.Authority.Id, graph.ArrangementId, Checks.DuplicatedMembership, Severity.Info,
                [first.Post!, body.Id, body.Name],
                RepeatedPostMessage(first.Post!, first.Agency!, group.Count(), body.Name),
                FindingText.SourcesOf(group.Select(s => s.Source)))
            {
                Bodies = [body.Id],
            }, graph, group);
        }
    }

    // The wording of the findings, shared with the Cypher twin of this analysis (TrustGraph.Neo4j composes its messages here).

    public static string SeatDescription(SeatRole role, string? post) =>
        post is null ? role.ToWord() : $"{role.ToWord()}, {post}";

    public static string ListedTwiceMessage(string person, string bodyName, IReadOnlyList<string> seatDescriptions) =>
        $"{person} is listed {Times(seatDescriptions.Count)} on {bodyName} ({FindingText.Names(seatDescriptions)}). "
        + "One person holds one seat: either the rows are one seat recorded twice, or one of them belongs to someone else.";

    public static string ListedTwiceRemedy(string person, string bodyName) =>
        $"Check the membership list of {bodyName} and keep one row for {person}.";

    /// <summary>Seats on several bodies are a deliberate link when at most one of them is unexplained.</summary>
    public static bool IsDeliberate(int unexplained) => unexplained <= 1;

    public static string AcrossBodiesMessage(string holder, bool office, IReadOnlyList<(string BodyName, IReadOnlyList<string> Roles)> seats,
        IReadOnlyList<string> reasons, int unexplained)
    {
        // Built in one buffer: this message is written for thousands of people in a national dataset.
        var message = new StringBuilder(256);
        if (office) message.Append("The ").Append(holder).Append(", one office and so one person, sits on ");
        else message.Append(holder).Append(" sits on ");
        message.Append(seats.Count.ToString(CultureInfo.CurrentCulture)).Append(" bodies: ");
        for (var i = 0; i < seats.Count; i++)
        {
            if (i > 0) message.Append(i == seats.Count - 1 ? " and " : ", ");
            message.Append(seats[i].BodyName).Append(" (").AppendJoin(", ", seats[i].Roles).Append(')');
        }
        message.Append('.');
        foreach (var reason in reasons) message.Append(' ').Append(reason);
        if (IsDeliberate(unexplained)) message.Append(" This is a deliberate link between the bodies, not a duplicate.");
        else message.Append(' ').Append(unexplained.ToString(CultureInfo.CurrentCulture))
            .Append(" of these seats are not explained by a link between the bodies: a heavy load on one person and a single point of failure.");
        return message.ToString();
    }

    public static string AcrossBodiesRemedy(string holder, bool office, IReadOnlyList<string> unexplainedBodyNames) =>
        $"Review whether {(office ? "the " : "")}{holder} needs a seat on each of {FindingText.Names(unexplainedBodyNames)}, or whether a deputy could take one.";

    /// <summary>How an office (a post of an agency, no name given) is named in findings.</summary>
    public static string OfficeName(string post, string agency) => $"{post} ({agency})";

    public static string NotMembershipReason(string bodyName, IReadOnlyList<string> roles) =>
        $"On {bodyName} the seat is {string.Join("/", roles)}, not membership.";

    public static string ChairLinkReason(string bodyName, string chairedBodyName, AccountabilityKind kind) =>
        $"The seat on {bodyName} is held as chair of {chairedBodyName}, which {Phrase(kind)} {bodyName}.";

    public static string AdvisorReason(string bodyName, string advisoryBodyName) =>
        $"The advisor seat on {bodyName} is held as chair of the advisory body {advisoryBodyName}.";

    public static string RepeatedPostMessage(string post, string agency, int count, string bodyName) =>
        $"The post '{post}' ({agency}) is listed {Times(count)} on {bodyName} with no names. "
        + "If these are separate seats this is expected; if not, one row is a duplicate.";

    private static string Times(int n) => n == 2 ? "twice" : $"{n} times";

    private static string Phrase(AccountabilityKind kind) => kind switch
    {
        AccountabilityKind.AccountableTo => "is accountable to",
        AccountabilityKind.ReportsTo => "reports to",
        AccountabilityKind.Advises => "advises",
        _ => "observes",
    };
}
