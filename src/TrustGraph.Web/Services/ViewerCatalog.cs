using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TrustGraph.Analyses;
using TrustGraph.Diagrams;
using TrustGraph.Graph;
using TrustGraph.Loading;
using TrustGraph.Metrics;
using TrustGraph.Model;

namespace TrustGraph.Web.Services;

/// <summary>The viewer's configuration: <c>TrustGraph:DataPath</c> (environment <c>TrustGraph__DataPath</c>).</summary>
public sealed class ViewerOptions
{
    public string? DataPath { get; set; }
}

/// <summary>One arrangement of one authority with everything the viewer shows about it, computed once by the core.</summary>
public sealed record ArrangementView(
    GovernanceGraph Graph,
    IReadOnlyList<Finding> Findings,
    DiagramModel Hierarchy,
    DiagramModel Onion,
    StructureMetrics Metrics,
    IReadOnlyList<Gatekeeper> Gatekeepers)
{
    public string AuthorityId => Graph.Authority.Id;
    public string? ArrangementId => Graph.ArrangementId;
    public string Title => Graph.Title;

    /// <summary>"suffolk/2009": how the compare page names a view in its address.</summary>
    public string Key => ArrangementId is null ? AuthorityId : $"{AuthorityId}/{ArrangementId}";

    public string Href => ArrangementId is null ? $"authority/{Uri.EscapeDataString(AuthorityId)}" : $"authority/{Uri.EscapeDataString(AuthorityId)}/{Uri.EscapeDataString(ArrangementId)}";
}

/// <summary>
/// The dataset the viewer serves, loaded once at start from <see cref="ViewerOptions.DataPath"/> (else the default
/// location), and each arrangement's analyses, metrics and diagram models, built on first use and kept.
/// </summary>
public sealed class ViewerCatalog
{
    private readonly ConcurrentDictionary<string, ArrangementView> _views = new();

    public ViewerCatalog(IOptions<ViewerOptions> options)
    {
        DataPath = Path.GetFullPath(string.IsNullOrWhiteSpace(options.Value.DataPath) ? DatasetLocation.Default() : options.Value.DataPath);
        var result = DatasetLoader.Load(DataPath);
        Dataset = result.Dataset;
        Errors = result.Errors;
    }

    public string DataPath { get; }
    public Dataset? Dataset { get; }
    public IReadOnlyList<DatasetError> Errors { get; }

    public IReadOnlyList<AuthorityStructure> Authorities => Dataset?.Authorities ?? [];

    public IReadOnlyList<Source> Sources => Dataset?.Sources ?? [];

    /// <summary>Every arrangement of an authority (empty when there is no such authority).</summary>
    public IReadOnlyList<ArrangementView> ViewsOf(string authorityId)
    {
        var structure = Dataset?.Find(authorityId);
        if (structure is null) return [];
        return GovernanceGraph.For(structure).Select(g => _views.GetOrAdd(KeyOf(g), _ => Build(g))).ToList();
    }

    /// <summary>The arrangement named, or the authority's first (its current one, as the papers list them) when none is named.</summary>
    public ArrangementView? Find(string authorityId, string? arrangementId = null)
    {
        var views = ViewsOf(authorityId);
        return arrangementId is null ? views.FirstOrDefault() : views.FirstOrDefault(v => v.ArrangementId == arrangementId);
    }

    /// <summary>Resolves "suffolk" or "suffolk/2009".</summary>
    public ArrangementView? FindByKey(string key)
    {
        var slash = key.IndexOf('/');
        return slash < 0 ? Find(key) : Find(key[..slash], key[(slash + 1)..]);
    }

    public IReadOnlyList<ArrangementView> AllViews => Authorities.SelectMany(a => ViewsOf(a.Id)).ToList();

    private static string KeyOf(GovernanceGraph g) => g.ArrangementId is null ? g.Authority.Id : $"{g.Authority.Id}/{g.ArrangementId}";

    private static ArrangementView Build(GovernanceGraph graph)
    {
        var findings = Analysis.Run(graph);
        return new ArrangementView(graph, findings, HierarchyDiagram.Build(graph, findings), OnionDiagram.Build(graph, findings),
            StructureMetrics.Compute(graph), Gatekeepers.Find(graph));
    }
}
