using TrustGraph.Analyses;
using TrustGraph.Guidance;
using TrustGraph.Model;
using TrustGraph.Neo4j;

namespace TrustGraph.Neo4j.Tests;

/// <summary>
/// Against a real Neo4j (5.19+), when NEO4J_URI (and NEO4J_PASSWORD) are set: pushes each dataset, runs the embedded
/// analyses and the Cypher twins, and requires the same findings — compared as sets of (authority, arrangement, check,
/// severity, subjects, message, sources), and then bodies and remedy too. Without a server the tests skip and say so.
/// The database is wiped first: point NEO4J_URI at a scratch database.
/// </summary>
[Collection("Neo4j environment")]
public sealed class Neo4jIntegrationTests
{
    private static Neo4jOptions? Options(out string? why)
    {
        var options = Neo4jOptions.FromEnvironment(out var error);
        why = options is null ? $"no Neo4j to test against ({error})" : null;
        return options;
    }

    public static TheoryData<string> Datasets => new() { "data", "tests/fixtures/hostile", "tests/fixtures/neo4j-twins" };

    private static async Task<(IReadOnlyList<Finding> Embedded, IReadOnlyList<Finding> Cypher)> PushAndAnalyse(Neo4jOptions options, Dataset dataset)
    {
        using var client = new QueryApiClient(options);
        var retry = new TransientRetry(options);
        await client.RunAsync("MATCH (n) DETACH DELETE n");
        var pusher = new GraphPusher(client, retry);
        await pusher.EnsureSchemaAsync();
        await pusher.PushSharedAsync(dataset, RelevantPartners.Statutory);
        for (var i = 0; i < dataset.Authorities.Count; i++) await pusher.PushAuthorityAsync(dataset.Authorities[i], i, replace: false);
        return (Analysis.Run(dataset), await new CypherBackend(client, retry).RunAsync());
    }

    private static string Fingerprint(Finding f) => string.Join(" | ", f.Authority, f.Arrangement ?? "-", f.Check, f.Severity,
        string.Join(";", f.Subjects), f.Message, string.Join(";", f.Sources));

    [SkippableTheory]
    [MemberData(nameof(Datasets))]
    public async Task The_cypher_twins_find_exactly_what_the_embedded_analyses_find(string folder)
    {
        var options = Options(out var why);
        Skip.If(options is null, why);
        var (embedded, cypher) = await PushAndAnalyse(options!, TestData.Load(folder));

        var missing = embedded.Select(Fingerprint).Except(cypher.Select(Fingerprint)).ToList();
        var extra = cypher.Select(Fingerprint).Except(embedded.Select(Fingerprint)).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"only embedded:\n{string.Join("\n", missing)}\nonly Cypher:\n{string.Join("\n", extra)}");
        Assert.Equal(embedded.Count, cypher.Count);
        Assert.Equal(FindingsJson.Write(embedded), FindingsJson.Write(cypher));
    }

    [SkippableFact]
    public async Task Pushing_twice_gives_the_same_graph()
    {
        var options = Options(out var why);
        Skip.If(options is null, why);
        var dataset = TestData.Shipped;
        await PushAndAnalyse(options!, dataset);
        using var client = new QueryApiClient(options!);
        async Task<string> Counts() => string.Join(",", (await client.RunAsync(
            "MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS relationships")).Values[0].Select(v => v.GetInt64()));
        var once = await Counts();
        var pusher = new GraphPusher(client, new TransientRetry(options!));
        for (var i = 0; i < dataset.Authorities.Count; i++) await pusher.PushAuthorityAsync(dataset.Authorities[i], i, replace: false);
        Assert.Equal(once, await Counts());
        for (var i = 0; i < dataset.Authorities.Count; i++) await pusher.PushAuthorityAsync(dataset.Authorities[i], i, replace: true);
        Assert.Equal(once, await Counts());
    }
}
