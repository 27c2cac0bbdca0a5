using TrustGraph.Graph;
using TrustGraph.Guidance;
using TrustGraph.Model;

namespace TrustGraph.Analyses;

/// <summary>Runs the four analyses over the chosen authorities and arrangements, in a stable order.</summary>
public static class Analysis
{
    public static IReadOnlyList<Finding> Run(GovernanceGraph graph, IReadOnlyList<RelevantPartner>? partners = null) =>
    [
        .. DuplicatedMembership.Find(graph),
        .. MissingRelevantPartners.Find(graph, partners ?? RelevantPartners.Statutory),
        .. AccountabilityCycles.Find(graph),
        .. LspReportingGaps.Find(graph),
    ];

    public static IReadOnlyList<Finding> Run(Dataset dataset, string? authority = null, string? arrangement = null, IReadOnlyList<RelevantPartner>? partners = null) =>
        dataset.Authorities
            .Where(a => authority is null || a.Id == authority)
            .SelectMany(a => Run(a, arrangement, partners))
            .ToList();

    /// <summary>One authority's findings, arrangement by arrangement (only <paramref name="arrangement"/> when given).</summary>
    public static IReadOnlyList<Finding> Run(AuthorityStructure structure, string? arrangement = null, IReadOnlyList<RelevantPartner>? partners = null) =>
        GovernanceGraph.For(structure)
            .Where(g => arrangement is null || g.ArrangementId == arrangement)
            .SelectMany(g => Run(g, partners))
            .ToList();
}
