using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrustGraph.Neo4j;

/// <summary>The rows a statement returned: <c>data.fields</c> and <c>data.values</c> of the Query API's answer.</summary>
public sealed record QueryResult(IReadOnlyList<string> Fields, IReadOnlyList<JsonElement[]> Values)
{
    public static readonly QueryResult Empty = new([], []);

    /// <summary>Each row as field name → value.</summary>
    public IEnumerable<IReadOnlyDictionary<string, JsonElement>> Rows =>
        Values.Select(v => (IReadOnlyDictionary<string, JsonElement>)Fields.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => v[x.i]));
}

/// <summary>
/// Neo4j's HTTP Query API (<c>POST /db/{database}/query/v2</c>, Neo4j 5.19+) over <see cref="HttpClient"/> with basic auth.
/// Every answer is checked for an <c>errors</c> array whatever its HTTP status (the API can answer 202 for a failed
/// statement); failures become a <see cref="Neo4jException"/> that names what to check. Data goes in
/// <c>parameters</c>, never into the statement text.
/// </summary>
public sealed class QueryApiClient : IDisposable
{
    private const string AffinityHeader = "neo4j-cluster-affinity";
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    public QueryApiClient(Neo4jOptions options, HttpMessageHandler? handler = null)
    {
        Options = options;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _ownsHttp = true;
        _http.Timeout = options.RequestTimeout;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.User}:{options.Password}")));
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public Neo4jOptions Options { get; }

    /// <summary>The Query API endpoint of the configured database.</summary>
    public Uri QueryEndpoint => new(Options.Uri, $"{Options.Uri.AbsolutePath.TrimEnd('/')}/db/{Uri.EscapeDataString(Options.Database)}/query/v2");

    /// <summary>Runs one statement in its own (implicit) transaction.</summary>
    public async Task<QueryResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancel = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, QueryEndpoint) { Content = Body(statement, parameters) };
        var (json, _) = await SendAsync(request, cancel);
        return ReadResult(json);
    }

    /// <summary>Opens an explicit transaction (<c>POST …/query/v2/tx</c>); commit it, or roll it back on failure.</summary>
    public async Task<QueryApiTransaction> BeginAsync(CancellationToken cancel = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(QueryEndpoint + "/tx"));
        var (json, response) = await SendAsync(request, cancel);
        var id = json?["transaction"]?["id"]?.GetValue<string>();
        if (string.IsNullOrEmpty(id))
            throw new Neo4jException(Neo4jProblem.NotQueryApi,
                $"Neo4j at {Options.Uri} opened no transaction (the answer had no transaction id); check that it is Neo4j 5.19 or newer.");
        var affinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? values.FirstOrDefault() : null;
        return new QueryApiTransaction(this, new Uri(QueryEndpoint + "/tx/" + Uri.EscapeDataString(id)), id, affinity);
    }

    internal async Task<QueryResult> RunInAsync(QueryApiTransaction tx, Uri endpoint, string? statement, IReadOnlyDictionary<string, object?>? parameters, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        if (statement is not null) request.Content = Body(statement, parameters);
        if (tx.Affinity is not null) request.Headers.TryAddWithoutValidation(AffinityHeader, tx.Affinity);
        var (json, _) = await SendAsync(request, cancel);
        return ReadResult(json);
    }

    internal async Task DeleteAsync(QueryApiTransaction tx, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, tx.Endpoint);
        if (tx.Affinity is not null) request.Headers.TryAddWithoutValidation(AffinityHeader, tx.Affinity);
        await SendAsync(request, cancel);
    }

    private static StringContent Body(string statement, IReadOnlyDictionary<string, object?>? parameters)
    {
        var body = new Dictionary<string, object?> { ["statement"] = statement };
        if (parameters is { Count: > 0 }) body["parameters"] = parameters;
        return new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
    }

    private async Task<(JsonNode? Json, HttpResponseMessage Response)> SendAsync(HttpRequestMessage request, CancellationToken cancel)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancel);
        }
        catch (HttpRequestException e)
        {
            throw new Neo4jException(Neo4jProblem.Unreachable,
                $"Cannot reach Neo4j at {Options.Uri}: {e.Message.TrimEnd('.')}. Check that Neo4j is running and that NEO4J_URI is its HTTP address (e.g. http://localhost:7474).",
                inner: e);
        }
        catch (TaskCanceledException e) when (!cancel.IsCancellationRequested)
        {
            throw new Neo4jException(Neo4jProblem.Unreachable,
                $"Neo4j at {Options.Uri} did not answer within {Options.RequestTimeout.TotalSeconds:0} s. Check that the server is up and not overloaded.",
                inner: e);
        }

        var text = await response.Content.ReadAsStringAsync(cancel);
        JsonNode? json = null;
        try { json = string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text); }
        catch (JsonException) { }

        var error = json?["errors"] is JsonArray { Count: > 0 } errors ? errors[0] : null;
        var code = error?["code"]?.GetValue<string>();
        var message = error?["message"]?.GetValue<string>() ?? "";

        if (response.StatusCode == HttpStatusCode.Unauthorized || code is "Neo.ClientError.Security.Unauthorized")
            throw new Neo4jException(Neo4jProblem.Unauthorized,
                $"Neo4j at {Options.Uri} refused the user name or password for '{Options.User}'{(message.Length > 0 ? $" ({message})" : "")}. "
                + "Check NEO4J_USER and NEO4J_PASSWORD (or Neo4j:User and Neo4j:Password); a new server wants its initial password changed first, e.g. with NEO4J_AUTH.",
                code);
        if (code is not null)
            throw FromCode(code, message);
        if (response.StatusCode == HttpStatusCode.Forbidden)
            throw new Neo4jException(Neo4jProblem.ClientError,
                $"Neo4j at {Options.Uri} forbade the request (403) for user '{Options.User}'. Check that the user may read and write database '{Options.Database}'.");
        if (!response.IsSuccessStatusCode || (json is null && request.Method != HttpMethod.Delete))
            throw new Neo4jException(Neo4jProblem.NotQueryApi,
                $"The server at {Options.Uri} answered {(int)response.StatusCode} {response.ReasonPhrase} to {request.Method} {request.RequestUri!.AbsolutePath}, "
                + "not as Neo4j's Query API does. Check that NEO4J_URI points at Neo4j's HTTP port (7474) and that the server is Neo4j 5.19 or newer.");
        return (json, response);
    }

    private Neo4jException FromCode(string code, string message)
    {
        if (code.StartsWith("Neo.TransientError.", StringComparison.Ordinal))
            return new Neo4jException(Neo4jProblem.TransientError, $"Neo4j could not do this right now ({code}: {message}); it may work if tried again.", code);
        if (code is "Neo.ClientError.Database.DatabaseNotFound")
            return new Neo4jException(Neo4jProblem.DatabaseNotFound,
                $"Neo4j at {Options.Uri} has no database '{Options.Database}' ({message}). Check NEO4J_DATABASE (or Neo4j:Database); Neo4j Community has one user database, 'neo4j'.", code);
        if (code.StartsWith("Neo.ClientError.Security.", StringComparison.Ordinal))
            return new Neo4jException(Neo4jProblem.ClientError,
                $"Neo4j refused the request ({code}: {message}). Check the permissions of user '{Options.User}' and, if it says so, change the initial password.", code);
        if (code.StartsWith("Neo.ClientError.", StringComparison.Ordinal))
            return new Neo4jException(Neo4jProblem.ClientError,
                $"Neo4j rejected a statement ({code}: {message}). Check that the server is Neo4j 5.19 or newer and that nothing else writes TrustGraph's labels.", code);
        return new Neo4jException(Neo4jProblem.DatabaseError, $"Neo4j failed ({code}: {message}). Check the Neo4j server's log (neo4j.log, debug.log).", code);
    }

    private static QueryResult ReadResult(JsonNode? json)
    {
        if (json?["data"] is not JsonObject data) return QueryResult.Empty;
        var fields = (data["fields"] as JsonArray ?? []).Select(f => f!.GetValue<string>()).ToList();
        var values = new List<JsonElement[]>();
        foreach (var row in data["values"] as JsonArray ?? [])
        {
            var cells = row is JsonArray arr ? arr.Select(Element).ToArray() : [Element(row)];
            values.Add(cells);
        }
        return new QueryResult(fields, values);
    }

    private static JsonElement Element(JsonNode? node) =>
        JsonDocument.Parse(node?.ToJsonString() ?? "null").RootElement.Clone();

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}

/// <summary>
/// An explicit transaction of the Query API. Statements run in order on <c>POST …/tx/{id}</c>; <see cref="CommitAsync"/>
/// ends it; <see cref="RollbackAsync"/> (<c>DELETE …/tx/{id}</c>) undoes everything in it. The cluster-affinity header
/// the server gave when it opened the transaction is sent back on every later call.
/// </summary>
public sealed class QueryApiTransaction
{
    private readonly QueryApiClient _client;

    internal QueryApiTransaction(QueryApiClient client, Uri endpoint, string id, string? affinity)
    {
        _client = client;
        Endpoint = endpoint;
        Id = id;
        Affinity = affinity;
    }

    public string Id { get; }
    internal Uri Endpoint { get; }
    internal string? Affinity { get; }
    public bool IsOpen { get; private set; } = true;

    public Task<QueryResult> RunAsync(string statement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancel = default) =>
        _client.RunInAsync(this, Endpoint, statement, parameters, cancel);

    public async Task CommitAsync(CancellationToken cancel = default)
    {
        IsOpen = false;
        await _client.RunInAsync(this, new Uri(Endpoint + "/commit"), null, null, cancel);
    }

    /// <summary>Rolls back; a transaction Neo4j already ended (an error rolls it back on the server) is not an error here.</summary>
    public async Task RollbackAsync(CancellationToken cancel = default)
    {
        if (!IsOpen) return;
        IsOpen = false;
        try { await _client.DeleteAsync(this, cancel); }
        catch (Neo4jException) { }
    }
}
