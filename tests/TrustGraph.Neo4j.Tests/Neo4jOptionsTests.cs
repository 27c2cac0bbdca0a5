using TrustGraph.Neo4j;

namespace TrustGraph.Neo4j.Tests;

public sealed class Neo4jOptionsTests
{
    private static Func<string, string?> Settings(params (string Key, string Value)[] values) =>
        key => values.FirstOrDefault(v => v.Key == key).Value;

    [Fact]
    public void Environment_variables_give_the_uri_user_password_and_database()
    {
        var o = Neo4jOptions.From(Settings(("NEO4J_URI", "http://db:7474"), ("NEO4J_USER", "trust"), ("NEO4J_PASSWORD", "pw"), ("NEO4J_DATABASE", "trusts")), out var error);
        Assert.Null(error);
        Assert.Equal(new Uri("http://db:7474"), o!.Uri);
        Assert.Equal(("trust", "pw", "trusts"), (o.User, o.Password, o.Database));
    }

    [Fact]
    public void Configuration_keys_are_read_and_the_environment_wins_over_them()
    {
        var o = Neo4jOptions.From(Settings(("Neo4j:Uri", "http://config:7474"), ("Neo4j:Password", "from-config"), ("NEO4J_URI", "http://env:7474")), out _);
        Assert.Equal("env", o!.Uri.Host);
        Assert.Equal("from-config", o.Password);
        Assert.Equal(("neo4j", "neo4j"), (o.User, o.Database));
    }

    [Fact]
    public void A_bolt_uri_is_refused_with_the_http_address_to_use_instead()
    {
        Assert.Null(Neo4jOptions.From(Settings(("NEO4J_URI", "bolt://db:7687"), ("NEO4J_PASSWORD", "pw")), out var error));
        Assert.Contains("http://db:7474", error);
    }

    [Fact]
    public void No_uri_or_no_password_says_which_setting_is_missing()
    {
        Assert.Null(Neo4jOptions.From(Settings(("NEO4J_PASSWORD", "pw")), out var noUri));
        Assert.Contains("NEO4J_URI", noUri);
        Assert.Null(Neo4jOptions.From(Settings(("NEO4J_URI", "http://db:7474")), out var noPassword));
        Assert.Contains("NEO4J_PASSWORD", noPassword);
    }

    [Fact]
    public void The_options_never_show_the_password()
    {
        var o = Neo4jOptions.From(Settings(("NEO4J_URI", "http://db:7474"), ("NEO4J_PASSWORD", "hunter2")), out _)!;
        Assert.DoesNotContain("hunter2", o.ToString());
    }
}
