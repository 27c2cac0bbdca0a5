using TrustGraph.Graph;

namespace TrustGraph.Guidance;

/// <summary>The Board meets at least four times a year, from <c>meets_per_year</c>; blank means the papers do not say.</summary>
public static class BoardMeetsQuarterly
{
    public const string Name = "board-meets-quarterly";
    public const int MinimumMeetings = 4;

    public static Assessment Assess(GovernanceGraph graph)
    {
        var scope = BoardScope.Of(graph);
        if (scope.IsEmpty) return BoardScope.NoBoard(graph);

        var unknown = scope.Boards.Where(b => b.MeetsPerYear is null).ToList();
        var tooFew = scope.Boards.Where(b => b.MeetsPerYear < MinimumMeetings).ToList();
        if (tooFew.Count > 0)
        {
            var board = tooFew[0];
            return Assessment.NotMet(
                $"{board.Name} meets {Wording.Times(board.MeetsPerYear!.Value)} a year, fewer than {MinimumMeetings}.",
                $"Schedule at least {MinimumMeetings} meetings of {board.Name} a year, timed so the plan can be consulted on.",
                Evidence.Of(tooFew));
        }
        if (unknown.Count > 0)
        {
            var parts = scope.Parts.Where(p => p.MeetsPerYear is not null).ToList();
            var note = parts.Count > 0
                ? $" ({Wording.Names(parts.Select(p => $"{p.Name} meets {Wording.Times(p.MeetsPerYear!.Value)} a year"))}.)"
                : "";
            return Assessment.CannotAssess($"The sources do not say how often {Wording.Names(unknown.Select(b => b.Name))} meets.{note}", Evidence.Of(unknown.Concat(parts)));
        }
        return Assessment.Met(
            Wording.Names(scope.Boards.Select(b => $"{b.Name} meets {Wording.Times(b.MeetsPerYear!.Value)} a year")) + ".",
            Evidence.Of(scope.Boards));
    }
}
