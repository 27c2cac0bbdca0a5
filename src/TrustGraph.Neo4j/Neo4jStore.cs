using Microsoft.Extensions.Configuration;
using TrustGraph.Loading;

namespace TrustGraph.Neo4j;

/// <summary>
/// Neo4j as the place a host loads its dataset from, beside the folder (<see cref="DatasetLoader.Load"/>). Both give a
/// <see cref="LoadResult"/>; here a Neo4j that cannot be reached, refuses the password or has no such database is one
/// more problem in it (file <c>neo4j</c>), worded to say what to check, so a host shows it as it shows a bad CSV.
/// </summary>
public static class Neo4jStore
{
    /// <summary>True when <c>NEO4J_URI</c> or <c>Neo4j:Uri</c> is set: the host has opted into Neo4j.</summary>
    public static bool IsConfigured(IConfiguration configuration) => Neo4jOptions.IsConfigured(key => configuration[key]);

    /// <summary>Reads the dataset from the Neo4j the configuration names; incomplete settings are a problem in the result.</summary>
    public static Task<LoadResult> LoadAsync(IConfiguration configuration, CancellationToken cancel = default)
    {
        var options = Neo4jOptions.FromConfiguration(configuration, out var error);
        return options is null
            ? Task.FromResult(new LoadResult(null, [new DatasetError("neo4j", 0, 0, error!)]))
            : LoadAsync(options, cancel);
    }

    /// <summary>Reads the dataset from Neo4j (one read transaction, transient errors retried).</summary>
    public static async Task<LoadResult> LoadAsync(Neo4jOptions options, CancellationToken cancel = default)
    {
        using var client = new QueryApiClient(options);
        try
        {
            return await Neo4jDatasetReader.ReadAsync(client, new TransientRetry(options), cancel);
        }
        catch (Neo4jException e)
        {
            return new LoadResult(null, [new DatasetError("neo4j", 0, 0, e.Message)]);
        }
    }

    /// <summary>Where the data comes from, as a host shows it: "Neo4j at http://neo4j:7474/ (database neo4j, user neo4j)", never the password.</summary>
    public static string Describe(Neo4jOptions options) => $"Neo4j at {options}";

    /// <summary><see cref="Describe(Neo4jOptions)"/> from configuration, or "Neo4j (not fully configured)" when the settings are incomplete.</summary>
    public static string Describe(IConfiguration configuration) =>
        Neo4jOptions.FromConfiguration(configuration, out _) is { } options ? Describe(options) : "Neo4j (not fully configured)";
}
