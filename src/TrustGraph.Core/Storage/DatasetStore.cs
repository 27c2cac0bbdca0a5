using System.Globalization;
using System.Text.Json;
using TrustGraph.Import;
using TrustGraph.Loading;

namespace TrustGraph.Storage;

/// <summary>
/// Writes to a dataset folder without ever leaving it half-written, and keeps what it replaced. A commit first copies
/// the files it will replace into a snapshot, <c>DIR/.history/&lt;timestamp&gt;-&lt;n&gt;/</c> (published by one rename,
/// with a manifest), then replaces each file atomically (<see cref="AtomicFile"/>). <see cref="Undo"/> puts the latest
/// snapshot back and takes it off the history; the state it replaced is kept in <c>DIR/.history/.undone/</c>.
/// One writer at a time: commits and undos take a lock file in <c>.history</c>. The loader never reads <c>.history</c>.
/// </summary>
public static class DatasetStore
{
    public const string HistoryFolder = ".history";
    private const string Manifest = "manifest.json";
    private const string FilesFolder = "files";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Writes an import plan, unless a file it replaces changed since the plan was made.</summary>
    public static CommitResult Commit(string dataDir, ImportPlan plan, string description)
    {
        if (!plan.HasChanges) return new CommitResult(null, []);
        if (plan.Files.Count == 0)
            throw new ArgumentException("the plan has changes but no files: make it with MembershipImport.Plan, which prepares and checks them", nameof(plan));
        return Commit(dataDir, plan.Files, "import", description);
    }

    /// <summary>Replaces <paramref name="files"/> in order, after keeping their current versions as a snapshot.</summary>
    public static CommitResult Commit(string dataDir, IReadOnlyList<PlannedFile> files, string command, string description)
    {
        var errors = Stale(dataDir, files);
        if (errors.Count > 0) return new CommitResult(null, errors);
        using var _ = Lock(dataDir);
        errors = Stale(dataDir, files);
        if (errors.Count > 0) return new CommitResult(null, errors);

        var history = Path.Combine(dataDir, HistoryFolder);
        var sequence = NextSequence(history);
        var now = DateTimeOffset.UtcNow;
        var id = $"{now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{sequence:D4}";
        var staging = Path.Combine(history, $".staging-{Guid.NewGuid():N}");
        var snapshotFiles = new List<SnapshotFile>();
        foreach (var file in files)
        {
            var path = Full(dataDir, file.Path);
            var existed = File.Exists(path);
            if (existed)
            {
                var copy = Path.Combine(staging, FilesFolder, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                AtomicFile.Write(copy, File.ReadAllBytes(path));
            }
            snapshotFiles.Add(new SnapshotFile(file.Path, existed, file.Sha256Before, AtomicFile.Sha256(file.Content)));
        }
        var snapshot = new Snapshot(id, sequence, now, command, description, snapshotFiles);
        Directory.CreateDirectory(staging);
        AtomicFile.Write(Path.Combine(staging, Manifest), JsonSerializer.SerializeToUtf8Bytes(snapshot, Json));
        Directory.Move(staging, Path.Combine(history, id));

        foreach (var file in files) AtomicFile.Write(Full(dataDir, file.Path), file.Content);
        return new CommitResult(snapshot, []);
    }

    /// <summary>The snapshots that can be undone, newest first.</summary>
    public static IReadOnlyList<Snapshot> History(string dataDir)
    {
        var history = Path.Combine(dataDir, HistoryFolder);
        if (!Directory.Exists(history)) return [];
        var result = new List<Snapshot>();
        foreach (var dir in Directory.EnumerateDirectories(history))
        {
            if (Path.GetFileName(dir).StartsWith('.')) continue;
            var manifest = Path.Combine(dir, Manifest);
            if (!File.Exists(manifest)) continue;
            try
            {
                if (JsonSerializer.Deserialize<Snapshot>(File.ReadAllBytes(manifest), Json) is { } s && s.Id == Path.GetFileName(dir))
                    result.Add(s);
            }
            catch (JsonException)
            {
                // A manifest that is not ours is not a snapshot; leave it alone.
            }
        }
        return result.OrderByDescending(s => s.Sequence).ToList();
    }

    /// <summary>
    /// Puts back the files of the latest snapshot. Refuses (writing nothing) when there is nothing to undo, when a file
    /// changed after the commit (unless <paramref name="force"/>: then that change is discarded, though kept in
    /// <c>.history/.undone/</c>), or when the result would not load as a valid dataset.
    /// </summary>
    public static UndoResult Undo(string dataDir, bool force = false)
    {
        var nothing = new UndoResult(null, [new DatasetError(HistoryFolder, 0, 0, "there is nothing to undo; expected a snapshot left by an import")]);
        if (History(dataDir).Count == 0) return nothing;
        using var _ = Lock(dataDir);
        var latest = History(dataDir).FirstOrDefault();
        if (latest is null) return nothing;

        var folder = Path.Combine(dataDir, HistoryFolder, latest.Id);
        var current = latest.Files.Select(f => AtomicFile.Sha256(Full(dataDir, f.Path))).ToList();
        var alreadyRestored = latest.Files.Select((f, i) => current[i] == f.Sha256Before).All(x => x);
        if (!alreadyRestored)
        {
            var errors = new List<DatasetError>();
            if (!force)
                for (var i = 0; i < latest.Files.Count; i++)
                    if (current[i] != latest.Files[i].Sha256After)
                        errors.Add(new DatasetError(latest.Files[i].Path, 0, 0,
                            $"the file has changed since '{latest.Description}' ({latest.When:yyyy-MM-dd HH:mm} UTC); undo would discard that change; "
                            + "expected the file as that command left it (undo with --force to discard the change; the current file is then kept in .history/.undone)"));
            if (errors.Count > 0) return new UndoResult(null, errors);

            var restored = latest.Files.Select(f => (f.Path, f.Existed ? File.ReadAllBytes(Path.Combine(folder, FilesFolder, f.Path)) : null)).ToList();
            var check = TryApply(dataDir, restored);
            if (!check.IsValid)
                return new UndoResult(null, check.Errors.Select(e => e with { Message = "undo would leave the dataset invalid: " + e.Message }).ToList());

            foreach (var f in latest.Files)
            {
                var path = Full(dataDir, f.Path);
                if (!File.Exists(path)) continue;
                var keep = Path.Combine(folder, "replaced-by-undo", f.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(keep)!);
                File.Copy(path, keep, overwrite: true);
            }
            foreach (var (path, content) in Enumerable.Reverse(restored))
            {
                if (content is null) File.Delete(Full(dataDir, path));
                else AtomicFile.Write(Full(dataDir, path), content);
            }
        }
        var undone = Path.Combine(dataDir, HistoryFolder, ".undone");
        Directory.CreateDirectory(undone);
        Directory.Move(folder, Path.Combine(undone, latest.Id));
        return new UndoResult(latest, []);
    }

    /// <summary>
    /// Loads the dataset as it would be with <paramref name="changes"/> applied (null content: the file removed), from a
    /// copy in a temporary folder; the dataset folder itself is not touched.
    /// </summary>
    public static LoadResult TryApply(string dataDir, IReadOnlyList<(string Path, byte[]? Content)> changes)
    {
        var temp = Path.Combine(Path.GetTempPath(), $"trustgraph-check-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(temp);
            foreach (var file in Directory.EnumerateFiles(dataDir, "*.csv"))
                File.Copy(file, Path.Combine(temp, Path.GetFileName(file)));
            foreach (var dir in Directory.EnumerateDirectories(dataDir).Where(d => !Path.GetFileName(d).StartsWith('.')))
            {
                var target = Path.Combine(temp, Path.GetFileName(dir));
                Directory.CreateDirectory(target);
                foreach (var file in Directory.EnumerateFiles(dir, "*.csv"))
                    File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
            foreach (var (path, content) in changes)
            {
                var full = Full(temp, path);
                if (content is null) File.Delete(full);
                else
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    File.WriteAllBytes(full, content);
                }
            }
            return DatasetLoader.Load(temp);
        }
        finally
        {
            try { Directory.Delete(temp, recursive: true); }
            catch (IOException) { }
        }
    }

    private static List<DatasetError> Stale(string dataDir, IReadOnlyList<PlannedFile> files) =>
        files.Where(f => AtomicFile.Sha256(Full(dataDir, f.Path)) != f.Sha256Before)
            .Select(f => new DatasetError(f.Path, 0, 0,
                "the file has changed since the preview was made, so the import was not written; expected it unchanged (make the preview again)"))
            .ToList();

    private static int NextSequence(string history)
    {
        var max = 0;
        foreach (var dir in new[] { history, Path.Combine(history, ".undone") }.Where(Directory.Exists).SelectMany(Directory.EnumerateDirectories))
        {
            var name = Path.GetFileName(dir);
            var dash = name.LastIndexOf('-');
            if (dash > 0 && int.TryParse(name[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var n)) max = Math.Max(max, n);
        }
        return max + 1;
    }

    private static string Full(string dataDir, string relative) =>
        Path.Combine(dataDir, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Holds <c>.history/.lock</c> exclusively, waiting up to ten seconds for another writer to finish.</summary>
    private static FileStream Lock(string dataDir)
    {
        var history = Path.Combine(dataDir, HistoryFolder);
        Directory.CreateDirectory(history);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                return new FileStream(Path.Combine(history, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }
        }
    }
}
