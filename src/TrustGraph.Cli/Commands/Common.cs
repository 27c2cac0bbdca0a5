using System.CommandLine;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Cli.Commands;

/// <summary>The options every command shares, and loading a dataset with its errors reported the same way everywhere.</summary>
internal static class Common
{
    public static Option<string?> DataOption() => new("--data")
    {
        Description = "The dataset folder (default: TRUSTGRAPH_DATA, else the nearest data/ folder, else the one shipped with the program).",
        HelpName = "DIR",
    };

    public static string ResolveData(string? option) => option ?? DatasetLocation.Default();

    /// <summary>Loads and validates; on failure prints every problem to stderr and returns null (the caller exits 2).</summary>
    public static Dataset? Load(string? dataOption, CliConsole console)
    {
        var dir = ResolveData(dataOption);
        Recover(dir, console);
        var result = DatasetLoader.Load(dir);
        if (result.Dataset is not null) return result.Dataset;
        ReportInvalid(dir, result.Errors, console);
        return null;
    }

    /// <summary>
    /// Completes what a killed import or undo left (rolling its files back, so the dataset is old or new, never a mix)
    /// before the dataset is read, and says so on stderr.
    /// </summary>
    public static void Recover(string dir, CliConsole console)
    {
        var recovered = Storage.DatasetStore.Recover(dir);
        foreach (var description in recovered.RolledBack)
            console.Error.WriteLine($"trustgraph: '{description}' did not finish (the process was stopped); its files were put back as they were before it.");
        foreach (var problem in recovered.Problems) console.Error.WriteLine("trustgraph: " + problem);
    }

    /// <summary>Prints every problem of an invalid dataset to stderr (the caller exits 2).</summary>
    public static void ReportInvalid(string dir, IReadOnlyList<DatasetError> errors, CliConsole console)
    {
        console.Error.WriteLine($"trustgraph: the dataset in {dir} is invalid ({errors.Count} problem{(errors.Count == 1 ? "" : "s")}); nothing was analysed:");
        foreach (var error in errors) console.Error.WriteLine("  " + error);
    }

    /// <summary>Checks that the authority (and arrangement) exist, saying which ones do when they don't.</summary>
    /// <summary><c>--board BODY</c>: judge this body as the Children's Trust Board, to test another reading of the papers.</summary>
    public static Option<string?> BoardOption() => new("--board")
    {
        Description = "Judge this body (its id) as the Children's Trust Board instead of the one the analyses choose (needs --authority).",
        HelpName = "BODY",
    };

    public static bool CheckScope(Dataset dataset, string? authority, string? arrangement, CliConsole console)
    {
        if (authority is not null && dataset.Find(authority) is null)
        {
            console.Error.WriteLine($"trustgraph: no authority '{authority}'; expected one of: {string.Join(", ", dataset.Authorities.Select(a => a.Id))}");
            return false;
        }
        if (arrangement is null) return true;
        var known = dataset.Authorities.Where(a => authority is null || a.Id == authority).SelectMany(a => a.Arrangements).Select(a => a.Id).Distinct().ToList();
        if (known.Contains(arrangement)) return true;
        console.Error.WriteLine($"trustgraph: no arrangement '{arrangement}'{(authority is null ? "" : $" in {authority}")}; expected one of: {string.Join(", ", known)}");
        return false;
    }
}
