using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Reports;

/// <summary>
/// The arrangement a report or comparison is about, with the reason it was chosen, so the output can say which
/// of an authority's arrangements it judged (Worcestershire's papers describe the 2009 one and a proposal for 2010).
/// </summary>
public sealed record ChosenArrangement(GovernanceGraph Graph, string Why)
{
    public Authority Authority => Graph.Authority;
    public Arrangement? Arrangement => Graph.Arrangement;

    /// <summary>
    /// The requested arrangement, or by default the current one (status <c>current</c>, the latest in force if there are
    /// several), else the one with the latest in-force date, else the first the papers list. Null with an error message
    /// when the requested arrangement does not exist.
    /// </summary>
    public static (ChosenArrangement? Choice, string? Error) Pick(AuthorityStructure authority, string? requested = null)
    {
        var graphs = GovernanceGraph.For(authority);
        var others = authority.Arrangements.Select(a => a.Id).ToList();
        if (requested is not null)
        {
            var graph = graphs.FirstOrDefault(g => g.ArrangementId == requested);
            return graph is null
                ? (null, $"{authority.Authority.Name} has no arrangement '{requested}'; expected one of: {(others.Count == 0 ? "(none)" : string.Join(", ", others))}")
                : (new ChosenArrangement(graph, $"arrangement {requested} ({Describe(graph.Arrangement!)}), as asked{Others(others, requested)}"), null);
        }

        if (authority.Arrangements.Count == 0)
            return (new ChosenArrangement(graphs[0], "the papers describe no separate arrangements; every body is judged together"), null);

        var current = authority.Arrangements.Where(a => a.Status == ArrangementStatus.Current).ToList();
        Arrangement chosen;
        string rule;
        if (current.Count > 0)
        {
            chosen = Latest(current);
            rule = current.Count == 1 ? "the current one" : "the latest of the current ones";
        }
        else if (authority.Arrangements.Any(a => a.InForce is not null))
        {
            chosen = Latest(authority.Arrangements);
            rule = "none is current; the latest in force";
        }
        else
        {
            chosen = authority.Arrangements[0];
            rule = authority.Arrangements.Count == 1 ? "the only arrangement in the papers" : "none is current or dated; the first listed";
        }
        var picked = graphs.First(g => g.ArrangementId == chosen.Id);
        return (new ChosenArrangement(picked, $"arrangement {chosen.Id} ({Describe(chosen)}): {rule}{Others(others, chosen.Id)}"), null);
    }

    private static Arrangement Latest(IReadOnlyList<Arrangement> arrangements) =>
        arrangements.OrderByDescending(a => a.InForce?.Earliest ?? DateOnly.MinValue).First();

    public static string Describe(Arrangement a) =>
        a.Status.ToWord() + (a.InForce is { } d ? $", in force {d.ToReadable()}" : ", in-force date not stated");

    private static string Others(List<string> all, string chosen)
    {
        var rest = all.Where(id => id != chosen).ToList();
        return rest.Count == 0 ? "" : $"; the papers also describe {string.Join(", ", rest)}";
    }
}
