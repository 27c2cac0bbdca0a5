using TrustGraph.Graph;

namespace TrustGraph.Guidance;

/// <summary>
/// A commissioning framework exists and the Board agrees it: a duty of the Board (or a body it is divided into) that
/// mentions a commissioning framework or commissioning standards. When only another body develops one, the Board's
/// agreement is the gap; when no paper mentions one, it cannot be assessed.
/// </summary>
public static class CommissioningFramework
{
    public const string Name = "commissioning-framework";

    public static bool MentionsFramework(string duty) =>
        duty.Contains("commissioning", StringComparison.OrdinalIgnoreCase)
        && (duty.Contains("framework", StringComparison.OrdinalIgnoreCase) || duty.Contains("standards", StringComparison.OrdinalIgnoreCase));

    public static Assessment Assess(GovernanceGraph graph)
    {
        var scope = BoardScope.Of(graph);
        if (scope.IsEmpty) return BoardScope.NoBoard(graph);

        var own = scope.Duties(graph).Where(d => MentionsFramework(d.Text)).ToList();
        if (own.Count > 0)
            return Assessment.Met($"The Board holds the framework: {Wording.Quoted(graph, own)}.", Evidence.Of(scope.Boards, duties: own));

        var elsewhere = graph.Duties.Where(d => !scope.Contains(d.Body) && MentionsFramework(d.Text)).ToList();
        if (elsewhere.Count == 0)
            return Assessment.CannotAssess(
                $"No duty recorded for {graph.Title} mentions a commissioning framework or commissioning standards, so the sources do not say whether one exists.",
                Evidence.Of(scope.Boards));

        var holders = elsewhere.Select(d => graph.Body(d.Body)).Distinct().ToList();
        var holderNames = Wording.Names(holders.Select(b => b.Name));
        var related = scope.Duties(graph).Where(d => d.Text.Contains("commissioning", StringComparison.OrdinalIgnoreCase)).ToList();
        var context = related.Count == 0 ? ""
            : $" The Board's own commissioning duties are {Wording.Names(related.Select(Wording.Quote))}, which stop short of agreeing the framework.";
        return Assessment.NotMet(
            $"A framework is in the hands of {holderNames} ({Wording.Quoted(graph, elsewhere)}), but no duty of {scope.Name} records agreeing it.{context}",
            $"Have {scope.Name} agree the commissioning framework that {holderNames} develop{(holders.Count == 1 ? "s" : "")}, and say so in the Board's terms of reference.",
            Evidence.Of(scope.Boards.Concat(holders), duties: elsewhere.Concat(related)));
    }
}
