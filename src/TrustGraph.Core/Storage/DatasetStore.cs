using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TrustGraph.Import;
using TrustGraph.Loading;

namespace TrustGraph.Storage;

/// <summary>
/// Writes to a dataset folder all or nothing, and keeps what it replaced. A commit copies the files it will replace,
/// with a manifest of their hashes before and after, into <c>DIR/.history/.staging-&lt;guid&gt;/</c>; renames that to
/// <c>.history/.pending-&lt;id&gt;/</c> (the journal: "these files are being replaced"); replaces each file atomically
/// (<see cref="AtomicFile"/>); and only then renames the journal to <c>.history/&lt;id&gt;/</c>, the snapshot that
/// <see cref="History"/> lists and <see cref="Undo"/> restores. A process killed before that last rename leaves a
/// journal, and the next command that opens the dataset (<see cref="Recover"/>, and every writer before it writes)
/// puts back the files the journal lists, so a reader sees the old dataset or the new one, never a mix. Undo goes
/// through a journal the same way. One writer at a time: <c>.history/.lock</c>, held with <see cref="Lock"/> across
/// planning and committing. The loader never reads <c>.history</c>.
/// </summary>
public static class DatasetStore
{
    public const string HistoryFolder = ".history";
    private const string Manifest = "manifest.json";
    private const string FilesFolder = "files";
    private const string PendingPrefix = ".pending-";
    private const string StagingPrefix = ".staging-";
    private const string UndoJournalPrefix = ".pending-undo-";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>What a writer says when the files it planned from changed before it could write: another import or edit got there first.</summary>
    public const string ChangedWhilePlanning = "the dataset changed while this import was being planned; run it again";

    /// <summary>How long a writer waits for another to finish before refusing.</summary>
    public static readonly TimeSpan DefaultLockWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Takes the dataset's write lock, waiting up to <paramref name="wait"/> (default ten seconds) for another writer,
    /// and completes or rolls back anything a killed writer left. Null when the lock could not be had in time. Hold it
    /// across loading, planning and committing so that nothing changes in between.
    /// </summary>
    public static DatasetLock? Lock(string dataDir, TimeSpan? wait = null)
    {
        var history = Path.Combine(dataDir, HistoryFolder);
        Directory.CreateDirectory(history);
        var deadline = DateTime.UtcNow + (wait ?? DefaultLockWait);
        FileStream? stream = null;
        while (stream is null)
        {
            try
            {
                stream = new FileStream(Path.Combine(history, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(25);
            }
            catch (IOException)
            {
                return null;
            }
        }
        var held = new DatasetLock(Path.GetFullPath(dataDir), stream);
        try
        {
            RecoverHeld(held);
        }
        catch
        {
            held.Dispose();
            throw;
        }
        return held;
    }

    /// <summary>
    /// Finishes what a killed writer left, if anything: puts back the files of an unfinished commit or undo, removes
    /// <c>.history/.staging-*</c> folders and <c>*.tmp-*</c> files. Writes nothing (and creates no <c>.history</c>)
    /// when there is nothing to do, so a read-only dataset can be opened; leaves things alone while another writer
    /// holds the lock (it recovers before writing).
    /// </summary>
    public static RecoveryResult Recover(string dataDir)
    {
        if (!NeedsRecovery(dataDir)) return RecoveryResult.Nothing;
        DatasetLock? held;
        try
        {
            held = Lock(dataDir, TimeSpan.Zero);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return new RecoveryResult([], 0, [new DatasetError(HistoryFolder, 0, 0,
                $"an import or undo did not finish here, but {dataDir} cannot be written to ({e.Message}), so it could not be put right; expected a folder this user may change")]);
        }
        if (held is null) return RecoveryResult.Nothing;
        using (held) return held.Recovered;
    }

    /// <summary>Writes an import plan, unless a file it replaces changed since the plan was made.</summary>
    public static CommitResult Commit(string dataDir, ImportPlan plan, string description)
    {
        if (!plan.HasChanges) return new CommitResult(null, []);
        CheckFiles(plan);
        return Commit(dataDir, plan.Files, "import", description);
    }

    /// <summary>Writes an import plan under a lock the caller already holds (it planned under it too).</summary>
    public static CommitResult Commit(DatasetLock held, ImportPlan plan, string description)
    {
        if (!plan.HasChanges) return new CommitResult(null, []);
        CheckFiles(plan);
        return Commit(held, plan.Files, "import", description);
    }

    /// <summary>Replaces <paramref name="files"/>, all or none, after keeping their current versions as a snapshot.</summary>
    public static CommitResult Commit(string dataDir, IReadOnlyList<PlannedFile> files, string command, string description)
    {
        var errors = Stale(dataDir, files);
        if (errors.Count > 0) return Changed(errors);
        using var held = Lock(dataDir);
        if (held is null) return Busy(dataDir);
        return Commit(held, files, command, description);
    }

    /// <summary>Replaces <paramref name="files"/>, all or none, under a lock the caller holds.</summary>
    public static CommitResult Commit(DatasetLock held, IReadOnlyList<PlannedFile> files, string command, string description)
    {
        held.ThrowIfReleased();
        var dataDir = held.DataDir;
        var errors = Stale(dataDir, files);
        if (errors.Count > 0) return Changed(errors);

        var history = Path.Combine(dataDir, HistoryFolder);
        var sequence = NextSequence(history);
        var now = DateTimeOffset.UtcNow;
        var id = $"{now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{sequence:D4}";
        var snapshotFiles = files.Select(f => new SnapshotFile(f.Path, File.Exists(Full(dataDir, f.Path)), f.Sha256Before, AtomicFile.Sha256(f.Content))).ToList();
        var snapshot = new Snapshot(id, sequence, now, command, description, snapshotFiles);

        var journal = WriteJournal(dataDir, snapshot, PendingPrefix + id);
        Faults.At("commit:journal-written");
        for (var i = 0; i < files.Count; i++)
        {
            AtomicFile.Write(Full(dataDir, files[i].Path), files[i].Content);
            Faults.At($"commit:file-{i + 1}-written");
        }
        Directory.Move(journal, Path.Combine(history, id));
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
            if (ReadManifest(dir) is { } s && s.Id == Path.GetFileName(dir)) result.Add(s);
        }
        return result.OrderByDescending(s => s.Sequence).ToList();
    }

    /// <summary>
    /// Puts back the files of the latest snapshot, all or none. Refuses (writing nothing) when there is nothing to undo,
    /// when a file changed after the commit (unless <paramref name="force"/>: then that change is discarded, though kept
    /// in <c>.history/.undone/</c>), or when the result would not load as a valid dataset.
    /// </summary>
    public static UndoResult Undo(string dataDir, bool force = false)
    {
        var nothing = new UndoResult(null, [new DatasetError(HistoryFolder, 0, 0, "there is nothing to undo; expected a snapshot left by an import")]);
        if (History(dataDir).Count == 0 && !NeedsRecovery(dataDir)) return nothing;
        using var held = Lock(dataDir);
        if (held is null) return new UndoResult(null, Busy(dataDir).Errors);
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

            var undo = new Snapshot(latest.Id, latest.Sequence, DateTimeOffset.UtcNow, "undo", $"undo of {latest.Description}",
                latest.Files.Select((f, i) => new SnapshotFile(f.Path, current[i] is not null, current[i], f.Existed ? f.Sha256Before! : "")).ToList());
            var journal = WriteJournal(dataDir, undo, UndoJournalPrefix + latest.Id);
            Faults.At("undo:journal-written");
            for (var i = 0; i < restored.Count; i++)
            {
                var (path, content) = restored[i];
                if (content is null) File.Delete(Full(dataDir, path));
                else AtomicFile.Write(Full(dataDir, path), content);
                Faults.At($"undo:file-{i + 1}-written");
            }
            FinishUndo(dataDir, latest.Id, journal);
        }
        else FinishUndo(dataDir, latest.Id, null);
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

    /// <summary>
    /// The undo journal's work is done once the snapshot has moved to <c>.undone</c>: that rename is the commit point.
    /// The journal's copies (the files as the undo found them) are kept beside it as <c>replaced-by-undo</c>.
    /// </summary>
    private static void FinishUndo(string dataDir, string id, string? journal)
    {
        var folder = Path.Combine(dataDir, HistoryFolder, id);
        var undone = Path.Combine(dataDir, HistoryFolder, ".undone");
        Directory.CreateDirectory(undone);
        var target = Path.Combine(undone, id);
        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        Directory.Move(folder, target);
        Faults.At("undo:snapshot-moved");
        if (journal is not null) KeepUndoJournal(journal, target);
    }

    private static void KeepUndoJournal(string journal, string undoneSnapshot)
    {
        var files = Path.Combine(journal, FilesFolder);
        var keep = Path.Combine(undoneSnapshot, "replaced-by-undo");
        if (Directory.Exists(files) && !Directory.Exists(keep)) Directory.Move(files, keep);
        Directory.Delete(journal, recursive: true);
    }

    /// <summary>Stages copies of the files as they are now and the manifest, then publishes them as a journal by one rename.</summary>
    private static string WriteJournal(string dataDir, Snapshot manifest, string name)
    {
        var history = Path.Combine(dataDir, HistoryFolder);
        var staging = Path.Combine(history, StagingPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        foreach (var file in manifest.Files)
        {
            var path = Full(dataDir, file.Path);
            if (File.Exists(path)) AtomicFile.Write(Path.Combine(staging, FilesFolder, file.Path), File.ReadAllBytes(path));
        }
        AtomicFile.Write(Path.Combine(staging, Manifest), JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
        var journal = Path.Combine(history, name);
        Directory.Move(staging, journal);
        return journal;
    }

    private static bool NeedsRecovery(string dataDir)
    {
        var history = Path.Combine(dataDir, HistoryFolder);
        if (Directory.Exists(history) && Directory.EnumerateDirectories(history).Any(d => Path.GetFileName(d) is var n && (n.StartsWith(PendingPrefix) || n.StartsWith(StagingPrefix))))
            return true;
        return LeftoverTempFiles(dataDir).Any();
    }

    /// <summary>Run by every holder of the lock before it does anything: nobody else is writing, so any journal or staging folder is a killed writer's.</summary>
    private static void RecoverHeld(DatasetLock held)
    {
        var dataDir = held.DataDir;
        var history = Path.Combine(dataDir, HistoryFolder);
        var rolledBack = new List<string>();
        var problems = new List<DatasetError>();
        var removed = 0;
        foreach (var journal in Directory.EnumerateDirectories(history).Where(d => Path.GetFileName(d).StartsWith(PendingPrefix)).OrderBy(d => d, StringComparer.Ordinal).ToList())
        {
            var manifest = ReadManifest(journal);
            var isUndo = Path.GetFileName(journal).StartsWith(UndoJournalPrefix);
            if (manifest is null)
            {
                // The rename that publishes a journal comes after its manifest is on disk, so this is not ours.
                problems.Add(new DatasetError($"{HistoryFolder}/{Path.GetFileName(journal)}", 0, 0, "an unfinished write left a journal without a readable manifest; it was left alone (delete the folder if nothing needs it)"));
                continue;
            }
            if (isUndo && !Directory.Exists(Path.Combine(history, manifest.Id)))
            {
                // The snapshot had already moved to .undone: the undo was complete.
                KeepUndoJournal(journal, Path.Combine(history, ".undone", manifest.Id));
                continue;
            }
            var foreign = manifest.Files.Where(f => (AtomicFile.Sha256(Full(dataDir, f.Path)) ?? "") is var now && now != (f.Sha256Before ?? "") && now != f.Sha256After).ToList();
            if (foreign.Count > 0)
            {
                problems.AddRange(foreign.Select(f => new DatasetError(f.Path, 0, 0,
                    $"an unfinished {(isUndo ? "undo" : "import")} ('{manifest.Description}') was to replace this file, but it has been changed since by something else; "
                    + $"nothing was put back, and the journal is kept in {HistoryFolder}/{Path.GetFileName(journal)} (its files folder holds the versions from before)")));
                continue;
            }
            foreach (var f in manifest.Files)
            {
                var path = Full(dataDir, f.Path);
                if (AtomicFile.Sha256(path) == f.Sha256Before) continue;
                var copy = Path.Combine(journal, FilesFolder, f.Path);
                if (File.Exists(copy)) AtomicFile.Write(path, File.ReadAllBytes(copy));
                else File.Delete(path);
            }
            Directory.Delete(journal, recursive: true);
            rolledBack.Add(manifest.Description);
        }
        foreach (var staging in Directory.EnumerateDirectories(history).Where(d => Path.GetFileName(d).StartsWith(StagingPrefix)).ToList())
        {
            Directory.Delete(staging, recursive: true);
            removed++;
        }
        foreach (var temp in LeftoverTempFiles(dataDir).ToList())
        {
            File.Delete(temp);
            removed++;
        }
        held.Recovered = new RecoveryResult(rolledBack, removed, problems);
    }

    /// <summary>
    /// Temporary files of <see cref="AtomicFile"/> (<c>name.tmp-&lt;pid&gt;-&lt;guid&gt;</c>) in the dataset's folders
    /// whose process has gone. A live process's are left: it may be writing a file outside the lock.
    /// </summary>
    private static IEnumerable<string> LeftoverTempFiles(string dataDir)
    {
        if (!Directory.Exists(dataDir)) yield break;
        var folders = new[] { dataDir }.Concat(Directory.EnumerateDirectories(dataDir).Where(d => !Path.GetFileName(d).StartsWith('.') || Path.GetFileName(d) == HistoryFolder));
        foreach (var folder in folders)
            foreach (var file in Directory.EnumerateFiles(folder, "*.tmp-*"))
            {
                var tail = Path.GetFileName(file)[(Path.GetFileName(file).LastIndexOf(".tmp-", StringComparison.Ordinal) + 5)..];
                var dash = tail.IndexOf('-');
                if (dash > 0 && int.TryParse(tail[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsAlive(pid))
                    yield return file;
            }
    }

    private static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static Snapshot? ReadManifest(string dir)
    {
        var manifest = Path.Combine(dir, Manifest);
        if (!File.Exists(manifest)) return null;
        try
        {
            return JsonSerializer.Deserialize<Snapshot>(File.ReadAllBytes(manifest), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void CheckFiles(ImportPlan plan)
    {
        if (plan.Files.Count == 0)
            throw new ArgumentException("the plan has changes but no files: make it with MembershipImport.Plan, which prepares and checks them", nameof(plan));
    }

    private static CommitResult Changed(List<DatasetError> errors) =>
        new(null, errors.Select(e => e with { Message = $"{ChangedWhilePlanning} ({e.File} is not as it was when the import was planned); nothing was written" }).ToList())
        {
            DatasetChanged = true,
        };

    private static CommitResult Busy(string dataDir) =>
        new(null, [new DatasetError(HistoryFolder, 0, 0, $"another import or undo has been writing to {dataDir} for more than {DefaultLockWait.TotalSeconds:0} seconds; nothing was written; run it again when that has finished")])
        {
            DatasetChanged = true,
        };

    private static List<DatasetError> Stale(string dataDir, IReadOnlyList<PlannedFile> files) =>
        files.Where(f => AtomicFile.Sha256(Full(dataDir, f.Path)) != f.Sha256Before)
            .Select(f => new DatasetError(f.Path, 0, 0, "the file has changed since the preview was made"))
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

    internal static string Full(string dataDir, string relative) =>
        Path.Combine(dataDir, relative.Replace('/', Path.DirectorySeparatorChar));
}

/// <summary>
/// The dataset's write lock, held by one writer at a time (across processes: it is an exclusive open of
/// <c>.history/.lock</c>). Dispose it to let the next writer in.
/// </summary>
public sealed class DatasetLock : IDisposable
{
    private FileStream? _stream;

    internal DatasetLock(string dataDir, FileStream stream)
    {
        DataDir = dataDir;
        _stream = stream;
    }

    /// <summary>The dataset folder the lock is for (full path).</summary>
    public string DataDir { get; }

    /// <summary>What taking the lock completed or cleaned up of a killed writer's work.</summary>
    public RecoveryResult Recovered { get; internal set; } = RecoveryResult.Nothing;

    internal void ThrowIfReleased() => ObjectDisposedException.ThrowIf(_stream is null, this);

    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
    }
}

/// <summary>
/// What opening a dataset did about a writer that was killed: the commits or undos it rolled back (their descriptions),
/// how many leftover temporary files and folders it removed, and anything it could not put right.
/// </summary>
public sealed record RecoveryResult(IReadOnlyList<string> RolledBack, int Removed, IReadOnlyList<DatasetError> Problems)
{
    public static readonly RecoveryResult Nothing = new([], 0, []);

    public bool DidAnything => RolledBack.Count > 0 || Removed > 0 || Problems.Count > 0;
}

/// <summary>
/// Named points inside a commit and an undo where a test may make the process die, to prove that any crash leaves the
/// old dataset or the new one. Inert unless <c>TRUSTGRAPH_FAULT_AT</c> names the point (the process then exits at once,
/// as a kill would leave it) or a test sets <see cref="Hook"/>.
/// </summary>
public static class Faults
{
    private static readonly AsyncLocal<Action<string>?> Local = new();

    /// <summary>Called at each point of commits and undos made by the code that set it (and what it awaits); a test may throw from it.</summary>
    public static Action<string>? Hook
    {
        get => Local.Value;
        set => Local.Value = value;
    }

    private static readonly string? KillAt = Environment.GetEnvironmentVariable("TRUSTGRAPH_FAULT_AT");

    internal static void At(string point)
    {
        Hook?.Invoke(point);
        if (KillAt is not null && KillAt == point) Environment.FailFast($"TRUSTGRAPH_FAULT_AT={point}");
    }
}
