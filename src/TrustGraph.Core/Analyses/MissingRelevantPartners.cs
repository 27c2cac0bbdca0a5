using TrustGraph.Graph;
using TrustGraph.Guidance;
using TrustGraph.Model;

namespace TrustGraph.Analyses;

/// <summary>
/// The statutory relevant partners (Children Act 2004 s10(4), as in force on the arrangement's date) with no
/// filled seat on the Children's Trust Board. A vacant seat is reported as vacant, not absent; a partner that
/// becomes relevant later is <c>info</c> with its date; a board whose membership the papers do not give gets
/// one "cannot assess" finding, never a list of everything missing.
/// </summary>
public static class MissingRelevantPartners
{
    public static IReadOnlyList<Finding> Find(GovernanceGraph graph, IReadOnlyList<RelevantPartner> partners)
    {
        var boards = RelevantPartnerCoverage.Assess(graph, partners);
        if (boards.Count == 0)
        {
            return
            [
                new Finding(graph.Authority.Id, graph.ArrangementId, Checks.MissingRelevantPartner, Severity.Info,
                    [graph.Authority.Id, graph.Authority.Name],
                    NoBoardMessage(graph.Title),
                    FindingText.SourcesOf(graph.Bodies.Select(b => b.Source).Take(1))),
            ];
        }
        return boards.SelectMany(b => Describe(graph, b)).ToList();
    }

    private static IEnumerable<Finding> Describe(GovernanceGraph graph, BoardCoverage coverage)
    {
        var board = coverage.Board;
        var membership = graph.SeatsOn(board.Id).Concat(coverage.Parts.SelectMany(p => graph.SeatsOn(p.Id))).ToList();
        // Every finding rests on the body judged as the board (and its parts); each names the seats it was judged on.
        Finding Make(Severity severity, IEnumerable<string> subjects, string message, IEnumerable<SourceRef> sources, string? remedy = null,
            IEnumerable<IHasBasis>? restsOn = null) =>
            RestsOn.Inferred(new Finding(graph.Authority.Id, graph.ArrangementId, Checks.MissingRelevantPartner, severity,
                [board.Id, board.Name, .. subjects], message, FindingText.SourcesOf(sources.Prepend(board.Source)))
            {
                Bodies = [board.Id],
                Remedy = remedy,
            }, graph, ((IEnumerable<IHasBasis>)[board, .. coverage.Parts]).Concat(restsOn ?? []));

        var preamble = Preamble(coverage.Choice, board.Name, coverage.Parts.Select(p => p.Name).ToList());
        if (!coverage.MembershipKnown)
        {
            yield return Make(Severity.Info, [],
                NoMembershipMessage(preamble, board.Name),
                []);
            yield break;
        }

        if (coverage.MembershipPartial)
        {
            var present = coverage.Partners.Where(c => c.Status == CoverageStatus.Present).Select(c => c.Partner.Name).ToList();
            var unknown = coverage.Partners.Where(c => c.Status == CoverageStatus.CannotAssess).Select(c => c.Partner.Category.ToWord()).ToList();
            yield return Make(Severity.Info, unknown,
                PartialMembershipMessage(preamble, board.Name, graph.SeatsOn(board.Id).Count(), present, unknown),
                graph.SeatsOn(board.Id).Select(s => s.Source), restsOn: membership);
            foreach (var vacant in coverage.Partners.Where(c => c.Status == CoverageStatus.Vacant))
                yield return Make(Severity.Warning, [vacant.Partner.Category.ToWord(), vacant.Partner.Name],
                    PartialVacantMessage(preamble, vacant.Partner, board.Name, coverage.Law.Describe()),
                    vacant.Seats.Select(s => s.Source), VacantRemedy(vacant.Partner, board.Name), vacant.Seats);
            yield break;
        }

        var law = coverage.Law;
        var missingSeverity = law.Day >= Law.BoardBecameStatutory ? Severity.Error : Severity.Warning;
        var basis = law.Describe();
        foreach (var c in coverage.Partners)
        {
            var partner = c.Partner;
            string[] subjects = [partner.Category.ToWord(), partner.Name];
            switch (c.Status)
            {
                case CoverageStatus.NotYetInForce:
                    yield return Make(Severity.Info, subjects,
                        NotYetInForceMessage(preamble, partner, board.Name, c.Seats.Count > 0),
                        c.Seats.Select(s => s.Source),
                        NotYetInForceRemedy(partner, board.Name), c.Seats.Count > 0 ? c.Seats : membership);
                    break;
                case CoverageStatus.CannotAssess when partner.AppliesToTier(graph.Authority.Tier) is null:
                    yield return Make(Severity.Info, subjects,
                        TierUnknownMessage(preamble, partner, board.Name, graph.Authority.Name),
                        []);
                    break;
                case CoverageStatus.CannotAssess:
                    yield return Make(Severity.Info, subjects,
                        OnlyWhereExistsMessage(preamble, partner, board.Name),
                        []);
                    break;
                case CoverageStatus.Vacant:
                    yield return Make(Severity.Warning, subjects,
                        VacantMessage(preamble, partner, board.Name, c.Seats.Select(s => s.Post ?? partner.Category.ToWord()).ToList(), basis),
                        c.Seats.Select(s => s.Source),
                        VacantRemedy(partner, board.Name), c.Seats);
                    break;
                case CoverageStatus.Absent:
                    yield return Make(missingSeverity, subjects,
                        AbsentMessage(preamble, partner, board.Name, basis),
                        [],
                        AbsentRemedy(partner, board.Name), membership);
                    break;
            }
        }
    }

    // The wording of the findings, shared with the Cypher twin of this analysis (TrustGraph.Neo4j composes its messages here).

    public static string NoBoardMessage(string title) =>
        $"Cannot assess relevant partners for {title}: no body is recorded as the Children's Trust Board "
        + "(kind trust-board), and no body holds the duty for the Children and Young People's Plan.";

    /// <summary>What every finding about a board starts with: why the body was taken as the board, and what it is divided into.</summary>
    public static string Preamble(string? choice, string boardName, IReadOnlyList<string> partNames)
    {
        var preamble = choice is null ? "" : choice + " ";
        if (partNames.Count > 0)
            preamble += $"({boardName} is divided into {FindingText.Names(partNames)}; their seats together are its membership.) ";
        return preamble;
    }

    public static string NoMembershipMessage(string preamble, string boardName) =>
        $"{preamble}Cannot assess relevant partners on {boardName}: the sources do not give its membership.";

    public static string PartialMembershipMessage(string preamble, string boardName, int seatCount, IReadOnlyList<string> presentNames, IReadOnlyList<string> unknownCategories) =>
        $"{preamble}Cannot assess most relevant partners on {boardName}: the sources list only part of its membership "
        + $"({seatCount} seats). {(presentNames.Count > 0 ? $"Present: {FindingText.Names(presentNames)}. " : "")}"
        + $"Not shown, so not judged: {string.Join(", ", unknownCategories)}.";

    public static string PartialVacantMessage(string preamble, RelevantPartner partner, string boardName, string basis) =>
        $"{preamble}The seat for {partner.Name} ({partner.Section}) on {boardName} is vacant. {basis}";

    public static string VacantMessage(string preamble, RelevantPartner partner, string boardName, IReadOnlyList<string> seatLabels, string basis) =>
        $"{preamble}The seat for {partner.Name} ({partner.Section}) on {boardName} is vacant ({FindingText.Names(seatLabels)}). {basis}";

    public static string VacantRemedy(RelevantPartner partner, string boardName) => $"Fill the vacant {partner.Name} seat on {boardName}.";

    public static string NotYetInForceMessage(string preamble, RelevantPartner partner, string boardName, bool hasSeat) =>
        $"{preamble}{partner.Name} becomes a relevant partner on {partner.InForce:d MMMM yyyy} ({partner.Section}); "
        + $"{boardName} has no {(hasSeat ? "filled " : "")}seat for it yet.";

    public static string NotYetInForceRemedy(RelevantPartner partner, string boardName) =>
        $"Plan a seat on {boardName} for {partner.Name} from {partner.InForce:d MMMM yyyy}.";

    public static string TierUnknownMessage(string preamble, RelevantPartner partner, string boardName, string authorityName) =>
        $"{preamble}Cannot assess whether {partner.Name} ({partner.Section}) must sit on {boardName}: it applies only to "
        + $"{string.Join("/", partner.Tiers.Select(t => t.ToWord()))} areas and {authorityName}'s tier is not recorded.";

    public static string OnlyWhereExistsMessage(string preamble, RelevantPartner partner, string boardName) =>
        $"{preamble}Cannot assess {partner.Name} ({partner.Section}): they are relevant partners only where there are any in the area, "
        + $"and the sources do not say; {boardName} has no seat for them.";

    public static string AbsentMessage(string preamble, RelevantPartner partner, string boardName, string basis) =>
        $"{preamble}{boardName} has no seat for {partner.Name}, a relevant partner under {partner.Citation}. {basis}";

    public static string AbsentRemedy(RelevantPartner partner, string boardName) => $"Add a seat for {partner.Name} to {boardName}.";
}

/// <summary>Whether a relevant partner is on the board, in the law that applies to the arrangement.</summary>
public enum CoverageStatus { Present, Vacant, Absent, CannotAssess, NotApplicable, NotYetInForce, NoLongerInForce }

/// <summary>One relevant partner's place on a board: its status and the seats that show it.</summary>
public sealed record PartnerCoverage(RelevantPartner Partner, CoverageStatus Status, IReadOnlyList<Seat> Seats);

/// <summary>
/// A board judged against the relevant-partner list: which body, why it was chosen (<see cref="Choice"/> is null for a body of
/// kind trust-board), the bodies it is divided into, the law applied, and each partner's coverage. When the sources do not give
/// the membership (<see cref="MembershipKnown"/> false) every partner is <see cref="CoverageStatus.CannotAssess"/>.
/// </summary>
public sealed record BoardCoverage(
    Body Board, string? Choice, IReadOnlyList<Body> Parts, LawInForce Law, bool MembershipKnown, IReadOnlyList<PartnerCoverage> Partners)
{
    /// <summary>The sources list only part of the membership: partners not seen are "cannot assess", never "absent".</summary>
    public bool MembershipPartial { get; init; }
}

public static class RelevantPartnerCoverage
{
    public static IReadOnlyList<BoardCoverage> Assess(GovernanceGraph graph, IReadOnlyList<RelevantPartner>? partners = null)
    {
        partners ??= RelevantPartners.Statutory;
        var (boards, choice) = TrustBoard.Choose(graph);
        var law = LawInForce.For(graph.Arrangement);
        return boards.Select(board =>
        {
            var parts = graph.PartsOf(board.Id).ToList();
            var seats = graph.SeatsOn(board.Id).Concat(parts.SelectMany(p => graph.SeatsOn(p.Id))).ToList();
            var known = seats.Count > 0;
            var partial = board.MembershipPartial || parts.Any(p => p.MembershipPartial);
            var coverage = partners.Select(p => Cover(p, seats, known, law, graph.Authority.Tier))
                .Select(c => partial && c.Status is CoverageStatus.Absent or CoverageStatus.NotYetInForce ? c with { Status = CoverageStatus.CannotAssess } : c)
                .ToList();
            return new BoardCoverage(board, choice, parts, law, known, coverage) { MembershipPartial = partial };
        }).ToList();
    }

    private static PartnerCoverage Cover(RelevantPartner partner, List<Seat> seats, bool known, LawInForce law, AuthorityTier? tier)
    {
        var onBoard = seats.Where(s => s.PartnerCategory == partner.Category).ToList();
        var filled = onBoard.Where(s => s.IsFilled).ToList();
        CoverageStatus status;
        if (!known) status = CoverageStatus.CannotAssess;
        else if (!partner.InForceOn(law.Day))
            status = partner.InForce > law.Day
                ? filled.Count > 0 ? CoverageStatus.Present : CoverageStatus.NotYetInForce
                : CoverageStatus.NoLongerInForce;
        else if (partner.AppliesToTier(tier) is false) status = CoverageStatus.NotApplicable;
        else if (filled.Count > 0) status = CoverageStatus.Present;
        else if (partner.AppliesToTier(tier) is null) status = CoverageStatus.CannotAssess;
        else if (onBoard.Count > 0) status = CoverageStatus.Vacant;
        else if (partner.OnlyWhereExists) status = CoverageStatus.CannotAssess;
        else status = CoverageStatus.Absent;
        return new PartnerCoverage(partner, status, filled.Count > 0 ? filled : onBoard);
    }
}

/// <summary>The law an arrangement is judged against: the date, and how the date was arrived at.</summary>
public readonly record struct LawInForce(DateOnly Day, PartialDate? Stated)
{
    public static LawInForce For(Arrangement? arrangement) =>
        arrangement?.InForce is PartialDate d
            ? new LawInForce(d.Earliest, d)
            : new LawInForce(DateOnly.FromDateTime(DateTime.UtcNow), null);

    public string Describe()
    {
        if (Stated is not PartialDate d)
            return "The arrangement's in-force date is not recorded, so it is judged against the law as it now stands (as amended from 1 April 2010).";
        var note = d.Straddles(Law.BoardBecameStatutory)
            ? $" The date '{d}' could fall either side of 1 April 2010; it is judged on {Day:d MMMM yyyy}."
            : "";
        var statutory = Day >= Law.BoardBecameStatutory
            ? "when every relevant partner had to be represented on the Children's Trust Board"
            : "before the board was statutory (duty to co-operate under s10)";
        return $"Judged against the law in force on {Day:d MMMM yyyy}, {statutory}.{note}";
    }
}

/// <summary>Why a body is a candidate for the Children's Trust Board.</summary>
public enum BoardReason
{
    /// <summary>Recorded as one (kind <c>trust-board</c>).</summary>
    Kind,

    /// <summary>Holds a duty for the Children and Young People's Plan, the plan the board owns.</summary>
    PlanDuty,

    /// <summary>Named by the reader (<c>--board</c>), to test another reading of the papers.</summary>
    Named,
}

/// <summary>A body that could be the Children's Trust Board, why, and whether the papers list its membership (seats or parts).</summary>
public sealed record BoardCandidate(Body Body, BoardReason Reason, bool MembershipListed);

/// <summary>
/// The body (or bodies) judged as the Children's Trust Board, the sentence that says why (null when a single body is
/// recorded as the board and nothing else could be), and every candidate, so a reader can test another with <c>--board</c>.
/// </summary>
public sealed record BoardChoice(IReadOnlyList<Body> Boards, string? Choice, IReadOnlyList<BoardCandidate> Candidates)
{
    public void Deconstruct(out IReadOnlyList<Body> boards, out string? choice)
    {
        boards = Boards;
        choice = Choice;
    }
}

/// <summary>
/// Which body governs the Children's Trust in an arrangement. The candidates are the bodies recorded as the board
/// (kind <c>trust-board</c>) and those that hold the Children and Young People's Plan (<see cref="BoardOwnsPlan.HoldsPlan"/>). The board judged is each
/// recorded board whose membership the papers list; else the first plan holder whose membership they list; else the
/// recorded boards (which then "cannot be assessed"); else the first plan holder. A reader may name another (<c>--board</c>).
/// </summary>
public static class TrustBoard
{
    public static BoardChoice Choose(GovernanceGraph graph)
    {
        var candidates = Candidates(graph);
        if (graph.NamedBoard is { } named)
        {
            var body = graph.Body(named);
            var judged = new BoardCandidate(body, BoardReason.Named, Listed(graph, body));
            return new BoardChoice([body], ChoiceText([judged], candidates.Where(c => c.Body.Id != named).ToList()), candidates);
        }

        var recorded = candidates.Where(c => c.Reason == BoardReason.Kind).ToList();
        var chosen = recorded.Where(c => c.MembershipListed).ToList();
        if (chosen.Count == 0 && candidates.FirstOrDefault(c => c.Reason == BoardReason.PlanDuty && c.MembershipListed) is { } listedPlanHolder)
            chosen = [listedPlanHolder];
        if (chosen.Count == 0) chosen = recorded;
        if (chosen.Count == 0 && candidates.Count > 0) chosen = [candidates[0]];
        if (chosen.Count == 0) return new BoardChoice([], null, candidates);

        var others = candidates.Where(c => !chosen.Contains(c)).ToList();
        var choice = others.Count == 0 && chosen.TrueForAll(c => c.Reason == BoardReason.Kind) ? null
            : others.Count == 0 && chosen is [{ Reason: BoardReason.PlanDuty } only] ? PlanOwnerChoice(only.Body.Name)
            : ChoiceText(chosen, others);
        return new BoardChoice(chosen.ConvertAll(c => c.Body), choice, candidates);
    }

    /// <summary>
    /// The board as the papers record it, for the guidance checks: the body named with <c>--board</c>; else every body of kind
    /// trust-board, listed or not; else the first body with a duty for the plan. Relevant partners are judged on <see cref="Choose"/>.
    /// </summary>
    public static BoardChoice Recorded(GovernanceGraph graph)
    {
        if (graph.NamedBoard is not null) return Choose(graph);
        var recorded = graph.Bodies.Where(b => b.Kind == BodyKind.TrustBoard).ToList();
        if (recorded.Count > 0) return new BoardChoice(recorded, null, []);
        var planOwner = graph.Bodies.FirstOrDefault(b => graph.DutiesOf(b.Id).Any(d => MentionsPlan(d.Text)));
        return planOwner is null ? new BoardChoice([], null, []) : new BoardChoice([planOwner], PlanOwnerChoice(planOwner.Name), []);
    }

    /// <summary>The recorded boards, then the plan holders, each once, in the order of the bodies file.</summary>
    public static IReadOnlyList<BoardCandidate> Candidates(GovernanceGraph graph)
    {
        var kind = graph.Bodies.Where(b => b.Kind == BodyKind.TrustBoard)
            .Select(b => new BoardCandidate(b, BoardReason.Kind, Listed(graph, b)));
        var others = graph.Bodies.Where(b => b.Kind != BodyKind.TrustBoard).ToList();
        var holders = others.Where(b => graph.DutiesOf(b.Id).Any(d => BoardOwnsPlan.HoldsPlan(d.Text))).ToList();
        // With no board recorded and no body holding the plan, a body whose duties merely mention it is the best reading left.
        if (holders.Count == 0 && !graph.Bodies.Any(b => b.Kind == BodyKind.TrustBoard))
            holders = others.Where(b => graph.DutiesOf(b.Id).Any(d => MentionsPlan(d.Text))).Take(1).ToList();
        return kind.Concat(holders.Select(b => new BoardCandidate(b, BoardReason.PlanDuty, Listed(graph, b)))).ToList();
    }

    private static bool Listed(GovernanceGraph graph, Body body) => graph.SeatsOn(body.Id).Any() || graph.PartsOf(body.Id).Any();

    /// <summary>Why a body that is not of kind trust-board is judged as the board, when no other body could be.</summary>
    public static string PlanOwnerChoice(string planOwnerName) =>
        $"(No body is recorded as the Children's Trust Board; {planOwnerName} is assessed as acting for it because it holds the Children and Young People's Plan.)";

    /// <summary>
    /// "(Judged as the Children's Trust Board: A (holds …; membership listed). Another candidate: B (recorded as the board; no
    /// membership listed).)": the body judged, why, and the others a reader could judge instead with <c>--board</c>.
    /// </summary>
    public static string ChoiceText(IReadOnlyList<BoardCandidate> judged, IReadOnlyList<BoardCandidate> others) =>
        ChoiceText(judged.Select(c => (c.Body.Name, c.Reason, c.MembershipListed)).ToList(),
            others.Select(c => (c.Body.Name, c.Reason, c.MembershipListed)).ToList());

    public static string ChoiceText(IReadOnlyList<(string Name, BoardReason Reason, bool Listed)> judged,
        IReadOnlyList<(string Name, BoardReason Reason, bool Listed)> others)
    {
        var text = $"(Judged as the Children's Trust Board: {FindingText.Names(judged.Select(Describe))}.";
        if (others.Count > 0)
            text += $" {(others.Count == 1 ? "Another candidate" : "Other candidates")} (judge with --board): {FindingText.Names(others.Select(Describe))}.";
        return text + ")";

        static string Describe((string Name, BoardReason Reason, bool Listed) c) => c.Reason switch
        {
            BoardReason.Named => $"{c.Name} (named with --board{(c.Listed ? "" : "; no membership listed")})",
            BoardReason.Kind => $"{c.Name} (recorded as the board; {(c.Listed ? "membership listed" : "no membership listed")})",
            _ => $"{c.Name} (holds the Children and Young People's Plan; {(c.Listed ? "membership listed" : "no membership listed")})",
        };
    }

    public static bool MentionsPlan(string duty) =>
        duty.Contains("Children and Young People's Plan", StringComparison.OrdinalIgnoreCase)
        || duty.Contains("Children and Young People’s Plan", StringComparison.OrdinalIgnoreCase)
        || duty.Contains("CYPP", StringComparison.Ordinal)
        || duty.Contains("CYP Plan", StringComparison.OrdinalIgnoreCase);
}
