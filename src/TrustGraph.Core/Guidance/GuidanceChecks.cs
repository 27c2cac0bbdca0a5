using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Guidance;

/// <summary>
/// Judges an arrangement against every requirement of <c>requirements.csv</c>, each by the check its row names.
/// The verdicts are also given as findings (check <c>guidance</c>) so the findings JSON stays on the contract:
/// a gap is a finding at its requirement's severity, a question the papers cannot answer is <c>info</c>.
/// </summary>
public static class GuidanceChecks
{
    private static readonly (string Name, Func<GovernanceGraph, Assessment> Assess)[] All =
    [
        (BoardExists.Name, BoardExists.Assess),
        (BoardIncludesRelevantPartners.Name, BoardIncludesRelevantPartners.Assess),
        (BoardOwnsPlan.Name, BoardOwnsPlan.Assess),
        (BoardMeetsQuarterly.Name, BoardMeetsQuarterly.Assess),
        (SafeguardingBoardLinked.Name, SafeguardingBoardLinked.Assess),
        (JointCommissioningBody.Name, JointCommissioningBody.Assess),
        (CommissioningFramework.Name, CommissioningFramework.Assess),
        (ChildrenAndFamiliesInvolved.Name, ChildrenAndFamiliesInvolved.Assess),
        (ReportingPathToLsp.Name, ReportingPathToLsp.Assess),
        (NoAccountabilityCycles.Name, NoAccountabilityCycles.Assess),
        (ChairNamed.Name, ChairNamed.Assess),
        (QuorumStated.Name, QuorumStated.Assess),
    ];

    /// <summary>The names a requirement's <c>check</c> column may hold.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(c => c.Name).ToList();

    public static IReadOnlyList<Verdict> Run(GovernanceGraph graph, IReadOnlyList<Requirement>? requirements = null) =>
        (requirements ?? Requirements.Statutory).Select(r => Judge(graph, r)).ToList();

    public static Verdict Judge(GovernanceGraph graph, Requirement requirement)
    {
        var check = All.FirstOrDefault(c => c.Name == requirement.Check).Assess
            ?? throw new ArgumentException($"requirement '{requirement.Id}' names an unknown check '{requirement.Check}'", nameof(requirement));
        var assessment = check(graph);
        var severity = assessment.Status == VerdictStatus.CannotAssess ? Severity.Info : requirement.Severity;
        var reason = assessment.Reason;

        if (requirement.StatutoryFrom is DateOnly from && assessment.Status == VerdictStatus.NotMet)
        {
            var law = LawInForce.For(graph.Arrangement);
            if (law.Stated is not PartialDate stated)
                reason += $" The papers give no in-force date for this arrangement, so it is judged against the law since {from:d MMMM yyyy}.";
            else if (law.Day < from)
            {
                reason += $" {(stated.Day is null ? "In" : "On")} {stated.ToReadable()} this was guidance, not yet statute (statutory from {from:d MMMM yyyy}), so the gap is a warning.";
                if (severity > Severity.Warning) severity = Severity.Warning;
            }
        }
        return new Verdict(graph.Authority.Id, graph.ArrangementId, requirement, assessment.Status, severity, reason, assessment.Remedy, assessment.Evidence);
    }

    /// <summary>The verdicts that are gaps or open questions, as findings with check <c>guidance</c>; met requirements give none.</summary>
    public static IReadOnlyList<Finding> Findings(GovernanceGraph graph, IReadOnlyList<Requirement>? requirements = null) =>
        Run(graph, requirements).Where(v => v.Status != VerdictStatus.Met).Select(ToFinding).ToList();

    public static IReadOnlyList<Finding> Findings(Dataset dataset, string? authority = null, string? arrangement = null) =>
        dataset.Authorities
            .Where(a => authority is null || a.Id == authority)
            .SelectMany(GovernanceGraph.For)
            .Where(g => arrangement is null || g.ArrangementId == arrangement)
            .SelectMany(g => Findings(g))
            .ToList();

    public static Finding ToFinding(Verdict verdict)
    {
        var r = verdict.Requirement;
        var bodies = verdict.Evidence.Bodies;
        return new Finding(verdict.Authority, verdict.Arrangement, Checks.Guidance, verdict.Severity,
            [r.Id, r.Title, .. bodies.Select(b => b.Id), .. bodies.Select(b => b.Name)],
            $"{r.Title}: {verdict.Status.Label().ToLowerInvariant()}. {verdict.Reason} [{r.Citation}]",
            FindingText.SourcesOf(verdict.Evidence.Sources))
        {
            Bodies = bodies.Select(b => b.Id).ToList(),
            Remedy = verdict.Remedy,
        };
    }
}
