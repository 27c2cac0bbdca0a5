using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Guidance;

/// <summary>
/// The Board's terms of reference name its chair: a seat with role <c>chair</c> on the Board itself. A listed membership
/// with no chair is a gap; a board whose membership the papers do not give cannot be assessed.
/// </summary>
public static class ChairNamed
{
    public const string Name = "tor-chair";

    public static Assessment Assess(GovernanceGraph graph)
    {
        var scope = BoardScope.Of(graph);
        if (scope.IsEmpty) return BoardScope.NoBoard(graph);

        var chairs = scope.Boards.SelectMany(b => graph.SeatsOn(b.Id)).Where(s => s.Role == SeatRole.Chair).ToList();
        var filled = chairs.Where(s => s.IsFilled).ToList();
        if (filled.Count > 0)
            return Assessment.Met($"{scope.Name} is chaired by {Wording.Names(filled.Select(Wording.Describe))}.", Evidence.Of(scope.Boards, filled));
        if (chairs.Count > 0)
            return Assessment.NotMet(
                $"The chair of {scope.Name} is vacant.",
                $"Appoint a chair of {scope.Name} and name them in its terms of reference.",
                Evidence.Of(scope.Boards, chairs));

        var seats = scope.Seats(graph).ToList();
        if (seats.Count == 0)
            return Assessment.CannotAssess($"The sources do not give the membership of {scope.Name}, so whether its terms of reference name a chair is not known.", Evidence.Of(scope.Boards));

        if (scope.Bodies.Any(b => b.MembershipPartial))
            return Assessment.CannotAssess(
                $"The sources list only part of the membership of {scope.Name} ({seats.Count} seats), and none of those is its chair; whether its terms of reference name one is not known.",
                Evidence.Of(scope.Boards));

        var partChairs = scope.Parts.SelectMany(p => graph.SeatsOn(p.Id)).Where(s => s.Role == SeatRole.Chair && s.IsFilled).ToList();
        var reason = partChairs.Count == 0
            ? $"The membership of {scope.Name} is listed ({seats.Count} seats), but no seat is its chair."
            : $"The membership of {scope.Name} is listed ({seats.Count} seats, in {Wording.Names(scope.Parts.Select(p => p.Name))}), "
              + $"but no chair of {scope.Name} as a whole is named; its parts are chaired by "
              + $"{Wording.Names(partChairs.Select(s => $"{Wording.Describe(s)} ({graph.Body(s.Body).Name})"))}.";
        return Assessment.NotMet(
            reason,
            $"Name the chair (and vice-chair) of {scope.Name} in its terms of reference.",
            Evidence.Of(scope.Bodies, seats.Take(1).Concat(partChairs)));
    }
}
