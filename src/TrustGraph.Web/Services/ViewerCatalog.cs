using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TrustGraph.Analyses;
using TrustGraph.Diagrams;
using TrustGraph.Graph;
using TrustGraph.Loading;
using TrustGraph.Metrics;
using TrustGraph.Model;

namespace TrustGraph.Web.Services;

/// <summary>
/// The viewer's configuration, section <c>TrustGraph</c> (environment <c>TrustGraph__DataPath</c> and so on).
/// </summary>
public sealed class ViewerOptions
{
    /// <summary>The dataset folder; the repository's <c>data/</c> when blank.</summary>
    public string? DataPath { get; set; }

    /// <summary>How long the files must stay quiet after a change on disk before the dataset is loaded again.</summary>
    public int ReloadDebounceMilliseconds { get; set; } = 750;

    /// <summary>False turns off watching the dataset folder (the dataset is then loaded once, and after each import or undo).</summary>
    public bool WatchDataPath { get; set; } = true;
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

    /// <summary>The guidance report page of this arrangement.</summary>
    public string ReportHref => ArrangementId is null ? $"report/{Uri.EscapeDataString(AuthorityId)}" : $"report/{Uri.EscapeDataString(AuthorityId)}/{Uri.EscapeDataString(ArrangementId)}";
}

/// <summary>A dataset the host loaded before start (from Neo4j), and where it came from, as the viewer shows it.</summary>
public sealed record PreloadedDataset(string Location, LoadResult Result);

/// <summary>
/// A dataset the viewer rejected when it changed on disk: the problems, and when. The viewer keeps serving the version
/// it had, and says so in a banner.
/// </summary>
public sealed record RejectedReload(DateTimeOffset At, IReadOnlyList<DatasetError> Errors);

/// <summary>
/// One loaded version of the dataset and the arrangement views built from it on first use. Immutable once published,
/// so a page that took it keeps a consistent picture while a reload swaps in the next version.
/// </summary>
public sealed class DatasetVersion
{
    private readonly ConcurrentDictionary<string, ArrangementView> _views = new();

    internal DatasetVersion(int number, Dataset? dataset, IReadOnlyList<DatasetError> errors, DateTimeOffset loadedAt)
    {
        Number = number;
        Dataset = dataset;
        Errors = errors;
        LoadedAt = loadedAt;
    }

    /// <summary>Counts the versions loaded since the viewer started (1 for the first).</summary>
    public int Number { get; }
    public Dataset? Dataset { get; }
    public IReadOnlyList<DatasetError> Errors { get; }
    public DateTimeOffset LoadedAt { get; }

    public IReadOnlyList<AuthorityStructure> Authorities => Dataset?.Authorities ?? [];

    public IReadOnlyList<ArrangementView> ViewsOf(string authorityId)
    {
        var structure = Dataset?.Find(authorityId);
        if (structure is null) return [];
        return GovernanceGraph.For(structure).Select(g => _views.GetOrAdd(KeyOf(g), _ => Build(g))).ToList();
    }

    private static string KeyOf(GovernanceGraph g) => g.ArrangementId is null ? g.Authority.Id : $"{g.Authority.Id}/{g.ArrangementId}";

    private static ArrangementView Build(GovernanceGraph graph)
    {
        var findings = Analysis.Run(graph);
        return new ArrangementView(graph, findings, HierarchyDiagram.Build(graph, findings), OnionDiagram.Build(graph, findings),
            StructureMetrics.Compute(graph, findings), Gatekeepers.Find(graph));
    }
}

/// <summary>
/// The dataset the viewer serves, loaded at start from <see cref="ViewerOptions.DataPath"/> (else the default location)
/// and again whenever it changes (<see cref="DatasetWatcher"/>, an import, an undo). A new version replaces the old one
/// only when it is valid; otherwise the old one stays and <see cref="Rejected"/> says why. Open pages keep the version
/// they hold and pick up the new one on their next navigation.
/// </summary>
public sealed class ViewerCatalog
{
    private readonly Lock _reloading = new();
    private readonly ILogger<ViewerCatalog> _log;
    private volatile DatasetVersion _current;
    private volatile RejectedReload? _rejected;

    public ViewerCatalog(IOptions<ViewerOptions> options, ILogger<ViewerCatalog> log, PreloadedDataset? preloaded = null)
    {
        _log = log;
        if (preloaded is not null)
        {
            DataPath = preloaded.Location;
            IsFolder = false;
            _current = new DatasetVersion(1, preloaded.Result.Dataset, preloaded.Result.Errors, DateTimeOffset.UtcNow);
            if (!preloaded.Result.IsValid) _log.LogError("The dataset in {Location} has {Count} problems: {Problems}", DataPath, preloaded.Result.Errors.Count, string.Join("; ", preloaded.Result.Errors.Take(20)));
            return;
        }
        IsFolder = true;
        DataPath = Path.GetFullPath(string.IsNullOrWhiteSpace(options.Value.DataPath) ? DatasetLocation.Default() : options.Value.DataPath);
        foreach (var rolledBack in Storage.DatasetStore.Recover(DataPath).RolledBack)
            _log.LogWarning("'{Description}' did not finish (its process was stopped); its files were put back as they were before it", rolledBack);
        var result = DatasetLoader.Load(DataPath);
        _current = new DatasetVersion(1, result.Dataset, result.Errors, DateTimeOffset.UtcNow);
        if (!result.IsValid) _log.LogError("The dataset in {DataPath} has {Count} problems: {Problems}", DataPath, result.Errors.Count, string.Join("; ", result.Errors.Take(20)));
    }

    /// <summary>The dataset folder, or where a preloaded dataset came from ("Neo4j at http://…").</summary>
    public string DataPath { get; }

    /// <summary>
    /// True when the dataset is a folder the viewer loaded, watches and may import into; false when the host preloaded it
    /// from Neo4j (then it is read once, at start, and imports are off).
    /// </summary>
    public bool IsFolder { get; }

    /// <summary>The version being served now.</summary>
    public DatasetVersion Current => _current;

    /// <summary>The last change on disk that was not taken because the dataset it made was invalid; null once a valid one loads.</summary>
    public RejectedReload? Rejected => _rejected;

    /// <summary>Raised after a new version is published.</summary>
    public event Action<DatasetVersion>? Reloaded;

    public Dataset? Dataset => _current.Dataset;
    public IReadOnlyList<DatasetError> Errors => _current.Errors;
    public IReadOnlyList<AuthorityStructure> Authorities => _current.Authorities;
    public IReadOnlyList<Source> Sources => _current.Dataset?.Sources ?? [];

    /// <summary>Every arrangement of an authority (empty when there is no such authority).</summary>
    public IReadOnlyList<ArrangementView> ViewsOf(string authorityId) => _current.ViewsOf(authorityId);

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

    public IReadOnlyList<ArrangementView> AllViews
    {
        get
        {
            var version = _current;
            return version.Authorities.SelectMany(a => version.ViewsOf(a.Id)).ToList();
        }
    }

    /// <summary>
    /// Loads the dataset folder again. A valid dataset becomes the current version; an invalid one is logged and
    /// recorded in <see cref="Rejected"/>, and the current version stays. Returns whether a new version was published.
    /// </summary>
    public bool Reload()
    {
        if (!IsFolder) return false;
        lock (_reloading)
        {
            var result = DatasetLoader.Load(DataPath);
            if (!result.IsValid && _current.Dataset is not null)
            {
                _rejected = new RejectedReload(DateTimeOffset.UtcNow, result.Errors);
                _log.LogError("The dataset in {DataPath} changed but is now invalid; still serving version {Version} loaded at {LoadedAt:u}. {Count} problems: {Problems}",
                    DataPath, _current.Number, _current.LoadedAt, result.Errors.Count, string.Join("; ", result.Errors.Take(20)));
                return false;
            }
            var next = new DatasetVersion(_current.Number + 1, result.Dataset, result.Errors, DateTimeOffset.UtcNow);
            _current = next;
            _rejected = null;
            _log.LogInformation("Loaded version {Version} of the dataset in {DataPath}{State}", next.Number, DataPath,
                result.IsValid ? "" : $" (still invalid: {result.Errors.Count} problems)");
            Reloaded?.Invoke(next);
            return true;
        }
    }
}
