using System.Text.RegularExpressions;
using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Guidance;

/// <summary>
/// The Board holds the Children and Young People's Plan: a duty of the Board (or of a body it is divided into) that
/// mentions the plan with a verb of ownership (prepare, produce, develop, publish, review, revise, own, hold). When the
/// papers give that duty to another body instead, the gap is real; when no paper says who prepares it, it cannot be assessed.
/// </summary>
public static partial class BoardOwnsPlan
{
    public const string Name = "board-owns-plan";

    [GeneratedRegex(@"^(prepar|produc|develop|publish|review|revis|own|hold|held|responsib)", RegexOptions.IgnoreCase)]
    private static partial Regex OwnershipVerb();

    [GeneratedRegex(@"Children and Young People['’]s Plan|CYP Plan|CYPP", RegexOptions.IgnoreCase)]
    private static partial Regex Plan();

    [GeneratedRegex(@"[\p{L}-]+")]
    private static partial Regex Word();

    /// <summary>Words that may stand between an ownership verb and the plan: "Own and deliver the …", "Produce, performance-manage and revise the …".</summary>
    private static readonly HashSet<string> Between = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "or", "the", "a", "its", "their", "deliver", "implement", "manage", "performance-manage", "agree", "approve", "maintain", "keep", "update",
    };

    /// <summary>
    /// True when a duty puts the plan in its holder's hands: an ownership verb whose object is the plan ("Develop, publish,
    /// review and revise the CYP Plan", "Statutory plan held: Children and Young People's Plan"), not a duty that merely
    /// mentions it ("Develop a joint commissioning strategy within the CYPP", "Oversee CYPP implementation").
    /// </summary>
    public static bool HoldsPlan(string duty)
    {
        var plan = Plan().Match(duty);
        if (!plan.Success || !TrustBoard.MentionsPlan(duty)) return false;
        var words = Word().Matches(duty[..plan.Index]).Select(m => m.Value).Reverse();
        foreach (var word in words)
        {
            if (OwnershipVerb().IsMatch(word)) return true;
            if (!Between.Contains(word)) return false;
        }
        return false;
    }

    public static Assessment Assess(GovernanceGraph graph)
    {
        var scope = BoardScope.Of(graph);
        if (scope.IsEmpty) return BoardScope.NoBoard(graph);

        var own = scope.Duties(graph).Where(d => HoldsPlan(d.Text)).ToList();
        if (own.Count > 0)
            return Assessment.Met($"The plan is the Board's: {Wording.Quoted(graph, own)}.", Evidence.Of(scope.Boards, duties: own));

        var elsewhere = graph.Duties.Where(d => !scope.Contains(d.Body) && HoldsPlan(d.Text)).ToList();
        if (elsewhere.Count > 0)
        {
            var holders = elsewhere.Select(d => graph.Body(d.Body)).Distinct().ToList();
            var holderNames = Wording.Names(holders.Select(b => b.Name));
            return Assessment.NotMet(
                $"The papers give the plan to {holderNames} ({Wording.Quoted(graph, elsewhere)}), not to {scope.Name}; "
                + $"no duty of {scope.Name} puts the plan in its hands.",
                $"Make {scope.Name} responsible for preparing, publishing and reviewing the Children and Young People's Plan; "
                + $"{holderNames} can draft it for the Board to agree.",
                Evidence.Of(scope.Boards.Concat(holders), duties: elsewhere));
        }

        var mentions = graph.Duties.Where(d => TrustBoard.MentionsPlan(d.Text)).ToList();
        return mentions.Count > 0
            ? Assessment.CannotAssess(
                $"The duties recorded mention the plan only in passing ({Wording.Quoted(graph, mentions)}); the sources do not say who prepares, publishes and reviews it.",
                Evidence.Of(scope.Boards, duties: mentions))
            : Assessment.CannotAssess(
                $"No duty recorded for {graph.Title} mentions the Children and Young People's Plan, so the sources do not say who holds it.",
                Evidence.Of(scope.Boards));
    }
}
