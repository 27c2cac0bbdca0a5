using System.Text.Json.Nodes;
using TrustGraph.Guidance;
using TrustGraph.Model;
using TrustGraph.Neo4j;

namespace TrustGraph.Neo4j.Tests;

public sealed class GraphPusherTests : IAsyncLifetime
{
    private FakeQueryApi _server = null!;

    public async Task InitializeAsync() => _server = await FakeQueryApi.StartAsync();
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<List<PushSummary>> PushAll(Dataset dataset, Neo4jOptions? options = null, bool replace = false, List<TimeSpan>? waits = null)
    {
        options ??= _server.Options();
        using var client = new QueryApiClient(options);
        var pusher = new GraphPusher(client, new TransientRetry(options, (w, _) => { waits?.Add(w); return Task.CompletedTask; }));
        await pusher.EnsureSchemaAsync();
        await pusher.PushSharedAsync(dataset, RelevantPartners.Statutory);
        var summaries = new List<PushSummary>();
        for (var i = 0; i < dataset.Authorities.Count; i++)
            summaries.Add(await pusher.PushAuthorityAsync(dataset.Authorities[i], i, replace));
        return summaries;
    }

    /// <summary>Every string value anywhere in the parameters.</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    [Fact]
    public async Task Each_authority_is_one_transaction_that_is_committed()
    {
        var dataset = TestData.Shipped;
        await PushAll(dataset);

        var requests = _server.Requests.Where(r => !r.IsImplicit).ToList();
        var begins = requests.Count(r => r.IsBegin);
        Assert.Equal(dataset.Authorities.Count + 1, begins);
        Assert.Equal(begins, requests.Count(r => r.IsCommit));
        Assert.DoesNotContain(requests, r => r.IsRollback);

        foreach (var structure in dataset.Authorities)
        {
            var statements = requests.Where(r => r.IsInTransaction && Strings(r.Parameters).Contains(structure.Id)).ToList();
            var tx = Assert.Single(statements.Select(r => r.Path.Split('/')[6]).Distinct());
            Assert.Contains(requests, r => r.IsCommit && r.Path.Contains($"/tx/{tx}/commit"));
        }
    }

    [Fact]
    public async Task No_data_value_ever_appears_in_a_statement_text()
    {
        foreach (var dataset in new[] { TestData.Shipped, TestData.Hostile })
        {
            await PushAll(dataset);
            var sent = _server.Requests.Where(r => r.Statement is not null).ToList();
            var texts = sent.Select(r => r.Statement!).Distinct().ToList();
            var values = sent.SelectMany(r => Strings(r.Parameters)).Where(v => v.Length >= 3).Distinct().ToList();

            Assert.Contains(values, v => v.Contains("<script>", StringComparison.Ordinal) || v == "suffolk");
            foreach (var text in texts)
                foreach (var value in values.Where(v => !GraphModel.IsModelName(v)))
                    Assert.False(text.Contains(value, StringComparison.Ordinal), $"the value '{value}' is spliced into: {text}");
        }
    }

    [Fact]
    public async Task Nodes_and_relationships_are_merged_in_batches_of_unwound_rows()
    {
        var dataset = TestData.Shipped;
        await PushAll(dataset, _server.Options() with { BatchSize = 7 });

        var writes = _server.Requests.Where(r => r.IsInTransaction && r.Statement!.StartsWith("UNWIND $rows AS row", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(writes);
        Assert.All(writes, r => Assert.Contains("MERGE (", r.Statement));
        Assert.All(writes, r => Assert.DoesNotContain("CREATE", r.Statement));
        Assert.All(writes, r => Assert.InRange(r.Parameters!["rows"]!.AsArray().Count, 1, 7));

        var seatRows = writes.Where(r => r.Statement!.Contains(":HOLDS_SEAT")).Sum(r => r.Parameters!["rows"]!.AsArray().Count);
        Assert.Equal(dataset.Authorities.Sum(a => a.Seats.Count), seatRows);
        Assert.Contains(writes, r => r.Statement!.Contains(":HOLDS_SEAT") && r.Parameters!["rows"]!.AsArray().Count == 7);
    }

    [Fact]
    public async Task Vacant_and_post_only_seats_are_pushed_with_their_status()
    {
        await PushAll(TestData.Hostile);
        var seats = _server.Requests.Where(r => r.Statement?.Contains(":HOLDS_SEAT") == true && r.Statement.StartsWith("UNWIND"))
            .SelectMany(r => r.Parameters!["rows"]!.AsArray()).ToList();
        var vacant = Assert.Single(seats, s => s!["properties"]!["status"]!.GetValue<string>() == "vacant");
        Assert.Equal("Vacant {{seat}}", vacant!["properties"]!["post"]!.GetValue<string>());
        Assert.StartsWith("evil/vacant {{seat}}|", vacant["start"]!.GetValue<string>());
    }

    [Fact]
    public async Task Pushing_twice_sends_the_same_statements_and_parameters()
    {
        await PushAll(TestData.Shipped);
        var first = _server.Requests.Where(r => r.Statement is not null).Select(r => r.Statement + r.Parameters?.ToJsonString()).ToList();
        while (_server.Received.TryDequeue(out _)) { }
        await PushAll(TestData.Shipped);
        var second = _server.Requests.Where(r => r.Statement is not null).Select(r => r.Statement + r.Parameters?.ToJsonString()).ToList();
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Replace_deletes_the_authoritys_old_subgraph_before_writing_it()
    {
        var dataset = TestData.Shipped;
        using var client = new QueryApiClient(_server.Options());
        var pusher = new GraphPusher(client, new TransientRetry(_server.Options()));
        await pusher.PushAuthorityAsync(dataset.Find("york")!, 2, replace: true);

        var statements = _server.Requests.Where(r => r.IsInTransaction).ToList();
        var firstMerge = statements.FindIndex(r => r.Statement!.Contains("MERGE"));
        var deletes = statements.Take(firstMerge).ToList();
        Assert.Contains(deletes, r => r.Statement == "MATCH (n:Body {authority: $authority}) DETACH DELETE n");
        Assert.Contains(deletes, r => r.Statement == "MATCH (n:Person {authority: $authority}) DETACH DELETE n");
        Assert.All(deletes, r => Assert.Equal("york", r.Parameters!["authority"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_failing_statement_rolls_the_transaction_back_and_commits_nothing()
    {
        _server.Answer = r => r.IsInTransaction && r.Statement!.Contains(":HOLDS_SEAT")
            ? FakeAnswer.Error("Neo.ClientError.Schema.ConstraintValidationFailed", "Node already exists with label `Person`")
            : null;
        var e = await Assert.ThrowsAsync<Neo4jException>(() => PushAll(TestData.Shipped));

        Assert.Equal(Neo4jProblem.ClientError, e.Problem);
        Assert.Contains("ConstraintValidationFailed", e.Message);
        var authorityTx = _server.Requests.Where(r => r.IsBegin).Count();
        var rollback = Assert.Single(_server.Requests, r => r.IsRollback);
        Assert.Equal(FakeQueryApi.AffinityValue, rollback.Affinity);
        Assert.Equal(authorityTx - 1, _server.Requests.Count(r => r.IsCommit));
    }

    [Fact]
    public async Task A_transient_error_retries_the_whole_authority_transaction()
    {
        var failures = 0;
        _server.Answer = r => r.IsInTransaction && r.Statement!.Contains(":HOLDS_SEAT") && failures++ < 2
            ? FakeAnswer.Error("Neo.TransientError.Transaction.DeadlockDetected", "deadlock")
            : null;
        var waits = new List<TimeSpan>();
        var summaries = await PushAll(TestData.Shipped, waits: waits);

        Assert.Equal(3, summaries[0].Attempts);
        Assert.All(summaries.Skip(1), s => Assert.Equal(1, s.Attempts));
        Assert.Equal(2, _server.Requests.Count(r => r.IsRollback));
        Assert.Equal([TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2)], waits);
        Assert.Equal(_server.Requests.Count(r => r.IsBegin) - 2, _server.Requests.Count(r => r.IsCommit));
    }

    [Fact]
    public async Task The_schema_is_one_uniqueness_constraint_per_label_key()
    {
        await PushAll(TestData.Shipped);
        var schema = _server.Requests.Where(r => r.IsImplicit).Select(r => r.Statement!).ToList();
        foreach (var label in GraphModel.Labels)
            Assert.Contains($"FOR (n:{label}) REQUIRE n.key IS UNIQUE", string.Join("\n", schema));
    }
}
