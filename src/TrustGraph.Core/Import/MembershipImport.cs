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
    /// from <paramref name="dataDir"/>. <paramref name="today"/> dates the import's source (default: today).
    /// </summary>
    public static ImportResult Plan(
        Dataset dataset, string dataDir, string authorityId, string bodyId, ImportMode mode,
        string fileName, ReadOnlyMemory<byte> content, DateOnly? today = null)
    {
        var errors = new List<DatasetError>();
        var targetKnown = ImportPlanner.CheckTarget(dataset, authorityId, bodyId, errors);
        var list = MembershipListReader.Read(fileName, content.Span, errors);
        if (list is null || !targetKnown) return new ImportResult(null, errors);

        var day = today ?? DateOnly.FromDateTime(DateTime.Now);
        var plan = ImportPlanner.Plan(dataset, authorityId, bodyId, mode, list, day, errors);
        if (plan is null || errors.Count > 0) return new ImportResult(null, errors);
        if (!plan.HasChanges) return new ImportResult(plan, []);

        var files = new List<PlannedFile>();
        if (plan.NewSource is { } source)
        {
            var path = Path.Combine(dataDir, "sources.csv");
            if (DatasetFiles.AppendSource(path, "sources.csv", source, errors) is { } bytes)
                files.Add(new PlannedFile("sources.csv", bytes, AtomicFile.Sha256(path)));
        }
        var memberships = $"{authorityId}/memberships.csv";
        var membershipsPath = Path.Combine(dataDir, authorityId, "memberships.csv");
        var seatsBefore = dataset.Find(authorityId)!.Seats;
        var seatsAfter = plan.After.Find(authorityId)!.Seats;
        if (DatasetFiles.Memberships(membershipsPath, memberships, seatsBefore, seatsAfter, plan.Origins, errors) is { } membershipBytes)
            files.Add(new PlannedFile(memberships, membershipBytes, AtomicFile.Sha256(membershipsPath)));
        if (errors.Count > 0) return new ImportResult(null, errors);

        var check = DatasetStore.TryApply(dataDir, files.Select(f => (f.Path, (byte[]?)f.Content)).ToList());
        if (!check.IsValid)
            return new ImportResult(null, check.Errors.Select(e => e with { Message = "the import would make the dataset invalid: " + e.Message }).ToList());
        var reloaded = check.Dataset!;
        if (!reloaded.Find(authorityId)!.Seats.SequenceEqual(seatsAfter) || !reloaded.Sources.SequenceEqual(plan.After.Sources))
            throw new InvalidOperationException($"the files planned for {memberships} do not load back as the planned seats; this is a bug in the import");
        return new ImportResult(plan with { Files = files }, []);
    }
}
