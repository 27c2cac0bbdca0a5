using System.Diagnostics;
using System.Text.Json.Nodes;
using TrustGraph.Guidance;
using TrustGraph.Model;
using TrustGraph.Neo4j;
using TrustGraph.Neo4j.Export;

namespace TrustGraph.Neo4j.Tests;

/// <summary>
/// The GraphML export read by a GraphML reader nobody on this project wrote: networkx, from Debian's
/// <c>python3-networkx</c> (run with <c>/usr/bin/python3</c>; .ci/run installs it). networkx checks every
/// <c>&lt;data&gt;</c> against a declared key and converts values by the key's <c>attr.type</c>, so a wrong type or an
/// undeclared key fails the read. In CI (CI=true) or with TRUSTGRAPH_REQUIRE_NETWORKX=1 a missing networkx fails.
/// </summary>
public sealed class GraphMlReaderTests
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import json, sys, networkx
        g = networkx.read_graphml(sys.argv[1], force_multigraph=True)
        body = next(d for n, d in g.nodes(data=True) if d.get('labels') == 'Body')
        print(json.dumps({
            'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),
            'keys': sorted(n for n in g.nodes),
            'node_keys': sorted(d['key'] for n, d in g.nodes(data=True)),
            'ord_type': type(body['ord']).__name__, 'partial_type': type(body['membership_partial']).__name__,
            'inferred': sum(1 for a, b, d in g.edges(data=True) if d.get('basis') == 'inferred'),
        }))
        """;

    private static string? Unavailable()
    {
        var required = Environment.GetEnvironmentVariable("CI") == "true" || Environment.GetEnvironmentVariable("TRUSTGRAPH_REQUIRE_NETWORKX") == "1";
        if (File.Exists(Python) && Run("-c", "import networkx").Exit == 0) return null;
        if (required) throw new InvalidOperationException("networkx is missing: install Debian's python3-networkx (.ci/run does)");
        return "networkx is not installed (apt-get install python3-networkx)";
    }

    private static (int Exit, string Output) Run(params string[] args)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, process.ExitCode == 0 ? output : output + error);
    }

    [SkippableTheory]
    [InlineData("data")]
    [InlineData("tests/fixtures/hostile")]
    [InlineData("tests/fixtures/export-hostile")]
    public void Networkx_reads_the_graphml_export_with_every_node_edge_key_and_type_right(string folder)
    {
        var why = Unavailable();
        Skip.If(why is not null, why);
        var dataset = TestData.Load(folder);
        var graph = PropertyGraph.Concat([GraphProjection.Shared(dataset, RelevantPartners.Statutory), GraphProjection.Of(dataset)]);
        var file = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.graphml");
        try
        {
            using (var stream = File.Create(file)) GraphMlExporter.Write(graph, stream);
            var (exit, output) = Run("-c", Script, file);
            Assert.True(exit == 0, output);
            var read = JsonNode.Parse(output)!;
            Assert.Equal(graph.Nodes.Count, read["nodes"]!.GetValue<int>());
            Assert.Equal(graph.Relationships.Count, read["edges"]!.GetValue<int>());
            Assert.Equal(graph.Nodes.Select(n => GraphMlExporter.NodeId(n.Label, n.Key)).Order(StringComparer.Ordinal),
                read["keys"]!.AsArray().Select(k => k!.GetValue<string>()));
            Assert.Equal(graph.Nodes.Select(n => n.Key).Order(StringComparer.Ordinal), read["node_keys"]!.AsArray().Select(k => k!.GetValue<string>()));
            Assert.Equal(("int", "bool"), (read["ord_type"]!.GetValue<string>(), read["partial_type"]!.GetValue<string>()));
            Assert.Equal(graph.Relationships.Count(r => r.Properties.TryGetValue("basis", out var b) && Equals(b, "inferred")), read["inferred"]!.GetValue<int>());
        }
        finally { File.Delete(file); }
    }
}
