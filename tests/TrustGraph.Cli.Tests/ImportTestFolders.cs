using System.Security.Cryptography;
using TrustGraph.Cli;

namespace TrustGraph.Cli.Tests;

/// <summary>A copy of the repository's data/ in a temporary folder (never the repository's own), and the import fixtures.</summary>
internal sealed class ImportDataCopy : IDisposable
{
    public static string RepoRoot { get; } = FindRoot();

    public ImportDataCopy()
    {
        Dir = Path.Combine(Path.GetTempPath(), $"trustgraph-cli-{Guid.NewGuid():N}");
        Copy(Path.Combine(RepoRoot, "data"), Dir);
    }

    public string Dir { get; }

    public static string Fixture(string name) => Path.Combine(RepoRoot, "tests", "fixtures", "import", name);

    public (int Exit, string Out, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run([.. args, "--data", Dir], stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Every file of the folder, hidden ones included, relative path → SHA-256; the empty lock file writers take is not content and is left out.</summary>
    public SortedDictionary<string, string> Hashes()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Dir, "*", SearchOption.AllDirectories).Where(f => Path.GetRelativePath(Dir, f) != Path.Combine(".history", ".lock")))
            result[Path.GetRelativePath(Dir, file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        return result;
    }

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

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrustGraph.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (TrustGraph.sln) above " + AppContext.BaseDirectory);
    }
}
