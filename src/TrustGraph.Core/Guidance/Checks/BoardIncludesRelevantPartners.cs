using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Guidance;

/// <summary>
/// Every relevant partner that applies to the area has a filled seat on the Board, judged with the shared coverage
/// (<see cref="RelevantPartnerCoverage"/>, from <c>data/guidance/relevant-partners.csv</c>) under the law in force on
/// the arrangement's date. A vacant seat is a gap; a board whose membership the papers do not give cannot be assessed.
/// </summary>
public static class BoardIncludesRelevantPartners
{
    public const string Name = "board-relevant-partners";

    public static Assessment Assess(GovernanceGraph graph)
    {
        var boards = RelevantPartnerCoverage.Assess(graph);
        if (boards.Count == 0) return BoardScope.NoBoard(graph);
        var assessments = boards.Select(b => Assess(graph, b)).ToList();
        var worst = assessments.FirstOrDefault(a => a.Status == VerdictStatus.NotMet)
            ?? assessments.FirstOrDefault(a => a.Status == VerdictStatus.CannotAssess)
            ?? assessments[0];
        if (assessments.Count == 1) return worst;
        var same = assessments.Where(a => a.Status == worst.Status).ToList();
        return worst with
        {
            Reason = string.Join(" ", same.Select(a => a.Reason)),
            Remedy = worst.Remedy is null ? null : string.Join(" ", same.Select(a => a.Remedy)),
            Evidence = Evidence.Of(same.SelectMany(a => a.Evidence.Bodies), same.SelectMany(a => a.Evidence.Seats)),
        };
    }

    /// <summary>
    /// The verdict on one board, saying after it which body was judged and why when another could have been (the verdict comes
    /// first: a report's one-line summary takes the reason's first sentence).
    /// </summary>
    private static Assessment Assess(GovernanceGraph graph, BoardCoverage coverage)
    {
        var assessment = AssessBoard(graph, coverage);
        return coverage.Choice is null ? assessment : assessment with { Reason = assessment.Reason + " " + coverage.Choice };
    }

    private static Assessment AssessBoard(GovernanceGraph graph, BoardCoverage coverage)
    {
        var board = coverage.Board;
        var bodies = new[] { board }.Concat(coverage.Parts).ToList();
        var divided = coverage.Parts.Count == 0 ? ""
            : $" ({board.Name} is divided into {Wording.Names(coverage.Parts.Select(p => p.Name))}; their seats together are its membership.)";
        if (!coverage.MembershipKnown)
            return Assessment.CannotAssess($"The sources do not give the membership of {board.Name}, so its relevant partners cannot be checked.", Evidence.Of(bodies));

        List<PartnerCoverage> With(CoverageStatus status) => coverage.Partners.Where(p => p.Status == status).ToList();
        var present = With(CoverageStatus.Present);
        var absent = With(CoverageStatus.Absent);
        var vacant = With(CoverageStatus.Vacant);
        var unknown = With(CoverageStatus.CannotAssess);
        var tierUnknown = unknown.Where(p => p.Partner.AppliesToTier(graph.Authority.Tier) is null).ToList();
        var onlyWhereExists = unknown.Except(tierUnknown).ToList();
        var seats = coverage.Partners.SelectMany(p => p.Seats).ToList();
        var evidence = Evidence.Of(bodies, seats);
        var date = coverage.Law.Stated is null ? "" : $" Judged against the relevant partners in force on {coverage.Law.Day:d MMMM yyyy}.";

        string Short(PartnerCoverage p) => $"{Wording.ShortName(p.Partner)} ({p.Partner.Section})";

        if (absent.Count > 0 || vacant.Count > 0)
        {
            var parts = new List<string>();
            if (absent.Count > 0) parts.Add($"{board.Name} has no seat for {Wording.Names(absent.Select(Short))}");
            if (vacant.Count > 0) parts.Add($"the seat for {Wording.Names(vacant.Select(Short))} is vacant");
            var remedies = new List<string>();
            if (absent.Count > 0)
                remedies.Add(absent.Count == 1
                    ? $"Add a {Wording.ShortName(absent[0].Partner)} seat to {board.Name}"
                    : $"Add seats to {board.Name} for {Wording.Names(absent.Select(p => Wording.ShortName(p.Partner)))}");
            if (vacant.Count > 0)
                remedies.Add($"{(remedies.Count > 0 ? "fill" : "Fill")} the vacant {Wording.Names(vacant.Select(p => Wording.ShortName(p.Partner)))} seat{(vacant.Count == 1 ? "" : "s")}");
            return Assessment.NotMet(
                Capitalise(string.Join("; ", parts)) + "." + divided + date,
                string.Join(", and ", remedies) + ".",
                evidence);
        }

        if (coverage.MembershipPartial)
        {
            var notShown = unknown.Where(p => !p.Partner.OnlyWhereExists).ToList();
            var shown = present.Count == 0 ? "" : $" Present: {Wording.Names(present.Select(p => Wording.ShortName(p.Partner)))}.";
            return Assessment.CannotAssess(
                $"The sources list only part of the membership of {board.Name} ({seats.Count(s => s.IsFilled)} partner seats shown), "
                + $"so partners not shown cannot be judged absent.{shown} Not shown: {Wording.Names(notShown.Select(p => Wording.ShortName(p.Partner)))}.{divided}",
                evidence);
        }

        if (tierUnknown.Count > 0)
            return Assessment.CannotAssess(
                $"{graph.Authority.Name}'s tier is not recorded, so it cannot be judged whether {Wording.Names(tierUnknown.Select(Short))} "
                + $"must sit on {board.Name}, which has no seat for {(tierUnknown.Count == 1 ? "it" : "them")}; every other relevant partner that applies has a seat.{divided}",
                evidence);

        var caveat = onlyWhereExists.Count == 0 ? ""
            : $" {Wording.Names(onlyWhereExists.Select(Short))} {Wording.IsAre(onlyWhereExists.Count)} relevant partners only where there are any in the area; "
              + $"the sources do not say, and {board.Name} has no seat for them.";
        return Assessment.Met(
            $"{board.Name} has a filled seat for each of the {present.Count} relevant partners that apply: {Wording.Names(present.Select(p => Wording.ShortName(p.Partner)))}.{caveat}{divided}{date}",
            evidence);
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
