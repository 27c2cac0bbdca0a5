using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Neo4j.Tests;

/// <summary>The repository's datasets: the shipped data/ and the hostile-text fixture.</summary>
internal static class TestData
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "TrustGraph.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("the repository root (TrustGraph.sln) is not above the test's folder");
        }
    }

    public static Dataset Load(string relative)
    {
        var result = DatasetLoader.Load(Path.Combine(Root, relative));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Dataset!;
    }

    public static Dataset Shipped => Load("data");
    public static Dataset Hostile => Load("tests/fixtures/hostile");

    /// <summary>Hostile names in every graph key, hostile source locators, and inferred rows with notes (its README says what).</summary>
    public static Dataset ExportHostile => Load("tests/fixtures/export-hostile");
}
