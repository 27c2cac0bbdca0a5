using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Guidance;

/// <summary>
/// Every body of the Trust has a chain of accountability to the Local Strategic Partnership, judged by the shared
/// analysis (<see cref="LspReportingGaps"/>). With no LSP in the sources, the path cannot be traced at all.
/// </summary>
public static class ReportingPathToLsp
{
    public const string Name = "lsp-reporting-path";

    public static Assessment Assess(GovernanceGraph graph)
    {
        if (graph.Bodies.Count == 0) return Assessment.CannotAssess($"The sources record no bodies for {graph.Title}.");

        var lsps = graph.Bodies.Where(b => b.Kind == BodyKind.Lsp).ToList();
        if (lsps.Count == 0)
            return Assessment.CannotAssess(
                $"No Local Strategic Partnership is recorded for {graph.Title}, so the path to it cannot be traced "
                + "(the analyses report the missing LSP as an error). Record the LSP and the line by which the Board answers to it.",
                Evidence.Of(BoardScope.Of(graph).Boards));

        var gaps = LspReportingGaps.Find(graph).Where(f => f.Severity == Severity.Warning).ToList();
        var lspNames = Wording.Names(lsps.Select(b => b.Name));
        var expected = graph.Bodies.Count(b => b.Kind is not (BodyKind.Lsp or BodyKind.AgencyGovernance));
        if (gaps.Count == 0)
            return Assessment.Met(
                $"All {expected} bodies of the Trust answer, through accountable-to or reports-to lines, to {lspNames}.",
                Evidence.Of(lsps, lines: graph.Chain.Edges.Select(e => e.Line)));

        var cut = gaps.SelectMany(f => f.Bodies).Distinct().Select(graph.Body).ToList();
        var roots = cut.Where(b => !graph.Chain.OutEdges(b.Id).Any(e => e.Target != b.Id)).ToList();
        var followers = cut.Except(roots).ToList();
        var remedy = roots.Count == 0
            ? $"State to whom {Wording.Names(cut.Select(b => b.Name))} {Wording.IsAre(cut.Count)} accountable, in a chain that ends at {lspNames}."
            : $"State to whom {Wording.Names(roots.Select(b => b.Name))} {Wording.IsAre(roots.Count)} accountable, in a chain that ends at {lspNames}"
              + (followers.Count == 0 ? "." : $"; {Wording.Names(followers.Select(b => b.Name))} then reach{(followers.Count == 1 ? "es" : "")} it through them.");
        return Assessment.NotMet(
            $"{cut.Count} of the {expected} bodies of the Trust {Wording.HasHave(cut.Count)} no reporting path to {lspNames}: {Wording.Names(cut.Select(b => b.Name))}.",
            remedy,
            Evidence.Of(cut, lines: cut.SelectMany(b => graph.Lines.OutEdges(b.Id)).Select(e => e.Line)));
    }
}
