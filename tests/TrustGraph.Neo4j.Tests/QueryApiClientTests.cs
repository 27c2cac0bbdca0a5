using System.Text;
using TrustGraph.Neo4j;

namespace TrustGraph.Neo4j.Tests;

public sealed class QueryApiClientTests : IAsyncLifetime
{
    private FakeQueryApi _server = null!;

    public async Task InitializeAsync() => _server = await FakeQueryApi.StartAsync();
    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_statement_goes_to_the_query_endpoint_with_basic_auth_and_its_parameters()
    {
        using var client = new QueryApiClient(_server.Options());
        await client.RunAsync("RETURN $x AS x", new Dictionary<string, object?> { ["x"] = "O'Brien" });

        var r = Assert.Single(_server.Requests);
        Assert.Equal("POST", r.Method);
        Assert.Equal("/db/neo4j/query/v2", r.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("neo4j:s3cret-pa55")), r.Authorization);
        Assert.Equal("RETURN $x AS x", r.Statement);
        Assert.Equal("O'Brien", r.Parameters!["x"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rows_come_back_by_field_name()
    {
        _server.Answer = _ => FakeAnswer.Rows(["name", "n"], ["Suffolk", 3], ["York", 4]);
        using var client = new QueryApiClient(_server.Options());
        var result = await client.RunAsync("MATCH (a) RETURN a.name AS name, 3 AS n");

        Assert.Equal(["name", "n"], result.Fields);
        Assert.Equal(["Suffolk", "York"], result.Rows.Select(r => r["name"].GetString()));
        Assert.Equal([3L, 4L], result.Rows.Select(r => r["n"].GetInt64()));
    }

    [Fact]
    public async Task A_transaction_echoes_the_cluster_affinity_header_on_every_later_call()
    {
        using var client = new QueryApiClient(_server.Options());
        var tx = await client.BeginAsync();
        await tx.RunAsync("RETURN 1");
        await tx.CommitAsync();

        var requests = _server.Requests;
        Assert.True(requests[0].IsBegin);
        Assert.Equal($"/db/neo4j/query/v2/tx/{tx.Id}", requests[1].Path);
        Assert.Equal($"/db/neo4j/query/v2/tx/{tx.Id}/commit", requests[2].Path);
        Assert.All(requests.Skip(1), r => Assert.Equal(FakeQueryApi.AffinityValue, r.Affinity));
    }

    [Fact]
    public async Task A_wrong_password_says_which_settings_to_check()
    {
        using var client = new QueryApiClient(_server.Options(password: "wrong"));
        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN 1"));

        Assert.Equal(Neo4jProblem.Unauthorized, e.Problem);
        Assert.Contains("NEO4J_USER and NEO4J_PASSWORD", e.Message);
        Assert.DoesNotContain("wrong", e.Message);
    }

    [Fact]
    public async Task An_unauthorized_error_code_is_a_wrong_password_even_with_status_202()
    {
        _server.Answer = _ => FakeAnswer.Error("Neo.ClientError.Security.Unauthorized", "authentication failure");
        using var client = new QueryApiClient(_server.Options());
        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN 1"));
        Assert.Equal(Neo4jProblem.Unauthorized, e.Problem);
    }

    [Fact]
    public async Task An_errors_array_is_a_failure_whatever_the_status()
    {
        _server.Answer = _ => FakeAnswer.Error("Neo.ClientError.Statement.SyntaxError", "Invalid input 'RETRUN'", status: 202);
        using var client = new QueryApiClient(_server.Options());
        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETRUN 1"));

        Assert.Equal(Neo4jProblem.ClientError, e.Problem);
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", e.Code);
        Assert.Contains("Neo.ClientError.Statement.SyntaxError", e.Message);
        Assert.Contains("Invalid input 'RETRUN'", e.Message);
    }

    [Fact]
    public async Task A_missing_database_names_the_setting()
    {
        _server.Answer = _ => FakeAnswer.Error("Neo.ClientError.Database.DatabaseNotFound", "Database does not exist. Database name: 'trusts'.", status: 404);
        using var client = new QueryApiClient(_server.Options() with { Database = "trusts" });
        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN 1"));

        Assert.Equal(Neo4jProblem.DatabaseNotFound, e.Problem);
        Assert.Contains("NEO4J_DATABASE", e.Message);
        Assert.Equal("/db/trusts/query/v2", _server.Requests[0].Path);
    }

    [Fact]
    public async Task A_server_that_is_not_the_query_api_is_reported_as_such()
    {
        _server.Answer = _ => new FakeAnswer(404, "<html>Not Found</html>");
        using var client = new QueryApiClient(_server.Options());
        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN 1"));

        Assert.Equal(Neo4jProblem.NotQueryApi, e.Problem);
        Assert.Contains("5.19", e.Message);
        Assert.Contains("7474", e.Message);
    }

    [Fact]
    public async Task An_unreachable_server_says_to_check_that_neo4j_runs_and_the_uri()
    {
        var port = _server.Uri.Port;
        await _server.DisposeAsync();
        _server = await FakeQueryApi.StartAsync();
        using var client = new QueryApiClient(new Neo4jOptions(new Uri($"http://127.0.0.1:{port}"), "neo4j", "x", "neo4j"));
        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.RunAsync("RETURN 1"));

        Assert.Equal(Neo4jProblem.Unreachable, e.Problem);
        Assert.Contains($"127.0.0.1:{port}", e.Message);
        Assert.Contains("NEO4J_URI", e.Message);
    }

    [Fact]
    public async Task A_transient_error_is_retried_with_growing_waits_until_it_works()
    {
        var calls = 0;
        _server.Answer = _ => ++calls < 3 ? FakeAnswer.Error("Neo.TransientError.Transaction.DeadlockDetected", "deadlock") : null;
        var waits = new List<TimeSpan>();
        var options = _server.Options() with { RetryDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromSeconds(1) };
        using var client = new QueryApiClient(options);
        var retry = new TransientRetry(options, (wait, _) => { waits.Add(wait); return Task.CompletedTask; });

        await retry.RunAsync(c => client.RunAsync("RETURN 1", null, c));

        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], waits);
    }

    [Fact]
    public async Task Retrying_stops_after_the_last_attempt_and_says_so()
    {
        _server.Answer = _ => FakeAnswer.Error("Neo.TransientError.General.MemoryPoolOutOfMemoryError", "no memory");
        var waits = new List<TimeSpan>();
        var options = _server.Options() with { MaxAttempts = 4, RetryDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromMilliseconds(250) };
        using var client = new QueryApiClient(options);
        var retry = new TransientRetry(options, (wait, _) => { waits.Add(wait); return Task.CompletedTask; });

        var e = await Assert.ThrowsAsync<Neo4jException>(() => retry.RunAsync(c => client.RunAsync("RETURN 1", null, c)));

        Assert.Equal(4, _server.Requests.Count);
        Assert.Equal([100, 200, 250], waits.Select(w => w.TotalMilliseconds));
        Assert.Contains("Gave up after 4 attempts", e.Message);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        _server.Answer = _ => FakeAnswer.Error("Neo.ClientError.Schema.ConstraintValidationFailed", "already exists");
        var options = _server.Options();
        using var client = new QueryApiClient(options);
        var retry = new TransientRetry(options, (_, _) => Task.CompletedTask);

        await Assert.ThrowsAsync<Neo4jException>(() => retry.RunAsync(c => client.RunAsync("RETURN 1", null, c)));
        Assert.Single(_server.Requests);
    }
}
