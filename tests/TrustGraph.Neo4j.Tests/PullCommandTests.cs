using TrustGraph.Cli;
using TrustGraph.Loading;

namespace TrustGraph.Neo4j.Tests;

/// <summary><c>trustgraph neo4j pull --out DIR</c> against the fake Query API with a <see cref="FakeGraph"/> behind it.</summary>
[Collection("Neo4j environment")]
public sealed class PullCommandTests : IAsyncLifetime
{
    private FakeQueryApi _server = null!;
    private FakeGraph _graph = null!;
    private readonly Dictionary<string, string?> _saved = new();
    private readonly string _work = Directory.CreateTempSubdirectory("pull-test").FullName;

    public async Task InitializeAsync()
    {
        _server = await FakeQueryApi.StartAsync();
        _graph = FakeGraph.Behind(_server);
        Set("NEO4J_URI", _server.Uri.ToString());
        Set("NEO4J_USER", FakeQueryApi.User);
        Set("NEO4J_PASSWORD", FakeQueryApi.Password);
        Set("NEO4J_DATABASE", null);
    }

    public async Task DisposeAsync()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
        await _server.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    private void Set(string name, string? value)
    {
        _saved.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }

    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Data => Path.Combine(TestData.Root, "data");

    [Fact]
    public void Push_then_pull_writes_a_folder_that_loads_as_the_dataset_that_was_pushed()
    {
        Assert.Equal(0, Run("neo4j", "push", "--data", Data).Exit);
        var target = Path.Combine(_work, "pulled");

        var (exit, output, error) = Run("neo4j", "pull", "--out", target);

        Assert.True(exit == 0, error);
        Assert.Contains($"Pulled 5 authorities and 5 sources from Neo4j at {_server.Uri}", output);
        Assert.Contains("\n  suffolk: 1 arrangement, 9 bodies, 16 seats, 7 lines, 25 duties\n", output);
        Assert.Contains("\n  worcestershire: 2 arrangements, 13 bodies, ", output);
        var pulled = DatasetLoader.Load(target);
        Assert.True(pulled.IsValid, string.Join("\n", pulled.Errors));
        DatasetAssert.Same(TestData.Shipped, pulled.Dataset!);
        Assert.Equal(["anyplace", "calderdale", "suffolk", "worcestershire", "york"],
            Directory.GetDirectories(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(Directory.GetDirectories(_work), d => Path.GetFileName(d).StartsWith('.'));
        Assert.Equal(0, Run("validate", "--data", target).Exit);
    }

    [Fact]
    public void Pull_into_a_folder_that_is_not_empty_writes_nothing_and_reads_nothing()
    {
        Assert.Equal(0, Run("neo4j", "push", "--data", Data).Exit);
        var target = Path.Combine(_work, "existing");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "notes.txt"), "mine");
        var before = _server.Requests.Count;

        var (exit, _, error) = Run("neo4j", "pull", "--out", target);

        Assert.Equal(CliApp.InvalidInput, exit);
        Assert.Contains("is not an empty folder; nothing was read or written", error);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(target).Select(Path.GetFileName));
        Assert.Equal(before, _server.Requests.Count);
    }

    [Fact]
    public void Pull_of_an_invalid_graph_lists_every_problem_and_writes_nothing()
    {
        Assert.Equal(0, Run("neo4j", "push", "--data", Data).Exit);
        _graph.NodeOf("Body", "suffolk/ecg").Properties["kind"] = "boss";
        _graph.RelationshipOf("HOLDS_SEAT", "york/seat/0").Properties["status"] = "\u001b[2Jgone";
        var target = Path.Combine(_work, "invalid");

        var (exit, output, error) = Run("neo4j", "pull", "--out", target);

        Assert.Equal(CliApp.InvalidInput, exit);
        Assert.Contains("is not a valid TrustGraph dataset (2 problems); nothing was written:", error);
        Assert.Contains("  neo4j:Body: node 'suffolk/ecg': unknown kind 'boss'; expected one of: lsp, trust-board,", error);
        Assert.Contains("  neo4j:HOLDS_SEAT: relationship 'york/seat/0': unknown status '\\u001B[2Jgone'; expected one of: filled, vacant", error);
        Assert.DoesNotContain('\u001b', error);
        Assert.Equal("", output);
        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.GetFileSystemEntries(_work));
    }

    [Fact]
    public void Pull_from_an_empty_neo4j_says_to_push_first()
    {
        var (exit, _, error) = Run("neo4j", "pull", "--out", Path.Combine(_work, "empty"));
        Assert.Equal(CliApp.InvalidInput, exit);
        Assert.Contains("holds no TrustGraph authority", error);
        Assert.Contains("push a dataset first, or check NEO4J_DATABASE", error);
    }

    [Fact]
    public void Pull_from_a_neo4j_that_cannot_be_reached_exits_3_and_names_the_address()
    {
        Set("NEO4J_URI", "http://127.0.0.1:1");
        var (exit, _, error) = Run("neo4j", "pull", "--out", Path.Combine(_work, "unreachable"));
        Assert.Equal(3, exit);
        Assert.Contains("Cannot reach Neo4j at http://127.0.0.1:1/", error);
        Assert.Empty(Directory.GetFileSystemEntries(_work));
    }

    [Fact]
    public void Pull_with_a_wrong_password_exits_3_and_names_the_settings()
    {
        Assert.Equal(0, Run("neo4j", "push", "--data", Data).Exit);
        Set("NEO4J_PASSWORD", "wrong");
        var (exit, _, error) = Run("neo4j", "pull", "--out", Path.Combine(_work, "refused"));
        Assert.Equal(3, exit);
        Assert.Contains("NEO4J_USER and NEO4J_PASSWORD", error);
        Assert.DoesNotContain("wrong", error);
    }
}
