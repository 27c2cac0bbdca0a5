using TrustGraph.Guidance;
using TrustGraph.Neo4j;
using TrustGraph.Neo4j.Export;

namespace TrustGraph.Neo4j.Tests;

/// <summary>
/// No Neo4j server runs here, so every piece of Cypher TrustGraph sends or writes is checked with
/// <see cref="CypherCheck"/> (in .NET; the tests need no Node): lexing, paired brackets, clause order and how a query
/// ends, and every variable in scope where it is used. What it cannot check is the full grammar, functions and types,
/// and what the statements find; that is the integration tests' work, against a real Neo4j.
/// </summary>
public sealed class CypherLintTests
{
    [Theory]
    [InlineData("MATCH (b:Body) WITH b.name AS name RETURN b.id", "1:43: Variable `b` not defined")]
    [InlineData("MATCH (b:Body) RETURN c.name", "1:23: Variable `c` not defined")]
    [InlineData("MATCH (b:Body) WITH b.name RETURN 1", "1:21: an expression in WITH must be aliased (use AS)")]
    [InlineData("MATCH (b:Body) WHERE b.kind = 'lsp'", "1:1: the query cannot end with MATCH; expected RETURN or an updating clause")]
    [InlineData("MATCH (b:Body) RETURN b MATCH (c) RETURN c", "1:25: MATCH after RETURN; RETURN must be the last clause")]
    [InlineData("MATCH (b:Body RETURN b", "1:7: '(' is never closed")]
    [InlineData("RETURN 'it\\'s' + 'bad \\q escape'", "1:23: invalid escape '\\q' in a string")]
    [InlineData("MATCH (b:Body) RETURN b.name b.id", "1:30: 'b' follows a property with no operator between them")]
    [InlineData("RETURN 1 AS x UNION RETURN 2 AS y", "1:21: UNION parts return different columns: (x) and (y)")]
    [InlineData("MATCH (a) WHERE all(n IN [1] WHERE m > 0) RETURN a", "1:36: Variable `m` not defined")]
    [InlineData("MATCH (a) WHERE EXISTS { MATCH (a)-->(x) } RETURN x", "1:51: Variable `x` not defined")]
    public void The_check_rejects_broken_cypher_and_says_where(string cypher, string error)
    {
        Assert.Equal([error], CypherCheck.Check(cypher));
    }

    [Theory]
    [InlineData("MATCH (a)-[r:X|Y*1..3]->(b) WHERE a:Body AND b.id IN $ids RETURN a, count(r) AS n ORDER BY n DESC")]
    [InlineData("MATCH (a) WITH a, COLLECT { MATCH (a)-->(b) WITH b WHERE b.x = a.x RETURN b } AS bs RETURN [x IN bs | x.id] AS ids")]
    [InlineData("UNWIND $rows AS row MERGE (n:Body {key: row.key}) ON CREATE SET n.new = true SET n += row.properties")]
    [InlineData("MATCH p = shortestPath((a)-[*]->(b)) RETURN reduce(s = 0, r IN relationships(p) | s + r.ord) AS total, {k: a.id, n: size(nodes(p))} AS facts")]
    public void The_check_accepts_the_cypher_it_should(string cypher)
    {
        Assert.Empty(CypherCheck.Check(cypher));
    }

    [Fact]
    public void Every_cypher_twin_passes_the_check()
    {
        var files = Directory.GetFiles(Path.Combine(TestData.Root, "src", "TrustGraph.Neo4j", "Cypher"), "*.cypher");
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.True(CypherCheck.Check(File.ReadAllText(f)) is { Count: 0 } e || Fail(f, CypherCheck.Check(File.ReadAllText(f)))));
    }

    [Fact]
    public void A_twin_whose_last_return_names_a_variable_it_never_bound_fails_the_check()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestData.Root, "src", "TrustGraph.Neo4j", "Cypher"), "*.cypher"))
        {
            var text = File.ReadAllText(file);
            var at = text.LastIndexOf("RETURN a.id AS authority", StringComparison.Ordinal);
            Assert.True(at >= 0, $"{Path.GetFileName(file)} no longer returns a.id AS authority");
            var broken = text[..at] + "RETURN nowhere.id AS authority" + text[(at + "RETURN a.id AS authority".Length)..];
            Assert.Contains(CypherCheck.Check(broken), e => e.EndsWith("Variable `nowhere` not defined"));
        }
    }

    [Fact]
    public void Every_statement_the_pusher_sends_passes_the_check()
    {
        var dataset = TestData.ExportHostile;
        var pusher = new GraphPusher(new QueryApiClient(new Neo4jOptions(new Uri("http://localhost:7474"), "neo4j", "x", "neo4j")), null!);
        var statements = GraphPusher.SchemaStatements()
            .Concat(pusher.SharedStatements(dataset, RelevantPartners.Statutory))
            .Concat(pusher.AuthorityStatements("odd-ids", GraphProjection.Authority(dataset.Authorities[0], 0), replace: false))
            .Concat(pusher.AuthorityStatements("odd-ids", GraphProjection.Authority(dataset.Authorities[0], 0), replace: true))
            .Select(s => s.Text).Distinct().ToList();
        Assert.True(statements.Count > 20, $"{statements.Count} statements");
        Assert.All(statements, s => Assert.True(CypherCheck.Check(s).Count == 0, s + "\n" + string.Join("\n", CypherCheck.Check(s))));
    }

    [Fact]
    public void Every_statement_the_dataset_reader_sends_passes_the_check()
    {
        Assert.All(Neo4jDatasetReader.Statements, s => Assert.True(CypherCheck.Check(s.Text).Count == 0, s.Text + "\n" + string.Join("\n", CypherCheck.Check(s.Text))));
    }

    [Theory]
    [InlineData("tests/fixtures/hostile")]
    [InlineData("tests/fixtures/export-hostile")]
    public void The_exported_cypher_shell_script_of_hostile_names_passes_the_check(string folder)
    {
        var dataset = TestData.Load(folder);
        var writer = new StringWriter();
        CypherScriptExporter.Write(PropertyGraph.Concat([GraphProjection.Shared(dataset, RelevantPartners.Statutory), GraphProjection.Of(dataset)]), writer);
        var errors = CypherCheck.Check(writer.ToString(), script: true);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void A_script_with_an_unescaped_quote_fails_the_check()
    {
        Assert.NotEmpty(CypherCheck.Check(":begin\nMERGE (n:Body {key: 'O'Brien'}) SET n += {};\n:commit\n", script: true));
    }

    private static bool Fail(string file, List<string> errors) =>
        throw new Xunit.Sdk.XunitException($"{Path.GetFileName(file)}:\n" + string.Join("\n", errors));
}
