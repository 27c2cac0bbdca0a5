using System.Text.RegularExpressions;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Guidance;

/// <summary>
/// The Local Safeguarding Children Board is linked to the Children's Trust Board (a line between them of any kind, or a
/// seat on the Board held for it) but is not one of its sub-groups (kind <c>sub-group</c>, or <c>part_of</c> the Board),
/// so it keeps its independence to challenge the Board.
/// </summary>
public static partial class SafeguardingBoardLinked
{
    public const string Name = "lscb-linked-not-subgroup";

    [GeneratedRegex(@"safeguarding children|\bL?SCB\b", RegexOptions.IgnoreCase)]
    private static partial Regex LscbName();

    public static bool NamesSafeguardingBoard(string? text) => text is not null && LscbName().IsMatch(text);

    public static Assessment Assess(GovernanceGraph graph)
    {
        var scope = BoardScope.Of(graph);
        if (scope.IsEmpty) return BoardScope.NoBoard(graph);

        var seatsOnBoard = scope.Seats(graph).Where(HeldForSafeguardingBoard).ToList();
        var lscbs = graph.Bodies
            .Where(b => !scope.Boards.Contains(b) && (b.Kind == BodyKind.Safeguarding || NamesSafeguardingBoard(b.Name)))
            .ToList();

        if (lscbs.Count == 0)
        {
            if (seatsOnBoard.Count > 0)
                return Assessment.Met(
                    $"No Safeguarding Children Board is recorded as a body, but {Describe(graph, seatsOnBoard)}; nothing in the sources makes it a sub-group of {scope.Name}.",
                    Evidence.Of(scope.Boards, seatsOnBoard));
            var elsewhere = graph.Seats.Where(HeldForSafeguardingBoard).ToList();
            return elsewhere.Count > 0
                ? Assessment.CannotAssess(
                    $"The sources do not record the Local Safeguarding Children Board or a line or seat linking it to {scope.Name}; "
                    + $"they show only that {Describe(graph, elsewhere)}.",
                    Evidence.Of(scope.Boards, elsewhere))
                : Assessment.CannotAssess(
                    $"The sources for {graph.Title} do not mention the Local Safeguarding Children Board, so its relationship to {scope.Name} is not known.",
                    Evidence.Of(scope.Boards));
        }

        var problems = new List<Assessment>();
        var links = new List<Assessment>();
        foreach (var lscb in lscbs)
        {
            var parent = lscb.PartOf is not null && scope.Contains(lscb.PartOf) ? graph.Body(lscb.PartOf) : null;
            if (lscb.Kind == BodyKind.SubGroup || parent is not null)
            {
                problems.Add(Assessment.NotMet(
                    $"{lscb.Name} is recorded as {(parent is null ? "a sub-group" : $"part of {parent.Name}")}: a sub-group of the Board cannot hold the Board to account.",
                    $"Make {lscb.Name} a separate board that reports to {scope.Name} (its chair can sit on the Board as a participant observer), not one of its sub-groups.",
                    Evidence.Of([lscb, .. scope.Boards])));
                continue;
            }
            var lines = graph.Lines.OutEdges(lscb.Id).Where(e => scope.Contains(e.Target))
                .Concat(graph.Lines.InEdges(lscb.Id).Where(e => scope.Contains(e.Source)))
                .Select(e => e.Line).ToList();
            if (lines.Count > 0 || seatsOnBoard.Count > 0)
            {
                var how = lines.Select(l => $"{graph.Body(l.From).Name} {Phrase(l.Kind)} {graph.Body(l.To).Name}").ToList();
                if (seatsOnBoard.Count > 0) how.Add(Describe(graph, seatsOnBoard));
                links.Add(Assessment.Met(
                    $"{Capitalise(Wording.Names(how))}; {lscb.Name} is not a sub-group of {scope.Name}.",
                    Evidence.Of([lscb, .. scope.Boards], seatsOnBoard, lines: lines)));
            }
            else
            {
                problems.Add(Assessment.NotMet(
                    $"{lscb.Name} is recorded, but no line or seat links it to {scope.Name}.",
                    $"Record how {lscb.Name} reports to {scope.Name}: a reporting line, or a seat on the Board for its chair as a participant observer.",
                    Evidence.Of([lscb, .. scope.Boards])));
            }
        }
        return problems.FirstOrDefault() ?? links[0];
    }

    private static bool HeldForSafeguardingBoard(Seat seat) => NamesSafeguardingBoard(seat.Agency) || NamesSafeguardingBoard(seat.Post);

    private static string Describe(GovernanceGraph graph, IReadOnlyList<Seat> seats) =>
        Wording.Names(seats.Select(s => $"{Wording.Describe(s)} sits on {graph.Body(s.Body).Name} as {s.Role.ToWord()}"));

    private static string Phrase(AccountabilityKind kind) => kind switch
    {
        AccountabilityKind.AccountableTo => "is accountable to",
        AccountabilityKind.ReportsTo => "reports to",
        AccountabilityKind.Advises => "advises",
        _ => "observes",
    };

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
