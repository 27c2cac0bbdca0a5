namespace TrustGraph.Loading;

/// <summary>
/// Where the dataset lives when no folder is named: <c>TRUSTGRAPH_DATA</c>, else the nearest <c>data/</c> folder
/// above the working directory (a clone of the repository), else the copy shipped beside the program.
/// </summary>
public static class DatasetLocation
{
    public static string Default()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TRUSTGRAPH_DATA");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
        return FindUpwards(Directory.GetCurrentDirectory())
            ?? FindUpwards(AppContext.BaseDirectory)
            ?? Path.Combine(AppContext.BaseDirectory, "data");
    }

    private static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (File.Exists(Path.Combine(candidate, "authorities.csv"))) return candidate;
        }
        return null;
    }
}
