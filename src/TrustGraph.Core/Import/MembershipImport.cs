using TrustGraph.Loading;
using TrustGraph.Model;
using TrustGraph.Storage;

namespace TrustGraph.Import;

/// <summary>
/// The one entry point for importing a membership list, used by the CLI and the viewer alike: bytes in, a plan (or every
/// problem) out, nothing written. The plan's files are checked by loading the whole dataset with them, from a copy in a
/// temporary folder, with the same loader as always; <see cref="DatasetStore.Commit(string, ImportPlan, string)"/> then writes them.
/// </summary>
public static class MembershipImport
{
    /// <summary>
    /// Plans importing <paramref name="content"/> (the bytes of the file called <paramref name="fileName"/>) into the body
    /// <paramref name="bodyId"/> of <paramref name="authorityId"/>. <paramref name="dataset"/> must be the dataset loaded
    /// from <paramref name="dataDir"/>. <paramref name="today"/> dates the import's source (default: today). A file with
    /// more than <paramref name="maxRows"/> rows of members is refused before anything is planned. Planning holds the
    /// dataset's write lock (<paramref name="held"/>, when the caller holds it already to commit under it too), so no
    /// commit can change the files half-way; if they changed after <paramref name="dataset"/> was loaded, the result says
    /// <see cref="ImportResult.DatasetChanged"/> instead of planning from a mixture.
    /// </summary>
    public static ImportResult Plan(
        Dataset dataset, string dataDir, string authorityId, string bodyId, ImportMode mode,
        string fileName, ReadOnlyMemory<byte> content, DateOnly? today = null,
        int maxRows = ImportLimits.DefaultMaxRows, DatasetLock? held = null)
    {
        var errors = new List<DatasetError>();
        var targetKnown = ImportPlanner.CheckTarget(dataset, authorityId, bodyId, errors);
        var list = MembershipListReader.Read(fileName, content.Span, errors, maxRows: maxRows);
        if (list is null || !targetKnown) return new ImportResult(null, errors);

        var day = today ?? DateOnly.FromDateTime(DateTime.Now);
        var plan = ImportPlanner.Plan(dataset, authorityId, bodyId, mode, list, day, errors);
        if (plan is null || errors.Count > 0) return new ImportResult(null, errors);
        if (!plan.HasChanges) return new ImportResult(plan, []);

        DatasetLock? own = null;
        if (held is null)
        {
            try
            {
                own = DatasetStore.Lock(dataDir);
                if (own is null) return Changed("another import or undo is writing to the dataset");
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                // A folder nobody may write to: nothing can change it while we plan, and the commit will say why it cannot write.
            }
        }
        try
        {
            return Files(dataset, dataDir, authorityId, plan);
        }
        finally
        {
            own?.Dispose();
        }
    }

    private static ImportResult Files(Dataset dataset, string dataDir, string authorityId, ImportPlan plan)
    {
        var errors = new List<DatasetError>();
        var files = new List<PlannedFile>();
        if (plan.NewSource is { } source)
        {
            var path = Path.Combine(dataDir, "sources.csv");
            var before = File.ReadAllBytes(path);
            if (DatasetFiles.AppendSource(before, "sources.csv", source, errors) is { } bytes)
                files.Add(new PlannedFile("sources.csv", bytes, AtomicFile.Sha256(before)));
        }
        var memberships = $"{authorityId}/memberships.csv";
        var membershipsPath = Path.Combine(dataDir, authorityId, "memberships.csv");
        var seatsBefore = dataset.Find(authorityId)!.Seats;
        var seatsAfter = plan.After.Find(authorityId)!.Seats;
        var membershipsBefore = File.ReadAllBytes(membershipsPath);
        var membershipBytes = DatasetFiles.Memberships(membershipsBefore, memberships, seatsBefore, seatsAfter, plan.Origins, errors);
        if (membershipBytes is not null)
            files.Add(new PlannedFile(memberships, membershipBytes, AtomicFile.Sha256(membershipsBefore)));
        if (errors.Count > 0) return ChangedOnDisk(dataset, dataDir, authorityId) ?? new ImportResult(null, errors);

        var check = DatasetStore.TryApply(dataDir, files.Select(f => (f.Path, (byte[]?)f.Content)).ToList());
        if (!check.IsValid)
            return ChangedOnDisk(dataset, dataDir, authorityId)
                ?? new ImportResult(null, check.Errors.Select(e => e with { Message = "the import would make the dataset invalid: " + e.Message }).ToList());
        var reloaded = check.Dataset!;
        if (!reloaded.Find(authorityId)!.Seats.SequenceEqual(seatsAfter) || !reloaded.Sources.SequenceEqual(plan.After.Sources))
            return ChangedOnDisk(dataset, dataDir, authorityId)
                ?? throw new InvalidOperationException($"the files planned for {memberships} do not load back as the planned seats; this is a bug in the import");
        return new ImportResult(plan with { Files = files }, []);
    }

    /// <summary>A refusal when the files on disk no longer hold <paramref name="dataset"/> (for the authority imported into, and the sources); null when they do.</summary>
    private static ImportResult? ChangedOnDisk(Dataset dataset, string dataDir, string authorityId)
    {
        var fresh = DatasetLoader.Load(dataDir);
        if (fresh.Dataset is { } now && now.Find(authorityId) is { } structure
            && structure.Seats.SequenceEqual(dataset.Find(authorityId)!.Seats) && now.Sources.SequenceEqual(dataset.Sources))
            return null;
        return Changed("its files are not what they were when the dataset was loaded");
    }

    private static ImportResult Changed(string why) =>
        new(null, [new DatasetError("(dataset)", 0, 0, $"{DatasetStore.ChangedWhilePlanning} ({why}); nothing was written")]) { DatasetChanged = true };
}
