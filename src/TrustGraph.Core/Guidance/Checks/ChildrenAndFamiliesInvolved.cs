using System.Text.RegularExpressions;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Guidance;

/// <summary>
/// Children, young people and families are involved: a duty of any body of the Trust that involves, engages or consults
/// them (or represents their views), or a filled seat held by parents and carers or young people.
/// </summary>
public static partial class ChildrenAndFamiliesInvolved
{
    public const string Name = "children-families-involved";

    [GeneratedRegex(@"\b(children|child's|children's|young (people|person)|famil|parent|carer)", RegexOptions.IgnoreCase)]
    private static partial Regex Who();

    [GeneratedRegex(@"\b(involv|engag|participat|consult|views|voice|shape|represent)", RegexOptions.IgnoreCase)]
    private static partial Regex How();

    public static bool InvolvesThem(string duty) => Who().IsMatch(duty) && How().IsMatch(duty);

    public static Assessment Assess(GovernanceGraph graph)
    {
        var duties = graph.Duties.Where(d => InvolvesThem(d.Text)).ToList();
        var seats = graph.Seats
            .Where(s => s.IsFilled && s.PartnerCategory is PartnerCategory.ParentCarer or PartnerCategory.YoungPeople)
            .ToList();
        var bodies = duties.Select(d => graph.Body(d.Body)).Concat(seats.Select(s => graph.Body(s.Body))).Distinct().ToList();

        if (duties.Count > 0 || seats.Count > 0)
        {
            var parts = new List<string>();
            if (duties.Count > 0) parts.Add(Wording.Quoted(graph, duties));
            if (seats.Count > 0)
                parts.Add("seats: " + Wording.Names(seats.Select(s => $"{Wording.Describe(s)} on {graph.Body(s.Body).Name}")));
            return Assessment.Met(string.Join("; ", parts) + ".", Evidence.Of(bodies, seats, duties));
        }

        if (graph.Duties.Count == 0 && graph.Seats.Count == 0)
            return Assessment.CannotAssess($"The sources record no duties and no seats for {graph.Title}, so involvement cannot be judged.");

        var scope = BoardScope.Of(graph);
        var board = scope.IsEmpty ? "the Children's Trust Board" : scope.Name;
        return Assessment.NotMet(
            $"None of the {graph.Duties.Count} duties recorded for {graph.Title} involves children, young people or families, "
            + "and no seat is held by parents, carers or young people.",
            $"Give {board} a duty to involve children, young people and families in planning and commissioning, and a seat for a parent/carer representative.",
            Evidence.Of(scope.Boards));
    }
}
