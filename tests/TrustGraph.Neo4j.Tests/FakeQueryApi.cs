using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TrustGraph.Neo4j;

namespace TrustGraph.Neo4j.Tests;

/// <summary>One request the fake server received: method, path, headers that matter, and the statement with its parameters.</summary>
public sealed record ReceivedRequest(string Method, string Path, string? Authorization, string? Affinity, string? Statement, JsonNode? Parameters)
{
    public bool IsBegin => Method == "POST" && Path.EndsWith("/query/v2/tx", StringComparison.Ordinal);
    public bool IsCommit => Method == "POST" && Path.EndsWith("/commit", StringComparison.Ordinal);
    public bool IsRollback => Method == "DELETE";
    public bool IsImplicit => Method == "POST" && Path.EndsWith("/query/v2", StringComparison.Ordinal);
    public bool IsInTransaction => Method == "POST" && Path.Contains("/query/v2/tx/", StringComparison.Ordinal) && !IsCommit;
}

/// <summary>What the fake answers: an HTTP status, a JSON body, and headers.</summary>
public sealed record FakeAnswer(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeAnswer Error(string code, string message, int status = 202) =>
        new(status, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message }) }.ToJsonString());

    public static FakeAnswer Rows(string[] fields, params object?[][] rows) =>
        new(202, new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["fields"] = new JsonArray(fields.Select(f => (JsonNode?)f).ToArray()),
                ["values"] = JsonSerializer.SerializeToNode(rows),
            },
            ["bookmarks"] = new JsonArray("FB:test"),
        }.ToJsonString());
}

/// <summary>
/// An in-process HTTP server (Kestrel on 127.0.0.1, a free port) that speaks the documented JSON of Neo4j's Query API:
/// <c>POST /db/{db}/query/v2</c>, <c>POST …/tx</c> (answers a transaction id and a cluster-affinity header),
/// <c>POST …/tx/{id}</c>, <c>POST …/tx/{id}/commit</c>, <c>DELETE …/tx/{id}</c>. It records every request; a test may
/// script an answer for any request through <see cref="Answer"/>, else it answers success with no rows.
/// </summary>
public sealed class FakeQueryApi : IAsyncDisposable
{
    public const string User = "neo4j";
    public const string Password = "s3cret-pa55";
    public const string AffinityValue = "MTAuOC41Ljc6MTc0NzQ=";

    private readonly WebApplication _app;
    private int _nextTx;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>Return an answer to override the default for a request (null: default behaviour).</summary>
    public Func<ReceivedRequest, FakeAnswer?>? Answer { get; set; }

    private FakeQueryApi(WebApplication app) => _app = app;

    public Uri Uri => new(_app.Urls.First());

    public static async Task<FakeQueryApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeQueryApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    public Neo4jOptions Options(string? password = null) =>
        new(Uri, User, password ?? Password, "neo4j") { RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(4) };

    public IReadOnlyList<ReceivedRequest> Requests => Received.ToList();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string? statement = null;
        JsonNode? parameters = null;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            var text = await reader.ReadToEndAsync();
            if (!string.IsNullOrWhiteSpace(text))
            {
                var json = JsonNode.Parse(text)!;
                statement = json["statement"]?.GetValue<string>();
                parameters = json["parameters"]?.DeepClone();
            }
        }
        var received = new ReceivedRequest(request.Method, request.Path.Value ?? "", request.Headers.Authorization.FirstOrDefault(),
            request.Headers["neo4j-cluster-affinity"].FirstOrDefault(), statement, parameters);
        Received.Enqueue(received);

        var answer = Answer?.Invoke(received) ?? Default(received);
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        await context.Response.WriteAsync(answer.Body);
    }

    private FakeAnswer Default(ReceivedRequest r)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));
        if (r.Authorization != expected)
            return new FakeAnswer(401, new JsonObject { ["errors"] = new JsonArray(new JsonObject
                { ["code"] = "Neo.ClientError.Security.Unauthorized", ["message"] = "The client is unauthorized due to authentication failure." }) }.ToJsonString());
        if (r.IsBegin)
        {
            var id = "tx" + Interlocked.Increment(ref _nextTx);
            return new FakeAnswer(202, new JsonObject
            {
                ["transaction"] = new JsonObject { ["id"] = id, ["expires"] = "2030-01-01T00:00:00Z" },
            }.ToJsonString(), new Dictionary<string, string> { ["neo4j-cluster-affinity"] = AffinityValue });
        }
        if (r.IsRollback) return new FakeAnswer(200, "");
        return FakeAnswer.Rows([]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
