using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace TrustGraph.Neo4j.Tests;

/// <summary>
/// docker-compose.yml and the Dockerfile cannot be run here (no Docker engine); they are parsed and checked for what a
/// user relies on, and validated by Debian's docker-compose (<c>docker-compose config</c>) when it is installed.
/// </summary>
public sealed class ComposeFileTests
{
    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(TestData.Root, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)];
    private static string Scalar(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value!;

    [Fact]
    public void Neo4j_is_community_5_with_auth_from_the_env_file_a_data_volume_and_an_http_healthcheck()
    {
        var neo4j = Map(Map(Compose(), "services"), "neo4j");
        Assert.StartsWith("neo4j:5", Scalar(neo4j, "image"));
        Assert.Contains("community", Scalar(neo4j, "image"));
        Assert.Contains("${NEO4J_PASSWORD", Scalar(Map(neo4j, "environment"), "NEO4J_AUTH"));
        Assert.Contains(((YamlSequenceNode)neo4j.Children[new YamlScalarNode("volumes")]).Children, v => v.ToString().EndsWith(":/data"));
        var test = string.Join(" ", ((YamlSequenceNode)Map(neo4j, "healthcheck").Children[new YamlScalarNode("test")]).Children);
        Assert.Contains("http://localhost:7474", test);
        Assert.True(Map(Compose(), "volumes").Children.ContainsKey(new YamlScalarNode("neo4j-data")));
    }

    [Fact]
    public void The_viewer_is_built_here_and_starts_after_neo4j_is_healthy_and_the_data_is_loaded()
    {
        var services = Map(Compose(), "services");
        var viewer = Map(services, "viewer");
        Assert.Equal(".", Scalar(viewer, "build"));
        Assert.EndsWith(":8080", ((YamlSequenceNode)viewer.Children[new YamlScalarNode("ports")]).Children[0].ToString());
        Assert.Equal("service_healthy", Scalar(Map(Map(viewer, "depends_on"), "neo4j"), "condition"));
        Assert.Equal("service_completed_successfully", Scalar(Map(Map(viewer, "depends_on"), "load"), "condition"));
        var environment = Map(viewer, "environment");
        Assert.Equal("http://neo4j:7474", Scalar(environment, "NEO4J_URI"));
        Assert.Equal("http://neo4j:7474", Scalar(environment, "Neo4j__Uri"));

        var load = Map(services, "load");
        Assert.Equal("service_healthy", Scalar(Map(Map(load, "depends_on"), "neo4j"), "condition"));
        var command = ((YamlSequenceNode)load.Children[new YamlScalarNode("command")]).Children.Select(c => c.ToString()).ToList();
        Assert.Equal(["neo4j", "push", "--data", "/app/data", "--if-empty"], command);
    }

    [Fact]
    public void The_dockerfile_builds_in_stages_without_node_and_runs_as_a_non_root_user()
    {
        var lines = File.ReadAllLines(Path.Combine(TestData.Root, "Dockerfile"));
        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, froms.Count);
        Assert.Contains("dotnet/sdk:10.0 AS build", froms[0]);
        Assert.Contains("dotnet/aspnet:10.0", froms[1]);
        Assert.DoesNotContain(lines, l => l.Contains("nodejs") || l.Contains("npm"));
        var user = lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotContain("root", user);
        Assert.True(Array.IndexOf(lines, user) > Array.IndexOf(lines, froms[1]), "USER must apply to the runtime stage");
        Assert.Contains(lines, l => l.Contains("TrustGraph.Web.dll"));
    }

    [Fact]
    public void The_env_example_holds_every_variable_the_compose_file_needs()
    {
        var example = File.ReadAllText(Path.Combine(TestData.Root, ".env.example"));
        var compose = File.ReadAllText(Path.Combine(TestData.Root, "docker-compose.yml"));
        var needed = System.Text.RegularExpressions.Regex.Matches(compose, @"\$\{([A-Z0-9_]+)").Select(m => m.Groups[1].Value).Distinct();
        Assert.All(needed, v => Assert.Contains(v + "=", example));
    }

    [SkippableFact]
    public void Debian_docker_compose_validates_the_file()
    {
        var binary = new[] { "/usr/bin/docker-compose", "/usr/local/bin/docker-compose" }.FirstOrDefault(File.Exists);
        Skip.If(binary is null, "docker-compose is not installed (apt-get install docker-compose) to validate docker-compose.yml");
        var start = new ProcessStartInfo(binary!, "-f docker-compose.yml config -q")
        {
            WorkingDirectory = TestData.Root, RedirectStandardError = true, RedirectStandardOutput = true,
        };
        start.Environment["NEO4J_PASSWORD"] = "validation-only";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
    }
}
