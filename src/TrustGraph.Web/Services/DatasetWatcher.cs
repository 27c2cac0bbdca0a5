using Microsoft.Extensions.Options;
using TrustGraph.Storage;

namespace TrustGraph.Web.Services;

/// <summary>
/// Watches the dataset folder and reloads the <see cref="ViewerCatalog"/> once the files have been quiet for
/// <see cref="ViewerOptions.ReloadDebounceMilliseconds"/> (an editor or an import writes several files; the reload waits
/// for the last). Changes under <c>.history</c> (snapshots) are not the dataset and are ignored.
/// </summary>
public sealed class DatasetWatcher(ViewerCatalog catalog, IOptions<ViewerOptions> options, ILogger<DatasetWatcher> log) : IHostedService, IDisposable
{
    private readonly TimeSpan _quiet = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.ReloadDebounceMilliseconds));
    private FileSystemWatcher? _watcher;
    private Timer? _timer;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.WatchDataPath || !catalog.IsFolder || !Directory.Exists(catalog.DataPath)) return Task.CompletedTask;
        _timer = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(catalog.DataPath)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.Error += (_, e) =>
        {
            log.LogWarning(e.GetException(), "Watching {DataPath} failed; reloading now to be sure the viewer shows what is on disk", catalog.DataPath);
            Changed();
        };
        try
        {
            _watcher.EnableRaisingEvents = true;
            log.LogInformation("Watching {DataPath} for changes", catalog.DataPath);
        }
        catch (IOException e)
        {
            // The system's limit on watchers (inotify instances) is reached: serve on, reloading only after imports and undos.
            log.LogWarning(e, "Cannot watch {DataPath} for changes; the dataset is reloaded only after an import or undo", catalog.DataPath);
            _watcher.Dispose();
            _watcher = null;
        }
        return Task.CompletedTask;
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        var relative = Path.GetRelativePath(catalog.DataPath, e.FullPath);
        var first = relative.Split(Path.DirectorySeparatorChar, 2)[0];
        if (first == DatasetStore.HistoryFolder) return;
        Changed();
    }

    /// <summary>(Re)starts the quiet period; the reload runs when it ends.</summary>
    private void Changed() => _timer?.Change(_quiet, Timeout.InfiniteTimeSpan);

    private void Reload()
    {
        try
        {
            catalog.Reload();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.LogWarning(e, "Could not read the dataset in {DataPath} after a change; trying again shortly", catalog.DataPath);
            Changed();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null) _watcher.EnableRaisingEvents = false;
        _timer?.Change(Timeout.Infinite, Timeout.Infinite);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
    }
}
