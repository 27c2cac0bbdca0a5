using System.Globalization;

namespace TrustGraph.LoadTest;

/// <summary>How big and how long: <c>--sessions 50 --seconds 60</c>, and <c>--no-build</c> to use the last Release build.</summary>
public sealed record LoadOptions(int Sessions, int Seconds, bool NoBuild)
{
    public const int MaxSessions = 200;
    public const int MaxSeconds = 600;

    public static LoadOptions Parse(string[] args)
    {
        int Value(string name, int fallback, int max)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? Math.Clamp(n, 1, max)
                : fallback;
        }
        return new LoadOptions(Value("--sessions", 50, MaxSessions), Value("--seconds", 60, MaxSeconds), args.Contains("--no-build"));
    }

    /// <summary>The clone this program runs from (the folder with TrustGraph.sln).</summary>
    public static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "TrustGraph.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("run this from a clone of the TrustGraph repository (TrustGraph.sln not found above here)");
    }
}

/// <summary>One arrangement as the explorer shows it: its address, the title of its diagrams, and its bodies.</summary>
public sealed record View(string Authority, string? Arrangement, string Title, IReadOnlyList<(string Id, string Name)> Bodies)
{
    public View(TrustGraph.Graph.GovernanceGraph graph)
        : this(graph.Authority.Id, graph.ArrangementId, graph.Title, graph.Bodies.Select(b => (b.Id, b.Name)).ToList()) { }

    public string Href => Arrangement is null ? $"authority/{Authority}" : $"authority/{Authority}/{Arrangement}";
}

/// <summary>How long one interaction took, from the action to the page showing its result.</summary>
public sealed record Latency(string Kind, double Ms);
