using TrustGraph.Core.Tests.Import;
using TrustGraph.Import;
using TrustGraph.Loading;
using TrustGraph.Storage;

namespace TrustGraph.Core.Tests.Storage;

/// <summary>A commit or undo that dies half-way, and what the next opener of the dataset makes of it.</summary>
public class StorageRecoveryTests
{
    private static ImportPlan Plan(TempDataset data, DatasetLock? held = null)
    {
        var result = MembershipImport.Plan(data.Load(), data.Dir, "suffolk", "ctpb", ImportMode.Replace, "suffolk-board-excel-1252.csv",
            ImportTestData.Fixture("suffolk-board-excel-1252.csv"), new DateOnly(2010, 3, 1), held: held);
        Assert.Empty(result.Errors);
        return result.Plan!;
    }

    private static SortedDictionary<string, string> DatasetHashes(string dir) =>
        new(ImportTestData.HashAll(dir).Where(kv => !kv.Key.StartsWith(DatasetStore.HistoryFolder)).ToDictionary(), StringComparer.Ordinal);

    private sealed class Crash : Exception;

    [Theory]
    [InlineData("commit:journal-written")]
    [InlineData("commit:file-1-written")]
    [InlineData("commit:file-2-written")]
    public void A_commit_that_dies_after_writing_some_files_is_rolled_back_by_the_next_opener_to_every_old_byte(string point)
    {
        using var data = new TempDataset();
        var before = DatasetHashes(data.Dir);
        var plan = Plan(data);

        Faults.Hook = p => { if (p == point) throw new Crash(); };
        try { Assert.Throws<Crash>(() => DatasetStore.Commit(data.Dir, plan, "dies half-way")); }
        finally { Faults.Hook = null; }
        Assert.Empty(DatasetStore.History(data.Dir));

        var recovered = DatasetStore.Recover(data.Dir);

        Assert.Equal(["dies half-way"], recovered.RolledBack);
        Assert.Equal(before, DatasetHashes(data.Dir));
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(data.Dir, DatasetStore.HistoryFolder)).Where(d => Path.GetFileName(d) != ".undone"));
        Assert.False(DatasetStore.Recover(data.Dir).DidAnything);
    }

    [Fact]
    public void An_undo_that_dies_before_it_finishes_leaves_the_import_in_place_and_can_be_run_again()
    {
        using var data = new TempDataset();
        var original = DatasetHashes(data.Dir);
        Assert.True(DatasetStore.Commit(data.Dir, Plan(data), "board list").Succeeded);
        var imported = DatasetHashes(data.Dir);

        Faults.Hook = p => { if (p == "undo:file-1-written") throw new Crash(); };
        try { Assert.Throws<Crash>(() => DatasetStore.Undo(data.Dir)); }
        finally { Faults.Hook = null; }
        Assert.NotEqual(imported, DatasetHashes(data.Dir));

        Assert.Single(DatasetStore.Recover(data.Dir).RolledBack);
        Assert.Equal(imported, DatasetHashes(data.Dir));
        Assert.Single(DatasetStore.History(data.Dir));
        Assert.True(DatasetStore.Undo(data.Dir).Succeeded);
        Assert.Equal(original, DatasetHashes(data.Dir));
    }

    [Fact]
    public void Staging_folders_and_temporary_files_left_by_killed_runs_are_removed_and_a_live_runs_are_kept()
    {
        using var data = new TempDataset();
        var staging = Path.Combine(data.Dir, DatasetStore.HistoryFolder, ".staging-0123456789abcdef");
        Directory.CreateDirectory(Path.Combine(staging, "files"));
        File.WriteAllText(Path.Combine(staging, "files", "sources.csv"), "half");
        var dead = Path.Combine(data.Dir, "suffolk", $"memberships.csv.tmp-{int.MaxValue - 7}-{Guid.NewGuid():N}");
        var live = Path.Combine(data.Dir, "suffolk", $"memberships.csv.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        File.WriteAllText(dead, "torn");
        File.WriteAllText(live, "being written");

        var recovered = DatasetStore.Recover(data.Dir);

        Assert.Equal(2, recovered.Removed);
        Assert.False(Directory.Exists(staging));
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(live));
        Assert.True(DatasetLoader.Load(data.Dir).IsValid);
    }

    [Fact]
    public void Opening_a_dataset_with_nothing_to_recover_writes_nothing_not_even_a_history_folder()
    {
        using var data = new TempDataset();
        var before = ImportTestData.HashAll(data.Dir);

        Assert.False(DatasetStore.Recover(data.Dir).DidAnything);

        Assert.False(Directory.Exists(Path.Combine(data.Dir, DatasetStore.HistoryFolder)));
        Assert.Equal(before, ImportTestData.HashAll(data.Dir));
    }

    [Fact]
    public async Task Planning_waits_for_a_writer_holding_the_lock_and_then_sees_what_it_wrote_as_a_change()
    {
        using var data = new TempDataset();
        var stale = data.Load();
        var held = DatasetStore.Lock(data.Dir)!;
        var first = Plan(data, held);
        Assert.True(DatasetStore.Commit(held, first, "first").Succeeded);

        var planning = Task.Run(() => MembershipImport.Plan(stale, data.Dir, "suffolk", "ctpb", ImportMode.Replace, "york-icg-utf8-bom.csv",
            ImportTestData.Fixture("york-icg-utf8-bom.csv"), new DateOnly(2010, 3, 2)));
        await Task.Delay(300);
        Assert.False(planning.IsCompleted, "planning went ahead while another writer held the lock");
        held.Dispose();
        var second = await planning;

        Assert.Null(second.Plan);
        Assert.True(second.DatasetChanged);
        Assert.Contains("the dataset changed while this import was being planned; run it again", Assert.Single(second.Errors).Message);
    }
}
