using TrustGraph.Core.Tests.Import;
using TrustGraph.Import;
using TrustGraph.Loading;
using TrustGraph.Storage;

namespace TrustGraph.Core.Tests.Storage;

public class DatasetStoreTests
{
    private static ImportPlan Plan(TempDataset data, string authority, string body, ImportMode mode, string fixture)
    {
        var result = MembershipImport.Plan(data.Load(), data.Dir, authority, body, mode, fixture, ImportTestData.Fixture(fixture), new DateOnly(2010, 3, 1));
        Assert.Empty(result.Errors);
        return result.Plan!;
    }

    private static SortedDictionary<string, string> DatasetHashes(string dir) =>
        new(ImportTestData.HashAll(dir).Where(kv => !kv.Key.StartsWith(DatasetStore.HistoryFolder)).ToDictionary(), StringComparer.Ordinal);

    [Fact]
    public void A_commit_writes_the_planned_files_and_the_dataset_loads_with_the_new_seats()
    {
        using var data = new TempDataset();
        var plan = Plan(data, "suffolk", "ctpb", ImportMode.Replace, "suffolk-board-excel-1252.csv");

        var commit = DatasetStore.Commit(data.Dir, plan, "import board list");

        Assert.True(commit.Succeeded);
        var loaded = DatasetLoader.Load(data.Dir);
        Assert.Empty(loaded.Errors);
        Assert.Equal(12, loaded.Dataset!.Find("suffolk")!.Seats.Count(s => s.Body == "ctpb"));
        Assert.Contains(loaded.Dataset.Find("suffolk")!.Seats, s => s.Person == "José Álvarez");
        Assert.NotNull(loaded.Dataset.FindSource("import-suffolk-board-excel-1252-20100301"));
    }

    [Fact]
    public void A_commit_keeps_the_replaced_files_as_a_snapshot_listed_in_the_history()
    {
        using var data = new TempDataset();
        var sourcesBefore = File.ReadAllBytes(Path.Combine(data.Dir, "sources.csv"));
        var plan = Plan(data, "suffolk", "ctpb", ImportMode.Replace, "suffolk-board-excel-1252.csv");

        var snapshot = DatasetStore.Commit(data.Dir, plan, "import board list").Snapshot!;

        var listed = Assert.Single(DatasetStore.History(data.Dir));
        Assert.Equal((snapshot.Id, "import", "import board list"), (listed.Id, listed.Command, listed.Description));
        Assert.Equal(["sources.csv", "suffolk/memberships.csv"], listed.Files.Select(f => f.Path));
        Assert.Equal(sourcesBefore, File.ReadAllBytes(Path.Combine(data.Dir, DatasetStore.HistoryFolder, snapshot.Id, "files", "sources.csv")));
    }

    [Fact]
    public void Undo_restores_every_byte_of_the_dataset()
    {
        using var data = new TempDataset();
        var before = DatasetHashes(data.Dir);
        DatasetStore.Commit(data.Dir, Plan(data, "suffolk", "ctpb", ImportMode.Replace, "suffolk-board-excel-1252.csv"), "import board list");
        Assert.NotEqual(before, DatasetHashes(data.Dir));

        var undo = DatasetStore.Undo(data.Dir);

        Assert.True(undo.Succeeded);
        Assert.Equal("import board list", undo.Restored!.Description);
        Assert.Equal(before, DatasetHashes(data.Dir));
        Assert.Empty(DatasetStore.History(data.Dir));
    }

    [Fact]
    public void Repeated_undo_walks_back_through_the_history_newest_first()
    {
        using var data = new TempDataset();
        var original = DatasetHashes(data.Dir);
        DatasetStore.Commit(data.Dir, Plan(data, "suffolk", "ctpb", ImportMode.Replace, "suffolk-board-excel-1252.csv"), "first");
        var afterFirst = DatasetHashes(data.Dir);
        DatasetStore.Commit(data.Dir, Plan(data, "york", "icg", ImportMode.Merge, "york-icg-utf8-bom.csv"), "second");

        Assert.Equal(["second", "first"], DatasetStore.History(data.Dir).Select(s => s.Description));
        Assert.Equal("second", DatasetStore.Undo(data.Dir).Restored!.Description);
        Assert.Equal(afterFirst, DatasetHashes(data.Dir));
        Assert.Equal("first", DatasetStore.Undo(data.Dir).Restored!.Description);
        Assert.Equal(original, DatasetHashes(data.Dir));
        Assert.False(DatasetStore.Undo(data.Dir).Succeeded);
    }

    [Fact]
    public void Undo_with_nothing_to_undo_says_so_and_writes_nothing()
    {
        using var data = new TempDataset();
        var before = ImportTestData.HashAll(data.Dir);

        var undo = DatasetStore.Undo(data.Dir);

        Assert.Contains("nothing to undo", Assert.Single(undo.Errors).Message);
        Assert.Equal(before, ImportTestData.HashAll(data.Dir));
        Assert.False(Directory.Exists(Path.Combine(data.Dir, DatasetStore.HistoryFolder)));
    }

    [Fact]
    public void Undo_refuses_to_discard_an_edit_made_after_the_import_unless_forced_and_then_keeps_it()
    {
        using var data = new TempDataset();
        DatasetStore.Commit(data.Dir, Plan(data, "york", "icg", ImportMode.Merge, "york-icg-utf8-bom.csv"), "york list");
        var memberships = Path.Combine(data.Dir, "york", "memberships.csv");
        File.AppendAllText(memberships, "icg,Hand-added post,,,,member,,filled,york-cicg-tor\n");
        var edited = ImportTestData.HashAll(data.Dir);

        var refused = DatasetStore.Undo(data.Dir);

        var error = Assert.Single(refused.Errors);
        Assert.Equal("york/memberships.csv", error.File);
        Assert.Contains("has changed since 'york list'", error.Message);
        Assert.Equal(edited, ImportTestData.HashAll(data.Dir));

        var forced = DatasetStore.Undo(data.Dir, force: true);
        Assert.True(forced.Succeeded);
        Assert.DoesNotContain("Hand-added post", File.ReadAllText(memberships));
        var kept = Directory.EnumerateFiles(Path.Combine(data.Dir, DatasetStore.HistoryFolder, ".undone"), "memberships.csv", SearchOption.AllDirectories)
            .Where(p => p.Contains("replaced-by-undo"));
        Assert.Contains(kept, p => File.ReadAllText(p).Contains("Hand-added post"));
    }

    [Fact]
    public void A_plan_made_before_the_dataset_changed_is_not_committed_and_nothing_is_written()
    {
        using var data = new TempDataset();
        var plan = Plan(data, "suffolk", "ctpb", ImportMode.Replace, "suffolk-board-excel-1252.csv");
        File.AppendAllText(Path.Combine(data.Dir, "sources.csv"), "another-source,Another paper,,\n");
        var before = ImportTestData.HashAll(data.Dir);

        var commit = DatasetStore.Commit(data.Dir, plan, "stale");

        Assert.False(commit.Succeeded);
        Assert.True(commit.DatasetChanged);
        Assert.Contains("the dataset changed while this import was being planned; run it again (sources.csv", Assert.Single(commit.Errors).Message);
        Assert.Equal(before, ImportTestData.HashAll(data.Dir));
    }

    [Fact]
    public void A_plan_with_no_changes_commits_nothing_and_keeps_no_snapshot()
    {
        using var data = new TempDataset();
        var dataset = data.Load();
        var export = ImportPlannerTests.Export(dataset, "suffolk", "ecg");
        var plan = MembershipImport.Plan(dataset, data.Dir, "suffolk", "ecg", ImportMode.Replace, "ecg.csv", export).Plan!;
        var before = ImportTestData.HashAll(data.Dir);

        var commit = DatasetStore.Commit(data.Dir, plan, "round trip");

        Assert.True(commit.Succeeded);
        Assert.Null(commit.Snapshot);
        Assert.Equal(before, ImportTestData.HashAll(data.Dir));
    }

    [Fact]
    public void The_loader_ignores_the_history_folder()
    {
        using var data = new TempDataset();
        DatasetStore.Commit(data.Dir, Plan(data, "suffolk", "ctpb", ImportMode.Replace, "suffolk-board-excel-1252.csv"), "board");
        File.WriteAllText(Path.Combine(data.Dir, DatasetStore.HistoryFolder, "authorities.csv"), "not,a,valid\nfile");

        Assert.Empty(DatasetLoader.Load(data.Dir).Errors);
    }

    [Fact]
    public void Atomic_write_replaces_a_file_and_leaves_no_temporary_file_behind()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"atomic-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "a.csv");
            File.WriteAllText(path, "old");
            AtomicFile.Write(path, "new"u8);

            Assert.Equal("new", File.ReadAllText(path));
            Assert.Equal(["a.csv"], Directory.EnumerateFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
