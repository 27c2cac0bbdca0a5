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
        return new DraftFindings(draft, graph, findings, original, originalFindings,
            originalFindings.Where(f => !now.Contains(Key(f))).ToList(),
            findings.Where(f => !before.Contains(Key(f))).ToList());
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
