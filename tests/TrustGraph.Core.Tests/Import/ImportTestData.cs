using System.Security.Cryptography;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Import;

/// <summary>The repository's fixtures and a private copy of its dataset, so that no test can change data/.</summary>
internal static class ImportTestData
{
    public static string RepoRoot { get; } = FindRoot();

    public static string FixturePath(string name) => Path.Combine(RepoRoot, "tests", "fixtures", "import", name);

    public static byte[] Fixture(string name) => File.ReadAllBytes(FixturePath(name));

    public static Dataset RealDataset { get; } = DatasetLoader.Load(Path.Combine(RepoRoot, "data")).Dataset
        ?? throw new InvalidOperationException("the repository's data/ does not load");

    /// <summary>Every file under a folder (hidden ones too), relative path → SHA-256; the empty lock file writers take is not content and is left out.</summary>
    public static SortedDictionary<string, string> HashAll(string dir)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Where(f => Path.GetRelativePath(dir, f) != Path.Combine(".history", ".lock")))
            result[Path.GetRelativePath(dir, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        return result;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrustGraph.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (TrustGraph.sln) above " + AppContext.BaseDirectory);
    }
}

/// <summary>A copy of the repository's data/ in a temporary folder, deleted afterwards.</summary>
internal sealed class TempDataset : IDisposable
{
    public TempDataset()
    {
        Dir = Path.Combine(Path.GetTempPath(), $"trustgraph-test-{Guid.NewGuid():N}");
        Copy(Path.Combine(ImportTestData.RepoRoot, "data"), Dir);
    }

    public string Dir { get; }

    public Dataset Load() => DatasetLoader.Load(Dir).Dataset ?? throw new InvalidOperationException("the test dataset does not load");

    public string Read(string relative) => File.ReadAllText(Path.Combine(Dir, relative));

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); }
        catch (IOException) { }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.EnumerateDirectories(from)) Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
