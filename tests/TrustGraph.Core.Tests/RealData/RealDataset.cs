using TrustGraph.Loading;

namespace TrustGraph.Core.Tests;

/// <summary>The dataset shipped in the repository's data/ folder.</summary>
internal static class RealDataset
{
    public static string Folder { get; } = FindData();

    private static string FindData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "data", "authorities.csv")) && File.Exists(Path.Combine(dir.FullName, "TrustGraph.sln")))
                return Path.Combine(dir.FullName, "data");
        throw new DirectoryNotFoundException("the repository's data/ folder was not found above " + AppContext.BaseDirectory);
    }

    public static Model.Dataset Load()
    {
        var result = DatasetLoader.Load(Folder);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Dataset!;
    }
}
