using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TrustGraph.Web.Services;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Services;

/// <summary>Reloading the dataset: a valid change is the next version, an invalid one is refused and the old one kept.</summary>
public sealed class ViewerCatalogTests
{
    private static ViewerCatalog CatalogOn(string data, int debounce = 100) =>
        new(Options.Create(new ViewerOptions { DataPath = data, ReloadDebounceMilliseconds = debounce }), NullLogger<ViewerCatalog>.Instance);

    [Fact]
    public void A_valid_change_on_disk_becomes_the_next_version_and_views_are_built_from_it()
    {
        var data = TestData.CopyOf();
        var catalog = CatalogOn(data);
        var before = catalog.Find("york")!;
        File.WriteAllText(Path.Combine(data, "york", "bodies.csv"),
            File.ReadAllText(Path.Combine(data, "york", "bodies.csv")).Replace("Children's Trust Unit,", "Children's Trust Unit (new name),"));

        Assert.True(catalog.Reload());

        Assert.Equal(2, catalog.Current.Number);
        Assert.Null(catalog.Rejected);
        Assert.Equal("Children's Trust Unit (new name)", catalog.Find("york")!.Graph.Body("ctu").Name);
        Assert.Equal("Children's Trust Unit", before.Graph.Body("ctu").Name);
    }

    [Fact]
    public void An_invalid_change_is_refused_with_its_problems_and_the_last_valid_version_is_served()
    {
        var data = TestData.CopyOf();
        var catalog = CatalogOn(data);
        var version = catalog.Current;
        File.AppendAllText(Path.Combine(data, "york", "bodies.csv"), "broken,Broken body,no-such-kind,strategy,current,,york-cicg-tor#x\n");

        Assert.False(catalog.Reload());

        Assert.Same(version, catalog.Current);
        Assert.NotNull(catalog.Find("york"));
        var problem = Assert.Single(catalog.Rejected!.Errors);
        Assert.Equal("york/bodies.csv", problem.File);
        Assert.Contains("no-such-kind", problem.Message);
    }

    [Fact]
    public async Task The_watcher_reloads_once_the_files_are_quiet_and_ignores_the_history_folder()
    {
        var data = TestData.CopyOf();
        var catalog = CatalogOn(data);
        var options = Options.Create(new ViewerOptions { DataPath = data, ReloadDebounceMilliseconds = 100 });
        using var watcher = new DatasetWatcher(catalog, options, NullLogger<DatasetWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);

        Directory.CreateDirectory(Path.Combine(data, ".history", "x"));
        await File.WriteAllTextAsync(Path.Combine(data, ".history", "x", "manifest.json"), "{}");
        File.AppendAllText(Path.Combine(data, "york", "duties.csv"), "ctu,Keep the minutes,,york-cicg-tor#support\n");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (catalog.Current.Number < 2 && !timeout.IsCancellationRequested) await Task.Delay(50);
        Assert.Equal(2, catalog.Current.Number);
        Assert.Contains(catalog.Dataset!.Find("york")!.Duties, d => d.Text == "Keep the minutes");
        await watcher.StopAsync(CancellationToken.None);
    }
}
