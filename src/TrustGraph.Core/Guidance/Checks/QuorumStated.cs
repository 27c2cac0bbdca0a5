using TrustGraph.Graph;

namespace TrustGraph.Guidance;

/// <summary>
/// The Board's terms of reference state a quorum. The dataset has no quorum column, so only a duty of the Board that
/// mentions a quorum can show it; without one the question cannot be assessed, never presumed missing.
/// </summary>
public static class QuorumStated
{
    public const string Name = "tor-quorum";

    public static bool MentionsQuorum(string duty) =>
        duty.Contains("quorum", StringComparison.OrdinalIgnoreCase) || duty.Contains("quorate", StringComparison.OrdinalIgnoreCase);

    public static Assessment Assess(GovernanceGraph graph)
    {
        var scope = BoardScope.Of(graph);
        if (scope.IsEmpty) return BoardScope.NoBoard(graph);

        var quorum = scope.Duties(graph).Where(d => MentionsQuorum(d.Text)).ToList();
        return quorum.Count > 0
            ? Assessment.Met($"{Wording.Quoted(graph, quorum)}.", Evidence.Of(scope.Boards, duties: quorum))
            : Assessment.CannotAssess(
                $"The dataset has no place for a quorum (there is no quorum column) and no duty of {scope.Name} mentions one, "
                + "so whether its terms of reference state one cannot be told from the data. Record it as a duty of the Board (\"Meetings are quorate when …\") to have it checked.",
                Evidence.Of(scope.Boards));
    }
}
