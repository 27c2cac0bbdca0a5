namespace TrustGraph.Web.Tests.Infrastructure;

/// <summary>The clone of the repository the tests run from: its data/ and tests/fixtures/ folders.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string Data => Path.Combine(Root, "data");

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "data", "authorities.csv")) && Directory.Exists(Path.Combine(dir.FullName, "tests", "fixtures")))
                return dir.FullName;
        throw new DirectoryNotFoundException("the repository (data/ and tests/fixtures/) was not found above " + AppContext.BaseDirectory);
    }
}
