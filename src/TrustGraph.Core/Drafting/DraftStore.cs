using System.Globalization;
using TrustGraph.Loading;
using TrustGraph.Model;
using TrustGraph.Storage;

namespace TrustGraph.Drafting;

/// <summary>
/// What a drafting action did: the dataset and draft after it, the version token to send with the next change, the
/// snapshot it kept; or the problems that stopped it (then nothing was written). <see cref="Conflict"/> is true when the
/// files had changed since the editor read them.
/// </summary>
public sealed record DraftResult(
    Dataset? Dataset, Draft? Draft, string? Version, Snapshot? Snapshot, IReadOnlyList<DraftProblem> Problems, bool Conflict = false)
{
    public bool Succeeded => Problems.Count == 0;

    internal static DraftResult Refused(params DraftProblem[] problems) => new(null, null, null, null, problems);

    internal static DraftResult Refused(IReadOnlyList<DraftProblem> problems, bool conflict = false) => new(null, null, null, null, problems, conflict);
}

/// <summary>
/// Starts, changes, discards and undoes drafts in a dataset folder. Every action is one commit through
/// <see cref="DatasetStore"/> (a snapshot first, then atomic file replacements), after the loader has accepted the files
/// it would write; a change made against files that have since moved on is refused as a conflict, never written over
/// them. Undo takes back one change: the latest snapshot, when it is this draft's.
/// </summary>
public static class DraftStore
{
    /// <summary>The command name draft snapshots carry in the history.</summary>
    public const string Command = "draft";

    /// <summary>
    /// Starts a draft of <paramref name="authorityId"/>: a copy of <paramref name="copyFrom"/>'s own bodies, seats, duties and
    /// lines (they keep the sources they cite), or no bodies at all when it is null. Bodies every arrangement shares stay shared.
    /// </summary>
    public static DraftResult Create(string dataDir, string authorityId, string? copyFrom, string name, ArrangementStatus status, string? inForce, DateOnly? today = null)
    {
        var loaded = DatasetLoader.Load(dataDir);
        if (loaded.Dataset is not { } dataset) return DraftResult.Refused(new DraftProblem("dataset", "the dataset has problems, so no draft can be made in it; run trustgraph validate"));
        var structure = dataset.Find(authorityId);
        if (structure is null) return DraftResult.Refused(new DraftProblem("authority", $"there is no authority '{authorityId}'; expected one of: {string.Join(", ", dataset.Authorities.Select(a => a.Id))}"));
        if (string.IsNullOrWhiteSpace(name)) return DraftResult.Refused(new DraftProblem("name", "the name is empty; expected a name for the option, such as 'Variation on version 2'"));
        if (name.Length > 200) return DraftResult.Refused(new DraftProblem("name", $"the name has {name.Length} characters; expected at most 200"));
        if (status == ArrangementStatus.Current) return DraftResult.Refused(new DraftProblem("status", "a draft is an option or a proposal until it is adopted; expected option or proposed"));
        if (copyFrom is not null && structure.Arrangements.All(a => a.Id != copyFrom))
            return DraftResult.Refused(new DraftProblem("from", $"{structure.Authority.Name} has no arrangement '{copyFrom}'; expected one of: {string.Join(", ", structure.Arrangements.Select(a => a.Id))}"));

        var id = Slug.From(name.Trim());
        if (id.Length > 60) id = id[..60].TrimEnd('-');
        for (var n = 2; structure.Arrangements.Any(a => a.Id == id); n++) id = $"{Slug.From(name.Trim())}-{n}";
        var sourceId = $"{Drafts.SourcePrefix}{authorityId}-{id}";
        for (var n = 2; dataset.FindSource(sourceId) is not null; n++) sourceId = $"{Drafts.SourcePrefix}{authorityId}-{id}-{n}";
        var date = (today ?? DateOnly.FromDateTime(DateTime.UtcNow)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var source = new Source(sourceId, name.Trim(), Drafts.Publisher, date);
        var reference = new SourceRef(sourceId, copyFrom is null ? Drafts.EmptyLocator : Drafts.FromLocator + copyFrom);
        var arrangement = new Arrangement(id, status, null, reference)
        {
            Note = copyFrom is null ? $"Drafted in TrustGraph on {date}, starting empty" : $"Drafted in TrustGraph on {date} as a copy of {copyFrom}",
        };

        var (bodies, seats, lines, duties) = Copy(structure, copyFrom, id);
        var rows = new DraftRows(arrangement, bodies, seats, lines, duties) { InForceText = AddBody.Blank(inForce), InForceTyped = true };
        var errors = new List<DatasetError>();
        var files = DraftFiles.Plan(dataDir, authorityId, id, new HashSet<string>(), rows, source, null, removes: false, errors);
        return Write(dataDir, authorityId, id, files, errors, $"start {authorityId}/{id}{(copyFrom is null ? " (empty)" : $" as a copy of {copyFrom}")}", null);
    }

    /// <summary>
    /// Saves one change to the draft <paramref name="key"/> ("worcestershire/variation"), if the files are still at
    /// <paramref name="version"/> (from <see cref="Drafts.VersionOf"/> or the last result) and the loader accepts the result.
    /// </summary>
    public static DraftResult Save(string dataDir, string key, string version, DraftChange change)
    {
        if (Open(dataDir, key, version) is not { } open) return OpenProblem(dataDir, key, version);
        var (dataset, draft, structure) = open;
        var rows = DraftRows.Of(structure, draft.Id);
        var context = new DraftContext(structure, rows, new SourceRef(draft.Source.Id, null));
        var description = change.Describe(context);
        var (after, problems) = change.Apply(context);
        if (after is null) return DraftResult.Refused(problems);
        var errors = new List<DatasetError>();
        var files = DraftFiles.Plan(dataDir, draft.AuthorityId, draft.Id, rows.Bodies.Select(b => b.Id).ToHashSet(), after, null, null, change.Removes, errors);
        if (files.Count == 0 && errors.Count == 0)
            return new DraftResult(dataset, draft, Drafts.VersionOf(dataDir, draft.AuthorityId), null, []);
        return Write(dataDir, draft.AuthorityId, draft.Id, files, errors, $"{draft.Key}: {description}", version);
    }

    /// <summary>Discards a draft: its arrangement, bodies, seats, duties and lines, and its source row. Undo brings it back.</summary>
    public static DraftResult Delete(string dataDir, string key, string? version = null)
    {
        var loaded = DatasetLoader.Load(dataDir);
        if (loaded.Dataset is not { } dataset) return DraftResult.Refused(new DraftProblem("dataset", "the dataset has problems; run trustgraph validate"));
        var draft = Drafts.FindByKey(dataset, key);
        if (draft is null) return DraftResult.Refused(NoDraft(dataset, key));
        version ??= Drafts.VersionOf(dataDir, draft.AuthorityId);
        if (Drafts.VersionOf(dataDir, draft.AuthorityId) != version) return DraftResult.Refused([ConflictProblem], conflict: true);
        var structure = dataset.Find(draft.AuthorityId)!;
        var rows = DraftRows.Of(structure, draft.Id);
        var citedElsewhere = Cites(dataset, draft, rows);
        var errors = new List<DatasetError>();
        var files = DraftFiles.Plan(dataDir, draft.AuthorityId, draft.Id, rows.Bodies.Select(b => b.Id).ToHashSet(), null, null,
            citedElsewhere ? null : draft.Source.Id, removes: true, errors);
        var result = Write(dataDir, draft.AuthorityId, draft.Id, files, errors, $"discard {draft.Key} ({draft.Name})", version);
        return result with { Draft = draft };
    }

    /// <summary>
    /// Takes back the latest change to the draft <paramref name="key"/>: the latest snapshot of the dataset, and only when it
    /// is one of this draft's (an import or another draft's change made since is never undone from here).
    /// </summary>
    public static DraftResult Undo(string dataDir, string key)
    {
        var latest = DatasetStore.History(dataDir).FirstOrDefault();
        if (latest is null || latest.Command != Command || !BelongsTo(latest, key))
            return DraftResult.Refused(new DraftProblem("undo", latest is null
                ? "there is nothing to undo"
                : $"the latest change to the dataset is not this draft's ('{latest.Description}'); undo it first from where it was made (trustgraph undo)"));
        var undone = DatasetStore.Undo(dataDir);
        if (!undone.Succeeded) return DraftResult.Refused(undone.Errors.Select(e => new DraftProblem("undo", e.ToString())).ToList());
        var loaded = DatasetLoader.Load(dataDir);
        var draft = loaded.Dataset is { } d ? Drafts.FindByKey(d, key) : null;
        var slash = key.IndexOf('/');
        return new DraftResult(loaded.Dataset, draft, slash > 0 ? Drafts.VersionOf(dataDir, key[..slash]) : null, undone.Restored, []);
    }

    /// <summary>The draft's changes still in the history (newest first): what Undo would take back, one at a time.</summary>
    public static IReadOnlyList<Snapshot> History(string dataDir, string key) =>
        DatasetStore.History(dataDir).Where(s => s.Command == Command && BelongsTo(s, key)).ToList();

    private static bool BelongsTo(Snapshot s, string key) =>
        s.Description.StartsWith(key + ":", StringComparison.Ordinal) || s.Description.StartsWith($"start {key} ", StringComparison.Ordinal)
        || s.Description == $"start {key}" || s.Description.StartsWith($"discard {key} ", StringComparison.Ordinal);

    private static readonly DraftProblem ConflictProblem = new("version",
        "someone else saved a change to this authority since you opened the draft, so your change was not saved; reload the draft to see theirs, then make yours again");

    private static (Dataset, Draft, AuthorityStructure)? Open(string dataDir, string key, string version)
    {
        var loaded = DatasetLoader.Load(dataDir);
        if (loaded.Dataset is not { } dataset) return null;
        var draft = Drafts.FindByKey(dataset, key);
        if (draft is null || Drafts.VersionOf(dataDir, draft.AuthorityId) != version) return null;
        return (dataset, draft, dataset.Find(draft.AuthorityId)!);
    }

    private static DraftResult OpenProblem(string dataDir, string key, string version)
    {
        var loaded = DatasetLoader.Load(dataDir);
        if (loaded.Dataset is not { } dataset) return DraftResult.Refused(new DraftProblem("dataset", "the dataset has problems, so nothing can be saved; run trustgraph validate"));
        var draft = Drafts.FindByKey(dataset, key);
        if (draft is null) return DraftResult.Refused([NoDraft(dataset, key)], conflict: true);
        return DraftResult.Refused([ConflictProblem], conflict: true);
    }

    private static DraftProblem NoDraft(Dataset dataset, string key)
    {
        var known = Drafts.List(dataset).Select(d => d.Key).ToList();
        return new DraftProblem("draft", $"there is no draft '{key}' (it may have been discarded); expected {(known.Count == 0 ? "a draft: there are none" : "one of: " + string.Join(", ", known))}");
    }

    /// <summary>True when rows outside the draft cite its source (a body shared by every arrangement was edited by hand to cite it).</summary>
    private static bool Cites(Dataset dataset, Draft draft, DraftRows rows)
    {
        var mine = rows.Bodies.Cast<object>().Concat(rows.Seats).Concat(rows.Lines).Concat(rows.Duties).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var a in dataset.Authorities)
        {
            IEnumerable<(object Row, SourceRef Source)> all = a.Arrangements.Where(x => !(a.Id == draft.AuthorityId && x.Id == draft.Id)).Select(x => ((object)x, x.Source))
                .Concat(a.Bodies.Select(b => ((object)b, b.Source))).Concat(a.Seats.Select(s => ((object)s, s.Source)))
                .Concat(a.Lines.Select(l => ((object)l, l.Source))).Concat(a.Duties.Select(d => ((object)d, d.Source)));
            if (all.Any(x => x.Source.SourceId == draft.Source.Id && !mine.Contains(x.Row))) return true;
        }
        return false;
    }

    private static (List<Body>, List<Seat>, List<AccountabilityLine>, List<Duty>) Copy(AuthorityStructure structure, string? from, string draftId)
    {
        if (from is null) return ([], [], [], []);
        var own = structure.Bodies.Where(b => b.Arrangement == from).ToList();
        var used = structure.Bodies.Select(b => b.Id).ToHashSet();
        var map = new Dictionary<string, string>();
        foreach (var b in own)
        {
            var id = $"{b.Id}-{draftId}";
            for (var n = 2; used.Contains(id); n++) id = $"{b.Id}-{draftId}-{n}";
            used.Add(id);
            map[b.Id] = id;
        }
        string To(string id) => map.GetValueOrDefault(id, id);
        var bodies = own.Select(b => b with { Id = map[b.Id], Arrangement = draftId, PartOf = b.PartOf is null ? null : To(b.PartOf) }).ToList();
        var seats = structure.Seats.Where(s => map.ContainsKey(s.Body)).Select(s => s with { Body = map[s.Body] }).ToList();
        var lines = structure.Lines.Where(l => map.ContainsKey(l.From) || map.ContainsKey(l.To)).Select(l => l with { From = To(l.From), To = To(l.To) }).ToList();
        var duties = structure.Duties.Where(d => map.ContainsKey(d.Body)).Select(d => d with { Body = map[d.Body] }).ToList();
        return (bodies, seats, lines, duties);
    }

    /// <summary>Checks the files with the loader, then commits them; maps the loader's errors onto the fields they concern.</summary>
    private static DraftResult Write(string dataDir, string authorityId, string arrangementId, List<PlannedFile> files, List<DatasetError> errors, string description, string? version)
    {
        if (errors.Count > 0) return DraftResult.Refused(errors.Select(e => new DraftProblem("file", e.ToString())).ToList());
        var check = DatasetStore.TryApply(dataDir, files.Select(f => (f.Path, (byte[]?)f.Content)).ToList());
        if (!check.IsValid) return DraftResult.Refused(check.Errors.Select(e => new DraftProblem(FieldOf(dataDir, files, e), e.Message)).ToList());
        if (version is not null && Drafts.VersionOf(dataDir, authorityId) != version) return DraftResult.Refused([ConflictProblem], conflict: true);
        var commit = DatasetStore.Commit(dataDir, files, Command, description);
        if (!commit.Succeeded) return DraftResult.Refused([ConflictProblem], conflict: true);
        var dataset = check.Dataset!;
        return new DraftResult(dataset, Drafts.Find(dataset, authorityId, arrangementId), Drafts.VersionOf(dataDir, authorityId), commit.Snapshot, []);
    }

    /// <summary>The column an error points at, named as the file's header names it (the form's fields carry the same names).</summary>
    private static string FieldOf(string dataDir, List<PlannedFile> files, DatasetError error)
    {
        var file = files.FirstOrDefault(f => f.Path == error.File);
        if (file is null || error.Column <= 0) return "file";
        var header = CsvTable.FromText(System.Text.Encoding.UTF8.GetString(file.Content).TrimStart('\uFEFF'), error.File, new List<DatasetError>());
        var name = header?.ColumnNames.FirstOrDefault(n => header.IndexOf(n) == error.Column - 1);
        return name?.ToLowerInvariant() ?? "file";
    }
}
