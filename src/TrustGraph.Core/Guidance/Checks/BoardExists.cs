using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Guidance;

/// <summary>
/// A Children's Trust Board exists: a body of kind <c>trust-board</c>, or (as the analyses choose it) the body that holds
/// the Children and Young People's Plan, which then acts as one.
/// </summary>
public static class BoardExists
{
    public const string Name = "board-exists";

    public static Assessment Assess(GovernanceGraph graph)
    {
        if (graph.Bodies.Count == 0)
            return Assessment.CannotAssess($"The sources record no bodies for {graph.Title}.");

        var scope = BoardScope.Of(graph);
        if (scope.IsEmpty)
            return Assessment.NotMet(
                $"None of the {graph.Bodies.Count} bodies recorded for {graph.Title} is the Children's Trust Board, "
                + "and none holds the Children and Young People's Plan, so none can be taken to act as one.",
                $"Establish a Children's Trust Board for {graph.Authority.Name}, or, if one exists, record it (with the paper that describes it).",
                Evidence.Of(graph.Bodies.Take(1)));

        if (scope.Choice is null)
            return Assessment.Met($"The arrangement has a Children's Trust Board: {scope.Name}.", Evidence.Of(scope.Boards));

        // Several bodies could be the board, or the reader named one: the recorded board exists whichever is judged.
        var recorded = graph.Bodies.Where(b => b.Kind == BodyKind.TrustBoard).ToList();
        if (recorded.Count > 0)
            return Assessment.Met($"The arrangement has a Children's Trust Board: {Wording.Names(recorded.Select(b => b.Name))}. {scope.Choice}",
                Evidence.Of(recorded));

        var board = scope.Boards[0];
        var plan = graph.DutiesOf(board.Id).Where(d => TrustBoard.MentionsPlan(d.Text)).ToList();
        if (plan.Count == 0)
            return Assessment.Met($"No body is recorded as the Children's Trust Board; {board.Name} is judged as one. {scope.Choice}", Evidence.Of([board]));
        return Assessment.Met(
            $"No body is recorded as the Children's Trust Board, but {board.Name} holds the Children and Young People's Plan "
            + $"({Wording.Quote(plan[0])}) and is taken to act as one.",
            Evidence.Of([board], duties: plan));
    }
}
