using TrustGraph.Analyses;
using TrustGraph.Guidance;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Neo4j.Tests;

/// <summary>Pushing a dataset into the fake graph, reading it back, and comparing datasets record by record.</summary>
internal static class ReadBack
{
    public static async Task PushAsync(FakeQueryApi server, Dataset dataset, bool replace = false)
    {
        var options = server.Options();
        using var client = new QueryApiClient(options);
        var pusher = new GraphPusher(client, new TransientRetry(options));
        await pusher.EnsureSchemaAsync();
        await pusher.PushSharedAsync(dataset, RelevantPartners.Statutory);
        for (var i = 0; i < dataset.Authorities.Count; i++)
            await pusher.PushAuthorityAsync(dataset.Authorities[i], i, replace);
    }

    public static async Task<LoadResult> ReadAsync(FakeQueryApi server, TransientRetry? retry = null)
    {
        using var client = new QueryApiClient(server.Options());
        return await Neo4jDatasetReader.ReadAsync(client, retry);
    }

    public static Dataset Valid(LoadResult result)
    {
        Assert.True(result.IsValid, "the graph did not read back as a dataset:\n" + string.Join("\n", result.Errors));
        Assert.Empty(result.Errors);
        return result.Dataset!;
    }
}

internal static class DatasetAssert
{
    /// <summary>
    /// Equal record by record, in order: the loader's records are value-equal, the lists holding them are not.
    /// Each list is compared on its own so a failure says which one differs.
    /// </summary>
    public static void Same(Dataset expected, Dataset actual)
    {
        Assert.Equal(expected.Sources, actual.Sources);
        Assert.Equal(expected.Authorities.Select(a => a.Authority), actual.Authorities.Select(a => a.Authority));
        foreach (var (e, a) in expected.Authorities.Zip(actual.Authorities))
        {
            Assert.Equal(e.Arrangements, a.Arrangements);
            Assert.Equal(e.Bodies, a.Bodies);
            Assert.Equal(e.Seats, a.Seats);
            Assert.Equal(e.Lines, a.Lines);
            Assert.Equal(e.Duties, a.Duties);
        }
    }

    /// <summary>
    /// The same findings, word for word, in the same order. Only the file line of an inferred row may differ: a dataset read
    /// from Neo4j has no lines (contract v1.1), so lines are compared as absent on both sides.
    /// </summary>
    public static void SameFindings(Dataset expected, Dataset actual) =>
        Assert.Equal(FindingsJson.Write(WithoutLines(Analysis.Run(expected))), FindingsJson.Write(WithoutLines(Analysis.Run(actual))));

    private static IReadOnlyList<Finding> WithoutLines(IReadOnlyList<Finding> findings) =>
        findings.Select(f => f with { Inferred = f.Inferred.Select(r => r with { Line = null }).ToList() }).ToList();
}
