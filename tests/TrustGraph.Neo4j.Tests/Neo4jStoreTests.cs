using Microsoft.Extensions.Configuration;

namespace TrustGraph.Neo4j.Tests;

/// <summary>What a host (the viewer) gets from <see cref="Neo4jStore"/>: a dataset, or a problem it can show as it shows a bad CSV.</summary>
public sealed class Neo4jStoreTests : IAsyncLifetime
{
    private FakeQueryApi _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeQueryApi.StartAsync();
        FakeGraph.Behind(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public async Task Configured_with_neo4j_keys_the_store_loads_the_pushed_dataset()
    {
        await ReadBack.PushAsync(_server, TestData.Shipped);
        var configuration = Configuration(("Neo4j:Uri", _server.Uri.ToString()), ("Neo4j:User", FakeQueryApi.User), ("Neo4j:Password", FakeQueryApi.Password));

        Assert.True(Neo4jStore.IsConfigured(configuration));
        var result = await Neo4jStore.LoadAsync(configuration);

        DatasetAssert.Same(TestData.Shipped, ReadBack.Valid(result));
        Assert.Equal($"Neo4j at {_server.Uri} (database neo4j, user neo4j)", Neo4jStore.Describe(configuration));
    }

    [Fact]
    public void Without_a_uri_neo4j_is_not_configured()
    {
        Assert.False(Neo4jStore.IsConfigured(Configuration(("Neo4j:Password", "x"), ("TrustGraph:DataPath", "data"))));
    }

    [Fact]
    public async Task A_uri_without_a_password_is_a_problem_that_names_the_missing_setting()
    {
        var configuration = Configuration(("Neo4j:Uri", "http://neo4j:7474"));
        Assert.True(Neo4jStore.IsConfigured(configuration));

        var result = await Neo4jStore.LoadAsync(configuration);

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Dataset);
        Assert.Equal("neo4j: NEO4J_PASSWORD (or Neo4j:Password) is not set; Neo4j needs a password for the user 'neo4j'.", error.ToString());
        Assert.Equal("Neo4j (not fully configured)", Neo4jStore.Describe(configuration));
    }

    [Fact]
    public async Task A_bolt_address_is_a_problem_that_says_to_use_the_http_port()
    {
        var result = await Neo4jStore.LoadAsync(Configuration(("Neo4j:Uri", "bolt://neo4j:7687"), ("Neo4j:Password", "x")));
        Assert.Contains("is a Bolt address; TrustGraph uses Neo4j's HTTP Query API", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public async Task An_unreachable_neo4j_is_a_problem_naming_the_address_not_an_empty_dataset()
    {
        var options = new Neo4jOptions(new Uri("http://127.0.0.1:1"), "neo4j", "x", "neo4j") { MaxAttempts = 1 };

        var result = await Neo4jStore.LoadAsync(options);

        Assert.Null(result.Dataset);
        var error = Assert.Single(result.Errors);
        Assert.Equal("neo4j", error.File);
        Assert.StartsWith("Cannot reach Neo4j at http://127.0.0.1:1/", error.Message);
        Assert.Contains("Check that Neo4j is running", error.Message);
    }

    [Fact]
    public async Task A_refused_password_is_a_problem_that_never_shows_the_password()
    {
        await ReadBack.PushAsync(_server, TestData.Shipped);
        var result = await Neo4jStore.LoadAsync(_server.Options(password: "hunter2-wrong"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("refused the user name or password for 'neo4j'", error.Message);
        Assert.DoesNotContain("hunter2-wrong", error.Message);
    }

    [Fact]
    public async Task A_graph_with_invalid_values_gives_its_problems_and_no_dataset()
    {
        var graph = FakeGraph.Behind(_server);
        await ReadBack.PushAsync(_server, TestData.Shipped);
        graph.NodeOf("Authority", "york").Properties["tier"] = "city";

        var result = await Neo4jStore.LoadAsync(_server.Options());

        Assert.Null(result.Dataset);
        Assert.Equal("neo4j:Authority: node 'york': unknown tier 'city'; expected one of: county, unitary, metropolitan, london-borough",
            Assert.Single(result.Errors).ToString());
    }
}
