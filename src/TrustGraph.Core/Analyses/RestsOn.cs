using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Analyses;

/// <summary>
/// How a finding owns up to the inferred rows it rests on (contract v1.1): the message ends "This rests on an inferred
/// line: …" with each row's note, and <see cref="Finding.Inferred"/> lists the rows by file and line, so a reader can weigh
/// a finding built on a reading of the papers rather than on their words.
/// </summary>
public static class RestsOn
{
    /// <summary>An inferred row as a sentence names it: what it is (<c>line</c>, <c>seat</c>, <c>body</c>, <c>duty</c>), its label and note.</summary>
    public readonly record struct Described(string What, string Label, string? Note);

    /// <summary><paramref name="finding"/> with the inferred rows among <paramref name="rows"/> named in its message and listed; unchanged when there are none.</summary>
    public static Finding Inferred(Finding finding, GovernanceGraph graph, IEnumerable<IHasBasis> rows)
    {
        var inferred = rows.Where(r => r.Basis == Basis.Inferred).Distinct<IHasBasis>(ReferenceEqualityComparer.Instance).ToList();
        if (inferred.Count == 0) return finding;
        return finding with
        {
            Message = finding.Message + " " + Sentence(inferred.ConvertAll(r => Describe(graph, r))),
            Inferred = InferredRow.Among(graph.Authority.Id, inferred),
        };
    }

    public static Described Describe(GovernanceGraph graph, IHasBasis row) => row switch
    {
        Seat s => new("seat", s.Label, s.Note),
        AccountabilityLine l => new("line", $"{NameOf(graph, l.From)} {l.Kind.ToWord().Replace('-', ' ')} {NameOf(graph, l.To)}", l.Note),
        Body b => new("body", b.Name, b.Note),
        Duty d => new("duty", $"{NameOf(graph, d.Body)}: “{d.Text}”", d.Note),
        _ => new("row", row.ToString() ?? "", row.Note),
    };

    private static string NameOf(GovernanceGraph graph, string bodyId) => graph.Contains(bodyId) ? graph.Body(bodyId).Name : bodyId;

    /// <summary>
    /// "This rests on an inferred line: A reports to B (note)." or, for several of a kind, "This rests on 16 inferred seats:
    /// X, Y, Z and 13 more (note; other note)." Shared with the Cypher twins, which return the same rows.
    /// </summary>
    public static string Sentence(IReadOnlyList<Described> rows)
    {
        var groups = rows.GroupBy(r => r.What).Select(g =>
        {
            var list = g.ToList();
            var labels = list.Take(3).Select(r => r.Label).ToList();
            var named = list.Count > 3 ? string.Join(", ", labels) + $" and {list.Count - 3} more" : FindingText.Names(labels);
            var notes = list.Select(r => r.Note).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct().Take(2).ToList();
            var why = notes.Count == 0 ? "" : $" ({string.Join("; ", notes)})";
            return list.Count == 1 ? $"an inferred {g.Key}: {named}{why}" : $"{list.Count} inferred {g.Key}s: {named}{why}";
        });
        return $"This rests on {string.Join("; and on ", groups)}.";
    }
}
