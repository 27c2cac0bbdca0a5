using System.Diagnostics;
using TrustGraph.Guidance;
using TrustGraph.Neo4j;
using TrustGraph.Neo4j.Export;

namespace TrustGraph.Neo4j.Tests;

/// <summary>
/// No Neo4j server runs here, so the Cypher is checked with Neo4j's own front end (the parser and semantic analysis
/// of @neo4j-cypher/language-support, restored by npm from cypher-lint/package-lock.json): undefined variables,
/// grouping mistakes, wrong clause order and syntax errors fail the test. What it cannot check is what the statements
/// find; that is the integration test's work, against a real Neo4j.
/// </summary>
public sealed class CypherLintTests
{
    private static string LintFolder => Path.Combine(TestData.Root, "tests", "TrustGraph.Neo4j.Tests", "cypher-lint");

    /// <summary>Why the lint cannot run, or null. In CI (CI=true) or with TRUSTGRAPH_REQUIRE_CYPHER_LINT=1 it must run: never skipped.</summary>
    private static string? Unavailable()
    {
        if (Environment.GetEnvironmentVariable("CI") == "true" || Environment.GetEnvironmentVariable("TRUSTGRAPH_REQUIRE_CYPHER_LINT") == "1")
            return null;
        if (!File.Exists(Path.Combine(LintFolder, "node_modules", "@neo4j-cypher", "language-support", "package.json")))
            return "the Cypher linter is not installed (run 'npm ci' in tests/TrustGraph.Neo4j.Tests/cypher-lint; the build tries to)";
        return null;
    }

    private static (int ExitCode, string Output) Lint(IEnumerable<string> files)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = LintFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("lint.mjs");
        foreach (var f in files) start.ArgumentList.Add(f);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    [SkippableFact]
    public void The_linter_rejects_broken_cypher()
    {
        Skip.If(Unavailable() is not null, Unavailable());
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.cypher");
        File.WriteAllText(file, "MATCH (b:Body) WITH b.name AS name RETURN b.id");
        try
        {
            var (code, output) = Lint([file]);
            Assert.Equal(1, code);
            Assert.Contains("Variable `b` not defined", output);
        }
        finally { File.Delete(file); }
    }

    [SkippableFact]
    public void Every_cypher_twin_is_valid_cypher()
    {
        Skip.If(Unavailable() is not null, Unavailable());
        var files = Directory.GetFiles(Path.Combine(TestData.Root, "src", "TrustGraph.Neo4j", "Cypher"), "*.cypher");
        Assert.Equal(4, files.Length);
        var (code, output) = Lint(files);
        Assert.True(code == 0, output);
    }

    [SkippableFact]
    public void Every_statement_the_pusher_sends_is_valid_cypher()
    {
        Skip.If(Unavailable() is not null, Unavailable());
        var dataset = TestData.Hostile;
        var pusher = new GraphPusher(new QueryApiClient(new Neo4jOptions(new Uri("http://localhost:7474"), "neo4j", "x", "neo4j")), null!);
        var statements = GraphPusher.SchemaStatements()
            .Concat(pusher.SharedStatements(dataset, RelevantPartners.Statutory))
            .Concat(pusher.AuthorityStatements("evil", GraphProjection.Authority(dataset.Authorities[0], 0), replace: false))
            .Concat(pusher.AuthorityStatements("evil", GraphProjection.Authority(dataset.Authorities[0], 0), replace: true))
            .Select(s => s.Text).Distinct().ToList();
        var folder = Directory.CreateTempSubdirectory("push-statements").FullName;
        try
        {
            var files = statements.Select((s, i) => { var f = Path.Combine(folder, $"{i}.cypher"); File.WriteAllText(f, s); return f; }).ToList();
            var (code, output) = Lint(files);
            Assert.True(code == 0, output);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [SkippableFact]
    public void Every_statement_the_dataset_reader_sends_is_valid_cypher()
    {
        Skip.If(Unavailable() is not null, Unavailable());
        var folder = Directory.CreateTempSubdirectory("read-statements").FullName;
        try
        {
            var files = Neo4jDatasetReader.Statements.Select((s, i) => { var f = Path.Combine(folder, $"{i}.cypher"); File.WriteAllText(f, s.Text); return f; }).ToList();
            var (code, output) = Lint(files);
            Assert.True(code == 0, output);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [SkippableFact]
    public void The_exported_cypher_shell_script_of_hostile_names_is_valid_cypher()
    {
        Skip.If(Unavailable() is not null, Unavailable());
        var dataset = TestData.Hostile;
        var file = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}.cypher-shell");
        using (var writer = new StreamWriter(file))
            CypherScriptExporter.Write(PropertyGraph.Concat([GraphProjection.Shared(dataset, RelevantPartners.Statutory), GraphProjection.Of(dataset)]), writer);
        // :begin and :commit are cypher-shell's own commands, which the (Browser-oriented) linter does not know.
        var script = File.ReadAllLines(file);
        Assert.Equal(":begin", script.Single(l => l.StartsWith(':') && l != ":commit"));
        File.WriteAllLines(file, script.Select(l => l is ":begin" or ":commit" ? "" : l));
        try
        {
            var (code, output) = Lint([file]);
            Assert.True(code == 0, output);
        }
        finally { File.Delete(file); }
    }
}
