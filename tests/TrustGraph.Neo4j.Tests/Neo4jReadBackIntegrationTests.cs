using TrustGraph.Guidance;
using TrustGraph.Model;

namespace TrustGraph.Neo4j.Tests;

/// <summary>
/// Against a real Neo4j (5.19+), when NEO4J_URI (and NEO4J_PASSWORD) are set: push a dataset, read it back with the
/// reader, and require the same dataset record by record and the same findings from the analyses. Without a server the
/// tests skip and say so. The database is wiped first: point NEO4J_URI at a scratch database.
/// </summary>
[Collection("Neo4j environment")]
public sealed class Neo4jReadBackIntegrationTests
{
    public static TheoryData<string> Datasets => new() { "data", "tests/fixtures/hostile", "tests/fixtures/neo4j-twins", "tests/fixtures/export-hostile" };

    private static async Task<Dataset> PushAndReadBack(Neo4jOptions options, Dataset dataset)
    {
        using var client = new QueryApiClient(options);
        var retry = new TransientRetry(options);
        await client.RunAsync("MATCH (n) DETACH DELETE n");
        var pusher = new GraphPusher(client, retry);
        await pusher.EnsureSchemaAsync();
        await pusher.PushSharedAsync(dataset, RelevantPartners.Statutory);
        for (var i = 0; i < dataset.Authorities.Count; i++) await pusher.PushAuthorityAsync(dataset.Authorities[i], i, replace: false);
        return ReadBack.Valid(await Neo4jDatasetReader.ReadAsync(client, retry));
    }

    [SkippableTheory]
    [MemberData(nameof(Datasets))]
    public async Task A_dataset_pushed_to_neo4j_reads_back_record_by_record_with_the_same_findings(string folder)
    {
        var options = Neo4jOptions.FromEnvironment(out var error);
        Skip.If(options is null, $"no Neo4j to test against ({error})");
        var original = TestData.Load(folder);

        var read = await PushAndReadBack(options!, original);

        DatasetAssert.Same(original, read);
        DatasetAssert.SameFindings(original, read);
    }

    [SkippableFact]
    public async Task The_awkward_dataset_reads_back_from_neo4j_unchanged()
    {
        var options = Neo4jOptions.FromEnvironment(out var error);
        Skip.If(options is null, $"no Neo4j to test against ({error})");
        var original = AwkwardDataset.Load();
        DatasetAssert.Same(original, await PushAndReadBack(options!, original));
    }

    [SkippableFact]
    public async Task The_store_reads_what_was_pushed()
    {
        var options = Neo4jOptions.FromEnvironment(out var error);
        Skip.If(options is null, $"no Neo4j to test against ({error})");
        await PushAndReadBack(options!, TestData.Shipped);
        DatasetAssert.Same(TestData.Shipped, ReadBack.Valid(await Neo4jStore.LoadAsync(options!)));
    }
}
