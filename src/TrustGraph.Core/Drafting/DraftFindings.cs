using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Drafting;

/// <summary>
/// A draft's findings against the law in force on its date, and how they differ from the arrangement it was copied
/// from: the findings it no longer has (<see cref="Gone"/>) and the ones it has that the original did not
/// (<see cref="New"/>). Findings are matched on their check, severity and wording, which name bodies by name, so a
/// copied body (a new id, the same name) matches its original.
/// </summary>
public sealed record DraftFindings(
    Draft Draft, GovernanceGraph Graph, IReadOnlyList<Finding> Findings, GovernanceGraph? Original, IReadOnlyList<Finding> OriginalFindings,
    IReadOnlyList<Finding> Gone, IReadOnlyList<Finding> New)
{
    /// <summary>
    /// Findings of the original that the draft still has in another wording: the same check and severity about the same
    /// bodies (by name), such as a board's partner list that now shows probation. Each pair is also in <see cref="Gone"/> and <see cref="New"/>.
    /// </summary>
    public IReadOnlyList<(Finding Before, Finding After)> Changed { get; init; } = [];

    /// <summary>The gone findings that are not one half of a <see cref="Changed"/> pair.</summary>
    public IEnumerable<Finding> GoneOutright => Gone.Where(f => Changed.All(c => !ReferenceEquals(c.Before, f)));

    /// <summary>The new findings that are not one half of a <see cref="Changed"/> pair.</summary>
    public IEnumerable<Finding> NewOutright => New.Where(f => Changed.All(c => !ReferenceEquals(c.After, f)));

    public static DraftFindings Of(Dataset dataset, Draft draft)
    {
        var structure = dataset.Find(draft.AuthorityId)!;
        var graphs = GovernanceGraph.For(structure);
        var graph = graphs.Single(g => g.ArrangementId == draft.Id);
        var findings = Analysis.Run(graph);
        var original = draft.CopiedFrom is null ? null : graphs.SingleOrDefault(g => g.ArrangementId == draft.CopiedFrom);
        var originalFindings = original is null ? [] : Analysis.Run(original);
        static (string, Severity, string) Key(Finding f) => (f.Check, f.Severity, f.Message);
        var now = findings.Select(Key).ToHashSet();
        var before = originalFindings.Select(Key).ToHashSet();
        var gone = originalFindings.Where(f => !now.Contains(Key(f))).ToList();
        var added = findings.Where(f => !before.Contains(Key(f))).ToList();
        string Subject(Finding f, GovernanceGraph g) =>
            $"{f.Check}|{f.Severity}|{string.Join("|", f.Bodies.Where(g.Contains).Select(id => g.Body(id).Name).Order(StringComparer.Ordinal))}";
        var changed = new List<(Finding, Finding)>();
        var unpaired = added.ToList();
        foreach (var f in gone)
        {
            if (original is null || f.Bodies.Count == 0) continue;
            var match = unpaired.FirstOrDefault(n => Subject(n, graph) == Subject(f, original));
            if (match is null) continue;
            changed.Add((f, match));
            unpaired.Remove(match);
        }
        return new DraftFindings(draft, graph, findings, original, originalFindings, gone, added) { Changed = changed };
    }

    /// <summary>
    /// One sentence per severity that changed, as a policy lead reads the difference: "1 error fewer", "2 warnings more".
    /// Empty when the counts are the same.
    /// </summary>
    public IReadOnlyList<string> Tally()
    {
        var result = new List<string>();
        foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Info })
        {
            var delta = Findings.Count(f => f.Severity == severity) - OriginalFindings.Count(f => f.Severity == severity);
            if (delta == 0) continue;
            var word = severity.ToString().ToLowerInvariant();
            var n = Math.Abs(delta);
            result.Add($"{n} {word}{(n == 1 ? "" : "s")} {(delta < 0 ? "fewer" : "more")}");
        }
        return result;
    }
}
