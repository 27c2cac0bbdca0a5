using TrustGraph.Cli;

namespace TrustGraph.Neo4j.Tests;

/// <summary>Tests that set NEO4J_* for the in-process CLI run one at a time, and never beside the integration tests.</summary>
[CollectionDefinition("Neo4j environment", DisableParallelization = true)]
public sealed class Neo4jEnvironmentCollection;

[Collection("Neo4j environment")]
public sealed class CliCommandTests : IAsyncLifetime
{
    private FakeQueryApi _server = null!;
    private readonly Dictionary<string, string?> _saved = new();

    public async Task InitializeAsync() => _server = await FakeQueryApi.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
        await _server.DisposeAsync();
    }

    private void Set(string name, string? value)
    {
        _saved.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }

    private void PointAtFake(string? password = null)
    {
        Set("NEO4J_URI", _server.Uri.ToString());
        Set("NEO4J_USER", FakeQueryApi.User);
        Set("NEO4J_PASSWORD", password ?? FakeQueryApi.Password);
        Set("NEO4J_DATABASE", null);
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
    public void Push_shows_progress_for_each_authority()
    {
        PointAtFake();
        var (exit, output, error) = Run("neo4j", "push", "--data", Data);

        Assert.True(exit == 0, error);
        foreach (var id in new[] { "calderdale", "suffolk", "york", "worcestershire", "anyplace" })
            Assert.Matches($@"(?m)^  {id}: \d+ bodies, \d+ seats, \d+ lines, \d+ duties → \d+ nodes, \d+ relationships in 1 transaction", output);
        Assert.Contains("Pushed 5 authorities", output);
        Assert.Equal(6, _server.Requests.Count(r => r.IsCommit));
    }

    [Fact]
    public void Push_of_one_authority_writes_only_that_authority()
    {
        PointAtFake();
        var (exit, output, _) = Run("neo4j", "push", "--data", Data, "--authority", "york", "--replace");
        Assert.Equal(0, exit);
        Assert.Contains("replacing each authority's old subgraph", output);
        Assert.Contains("Pushed 1 authority.", output);
        Assert.Equal(2, _server.Requests.Count(r => r.IsCommit));
    }

    [Fact]
    public void Push_if_empty_skips_a_database_that_already_holds_trustgraph_data()
    {
        PointAtFake();
        _server.Answer = r => r.IsImplicit && r.Statement!.Contains("count(a) > 0") ? FakeAnswer.Rows(["any"], [true]) : null;
        var (exit, output, _) = Run("neo4j", "push", "--data", Data, "--if-empty");
        Assert.Equal(0, exit);
        Assert.Contains("nothing pushed", output);
        Assert.DoesNotContain(_server.Requests, r => r.IsBegin);
    }

    [Fact]
    public void A_wrong_password_exits_3_and_says_what_to_check()
    {
        PointAtFake(password: "not-it");
        var (exit, _, error) = Run("neo4j", "push", "--data", Data);
        Assert.Equal(3, exit);
        Assert.Contains("NEO4J_PASSWORD", error);
        Assert.DoesNotContain("not-it", error);
    }

    [Fact]
    public void A_neo4j_error_during_an_authority_says_nothing_of_it_was_written()
    {
        PointAtFake();
        _server.Answer = r => r.IsInTransaction && r.Parameters?.ToJsonString().Contains("\"suffolk\"") == true
            ? FakeAnswer.Error("Neo.ClientError.Statement.SemanticError", "boom") : null;
        var (exit, _, error) = Run("neo4j", "push", "--data", Data);
        Assert.Equal(3, exit);
        Assert.Contains("Neo.ClientError.Statement.SemanticError", error);
        Assert.Contains("nothing of suffolk was written", error);
        Assert.Single(_server.Requests, r => r.IsRollback);
    }

    [Fact]
    public void Analyse_on_neo4j_without_settings_names_the_variable_to_set()
    {
        Set("NEO4J_URI", null);
        Set("Neo4j:Uri", null);
        var (exit, _, error) = Run("analyse", "--backend", "neo4j", "--data", Data);
        Assert.Equal(2 + 1, exit);
        Assert.Contains("NEO4J_URI", error);
    }

    [Fact]
    public void Neo4j_analyse_asks_the_server_for_each_twin_and_prints_the_findings_json()
    {
        PointAtFake();
        var (exit, output, error) = Run("neo4j", "analyse", "--data", Data, "--format", "json", "--authority", "york");
        Assert.True(exit == 0, error);
        Assert.Contains("\"findings\": []", output);
        Assert.Equal(4, _server.Requests.Count(r => r.IsImplicit));
        Assert.All(_server.Requests, r => Assert.Equal("york", r.Parameters!["authority"]!.GetValue<string>()));
    }

    [Fact]
    public void Export_writes_each_format_where_asked()
    {
        var folder = Directory.CreateTempSubdirectory("export").FullName;
        try
        {
            foreach (var format in new[] { "cypher", "graphml", "popolo", "kumu" })
            {
                var file = Path.Combine(folder, "out." + format);
                var (exit, output, error) = Run("export", "--format", format, "--out", file, "--data", Data, "--authority", "suffolk");
                Assert.True(exit == 0, error);
                Assert.Contains(file, output);
                Assert.Contains("Trust Partnership Board", File.ReadAllText(file));
                Assert.DoesNotContain("Joint Commissioning Board (JCB)", File.ReadAllText(file));
            }
            var admin = Path.Combine(folder, "admin");
            Assert.Equal(0, Run("export", "--format", "neo4j-admin", "--out", admin, "--data", Data).Exit);
            Assert.True(File.Exists(Path.Combine(admin, "nodes_Body.csv")));
            Assert.True(File.Exists(Path.Combine(admin, "import.sh")));
            var kumu = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "out.kumu")))!;
            Assert.Contains(kumu["elements"]!.AsArray(), e => e!["label"]!.GetValue<string>().Contains("Trust Partnership Board"));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void Export_without_a_known_format_is_a_usage_error()
    {
        var (exit, _, error) = Run("export", "--format", "xlsx", "--data", Data);
        Assert.Equal(2, exit);
        Assert.Contains("xlsx", error);
    }
}
