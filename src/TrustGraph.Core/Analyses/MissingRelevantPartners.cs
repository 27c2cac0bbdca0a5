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
        var (boards, choice) = TrustBoard.Choose(graph);
        if (boards.Count == 0)
        {
            return
            [
                new Finding(graph.Authority.Id, graph.ArrangementId, Checks.MissingRelevantPartner, Severity.Info,
                    [graph.Authority.Id, graph.Authority.Name],
                    $"Cannot assess relevant partners for {graph.Title}: no body is recorded as the Children's Trust Board "
                    + "(kind trust-board), and no body holds the duty for the Children and Young People's Plan.",
                    FindingText.SourcesOf(graph.Bodies.Select(b => b.Source).Take(1))),
            ];
        }

        var law = LawInForce.For(graph.Arrangement);
        var findings = new List<Finding>();
        foreach (var board in boards)
            findings.AddRange(Assess(graph, board, choice, law, partners));
        return findings;
    }

    private static IEnumerable<Finding> Assess(GovernanceGraph graph, Body board, string? choice, LawInForce law, IReadOnlyList<RelevantPartner> partners)
    {
        var parts = graph.PartsOf(board.Id).ToList();
        var seats = graph.SeatsOn(board.Id).Concat(parts.SelectMany(p => graph.SeatsOn(p.Id))).ToList();
        Finding Make(Severity severity, IEnumerable<string> subjects, string message, IEnumerable<SourceRef> sources, string? remedy = null) =>
            new(graph.Authority.Id, graph.ArrangementId, Checks.MissingRelevantPartner, severity,
                [board.Id, board.Name, .. subjects], message, FindingText.SourcesOf(sources.Prepend(board.Source)))
            {
                Bodies = [board.Id],
                Remedy = remedy,
            };

        var preamble = choice is null ? "" : choice + " ";
        if (parts.Count > 0)
            preamble += $"({board.Name} is divided into {FindingText.Names(parts.Select(p => p.Name))}; their seats together are its membership.) ";
        if (seats.Count == 0)
        {
            yield return Make(Severity.Info, [],
                $"{preamble}Cannot assess relevant partners on {board.Name}: the sources do not give its membership.",
                []);
            yield break;
        }

        var missingSeverity = law.Day >= Law.BoardBecameStatutory ? Severity.Error : Severity.Warning;
        var basis = law.Describe();
        foreach (var partner in partners)
        {
            var category = partner.Category.ToWord();
            var onBoard = seats.Where(s => s.PartnerCategory == partner.Category).ToList();
            var filled = onBoard.Where(s => s.IsFilled).ToList();

            if (!partner.InForceOn(law.Day))
            {
                if (partner.InForce > law.Day && filled.Count == 0)
                    yield return Make(Severity.Info, [category, partner.Name],
                        $"{preamble}{partner.Name} becomes a relevant partner on {partner.InForce:d MMMM yyyy} ({partner.Section}); "
                        + $"{board.Name} has no {(onBoard.Count > 0 ? "filled " : "")}seat for it yet.",
                        onBoard.Select(s => s.Source),
                        $"Plan a seat on {board.Name} for {partner.Name} from {partner.InForce:d MMMM yyyy}.");
                continue;
            }

            switch (partner.AppliesToTier(graph.Authority.Tier))
            {
                case false: continue;
                case null:
                    if (filled.Count == 0)
                        yield return Make(Severity.Info, [category, partner.Name],
                            $"{preamble}Cannot assess whether {partner.Name} ({partner.Section}) must sit on {board.Name}: it applies only to "
                            + $"{string.Join("/", partner.Tiers.Select(t => t.ToWord()))} areas and {graph.Authority.Name}'s tier is not recorded.",
                            []);
                    continue;
            }

            if (filled.Count > 0) continue;
            if (onBoard.Count > 0)
            {
                yield return Make(Severity.Warning, [category, partner.Name],
                    $"{preamble}The seat for {partner.Name} ({partner.Section}) on {board.Name} is vacant ({FindingText.Names(onBoard.Select(s => s.Post ?? category))}). {basis}",
                    onBoard.Select(s => s.Source),
                    $"Fill the vacant {partner.Name} seat on {board.Name}.");
            }
            else if (partner.OnlyWhereExists)
            {
                yield return Make(Severity.Info, [category, partner.Name],
                    $"{preamble}Cannot assess {partner.Name} ({partner.Section}): they are relevant partners only where there are any in the area, "
                    + $"and the sources do not say; {board.Name} has no seat for them.",
                    []);
            }
            else
            {
                yield return Make(missingSeverity, [category, partner.Name],
                    $"{preamble}{board.Name} has no seat for {partner.Name}, a relevant partner under {partner.Citation}. {basis}",
                    [],
                    $"Add a seat for {partner.Name} to {board.Name}.");
            }
        }
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

/// <summary>
/// Which body governs the Children's Trust in an arrangement: every body of kind <c>trust-board</c>; where there is
/// none, the body that holds the duty for the Children and Young People's Plan (the plan the board owns).
/// </summary>
public static class TrustBoard
{
    public static (IReadOnlyList<Body> Boards, string? Choice) Choose(GovernanceGraph graph)
    {
        var boards = graph.Bodies.Where(b => b.Kind == BodyKind.TrustBoard).ToList();
        if (boards.Count > 0) return (boards, null);

        var planOwner = graph.Bodies.FirstOrDefault(b => graph.DutiesOf(b.Id).Any(d => MentionsPlan(d.Text)));
        return planOwner is null
            ? ([], null)
            : ([planOwner], $"(No body is recorded as the Children's Trust Board; {planOwner.Name} is assessed as acting for it because it holds the Children and Young People's Plan.)");
    }

    public static bool MentionsPlan(string duty) =>
        duty.Contains("Children and Young People's Plan", StringComparison.OrdinalIgnoreCase)
        || duty.Contains("Children and Young People’s Plan", StringComparison.OrdinalIgnoreCase)
        || duty.Contains("CYPP", StringComparison.Ordinal);
}
