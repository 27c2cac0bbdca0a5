using System.Text.RegularExpressions;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Guidance;

/// <summary>
/// A joint commissioning body "of some sort": a body of kind <c>commissioning</c>; else a body recorded as acting as a
/// commissioning partnership; else a partnership body with commissioning in its name (an Integrated Commissioning Executive).
/// A single agency's team is not joint, so support teams, partner agencies' governance and the LSP do not count.
/// </summary>
public static partial class JointCommissioningBody
{
    public const string Name = "joint-commissioning-body";

    [GeneratedRegex(@"commissioning (partnership|body|board|group|executive)", RegexOptions.IgnoreCase)]
    private static partial Regex ActsAsCommissioningBody();

    public static Assessment Assess(GovernanceGraph graph)
    {
        if (graph.Bodies.Count == 0) return Assessment.CannotAssess($"The sources record no bodies for {graph.Title}.");

        var byKind = graph.Bodies.Where(b => b.Kind == BodyKind.Commissioning).ToList();
        if (byKind.Count > 0)
            return Assessment.Met(
                $"{Wording.Names(byKind.Select(b => b.Name))} {Wording.IsAre(byKind.Count)} recorded as {(byKind.Count == 1 ? "a commissioning body" : "commissioning bodies")}.",
                Evidence.Of(byKind));

        var partnership = graph.Bodies.Where(IsPartnership).ToList();
        var acting = partnership.SelectMany(b => graph.DutiesOf(b.Id)).Where(d => ActsAsCommissioningBody().IsMatch(d.Text)).ToList();
        if (acting.Count > 0)
            return Assessment.Met(
                $"No separate commissioning body is recorded, but {Wording.Quoted(graph, acting)}.",
                Evidence.Of(acting.Select(d => graph.Body(d.Body)), duties: acting));

        var named = partnership.Where(b => b.Name.Contains("commissioning", StringComparison.OrdinalIgnoreCase)).ToList();
        if (named.Count > 0)
            return Assessment.Met(
                $"{Wording.Names(named.Select(b => $"{b.Name} ({b.Kind.ToWord()})"))} commission{(named.Count == 1 ? "s" : "")} for the partners.",
                Evidence.Of(named));

        var scope = BoardScope.Of(graph);
        var accountableTo = scope.IsEmpty ? "the Children's Trust Board" : scope.Name;
        return Assessment.NotMet(
            $"No body of {graph.Title} is recorded as commissioning for the partners together, and no duty says a body acts as a commissioning partnership.",
            $"Set up a joint commissioning body (a board, executive or unit where the local authority, the PCT and other partners commission together), accountable to {accountableTo}.",
            Evidence.Of(scope.Boards));
    }

    private static bool IsPartnership(Body body) =>
        body.Kind is not (BodyKind.Lsp or BodyKind.AgencyGovernance or BodyKind.Support);
}
