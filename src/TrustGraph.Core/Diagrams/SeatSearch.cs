using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Diagrams;

/// <summary>A seat found by a search, and what matched: the person, the agency or the post.</summary>
public sealed record SeatMatch(Seat Seat, Body Body, string MatchedOn);

/// <summary>
/// Finds every seat a person or an agency holds in an arrangement, so the diagram can light up each body they sit on.
/// People match by name regardless of case, spacing or an honorific ("Cllr"); agencies and posts by any part of their name.
/// </summary>
public static class SeatSearch
{
    public const int MinimumLength = 2;

    public static IReadOnlyList<SeatMatch> Find(GovernanceGraph graph, string? query)
    {
        var text = query?.Trim() ?? "";
        if (text.Length < MinimumLength) return [];
        var key = PersonName.Key(text);
        var results = new List<SeatMatch>();
        foreach (var seat in graph.Seats)
        {
            var on = seat.Person is not null && PersonName.Key(seat.Person).Contains(key, StringComparison.Ordinal) ? "person"
                : Has(seat.Agency, text) || Has(seat.PartnerCategory?.ToWord(), text) ? "agency"
                : Has(seat.Post, text) ? "post"
                : null;
            if (on is not null) results.Add(new SeatMatch(seat, graph.Body(seat.Body), on));
        }
        return results;
    }

    private static bool Has(string? field, string text) => field is not null && field.Contains(text, StringComparison.OrdinalIgnoreCase);
}
