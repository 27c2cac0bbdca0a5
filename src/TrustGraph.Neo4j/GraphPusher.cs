using TrustGraph.Guidance;
using TrustGraph.Model;

namespace TrustGraph.Neo4j;

/// <summary>A statement and its parameters: the text is built from model names only; every value travels in <see cref="Parameters"/>.</summary>
public sealed record CypherStatement(string Text, IReadOnlyDictionary<string, object?> Parameters);

/// <summary>What one authority's push wrote.</summary>
public sealed record PushSummary(string Authority, int Bodies, int Seats, int Lines, int Duties, int Nodes, int Relationships, int Statements, int Attempts);

/// <summary>
/// Writes the dataset into Neo4j. The schema first (a uniqueness constraint on <c>key</c> for every label), then the
/// shared nodes (sources, the relevant-partner list), then each authority in one explicit transaction: open, run the
/// batches (<c>UNWIND $rows AS row MERGE …</c>), commit; on failure the transaction is rolled back with <c>DELETE</c>
/// and nothing of that authority is half-written. A transient Neo4j error retries the whole transaction with backoff.
/// Pushing twice gives the same graph: nodes are merged on their keys, and the rows that have no identity of their own
/// (seats, lines, duties) are rewritten. <c>replace</c> first deletes everything of the authority, so bodies or people
/// removed from the dataset disappear from Neo4j too.
/// </summary>
public sealed class GraphPusher(QueryApiClient client, TransientRetry retry)
{
    public int BatchSize => Math.Max(1, client.Options.BatchSize);

    public async Task EnsureSchemaAsync(CancellationToken cancel = default)
    {
        foreach (var statement in SchemaStatements())
            await retry.RunAsync(c => client.RunAsync(statement.Text, statement.Parameters, c), cancel);
    }

    /// <summary>True when the database already holds at least one TrustGraph authority.</summary>
    public async Task<bool> HasAuthoritiesAsync(CancellationToken cancel = default)
    {
        var result = await retry.RunAsync(c => client.RunAsync($"MATCH (a:{GraphModel.Authority}) RETURN count(a) > 0 AS any", null, c), cancel);
        return result.Values.Count > 0 && result.Values[0][0].ValueKind == System.Text.Json.JsonValueKind.True;
    }

    public async Task<int> PushSharedAsync(Dataset dataset, IReadOnlyList<RelevantPartner> partners, CancellationToken cancel = default)
    {
        var statements = SharedStatements(dataset, partners);
        await InTransactionAsync(statements, cancel);
        return statements.Count;
    }

    public async Task<PushSummary> PushAuthorityAsync(AuthorityStructure structure, int ord, bool replace, CancellationToken cancel = default)
    {
        var graph = GraphProjection.Authority(structure, ord);
        var statements = AuthorityStatements(structure.Id, graph, replace);
        var attempts = await InTransactionAsync(statements, cancel);
        return new PushSummary(structure.Id, structure.Bodies.Count, structure.Seats.Count, structure.Lines.Count, structure.Duties.Count,
            graph.Nodes.Count, graph.Relationships.Count, statements.Count, attempts);
    }

    /// <summary>Runs the statements in one explicit transaction, retried whole on a transient error; returns the attempts made.</summary>
    private async Task<int> InTransactionAsync(IReadOnlyList<CypherStatement> statements, CancellationToken cancel)
    {
        var attempts = 0;
        await retry.RunAsync(async c =>
        {
            attempts++;
            var tx = await client.BeginAsync(c);
            try
            {
                foreach (var s in statements) await tx.RunAsync(s.Text, s.Parameters, c);
                await tx.CommitAsync(c);
            }
            catch
            {
                await tx.RollbackAsync(CancellationToken.None);
                throw;
            }
        }, cancel);
        return attempts;
    }

    public static IReadOnlyList<CypherStatement> SchemaStatements() =>
    [
        .. GraphModel.Labels.Select(label => new CypherStatement(
            $"CREATE CONSTRAINT trustgraph_{label.ToLowerInvariant()}_key IF NOT EXISTS FOR (n:{Name(label)}) REQUIRE n.key IS UNIQUE", NoParameters)),
        .. GraphModel.AuthorityLabels.Select(label => new CypherStatement(
            $"CREATE INDEX trustgraph_{label.ToLowerInvariant()}_authority IF NOT EXISTS FOR (n:{Name(label)}) ON (n.authority)", NoParameters)),
    ];

    public IReadOnlyList<CypherStatement> SharedStatements(Dataset dataset, IReadOnlyList<RelevantPartner> partners)
    {
        var graph = GraphProjection.Shared(dataset, partners);
        return
        [
            .. NodeStatements(graph.Nodes),
            new CypherStatement($"MATCH (p:{GraphModel.RelevantPartner}) WHERE NOT p.key IN $keys DETACH DELETE p",
                new Dictionary<string, object?> { ["keys"] = partners.Select(GraphModel.RelevantPartnerKey).ToArray() }),
        ];
    }

    public IReadOnlyList<CypherStatement> AuthorityStatements(string authority, PropertyGraph graph, bool replace)
    {
        var p = new Dictionary<string, object?> { ["authority"] = authority };
        var statements = new List<CypherStatement>();
        if (replace)
        {
            statements.Add(new CypherStatement($"MATCH (n:{GraphModel.Authority} {{key: $authority}}) DETACH DELETE n", p));
            statements.AddRange(GraphModel.AuthorityLabels.Select(label =>
                new CypherStatement($"MATCH (n:{Name(label)} {{authority: $authority}}) DETACH DELETE n", p)));
        }
        else
        {
            statements.Add(new CypherStatement(
                $"MATCH (:{GraphModel.Body} {{authority: $authority}})<-[r:{GraphModel.HoldsSeat}]-() DELETE r", p));
            statements.Add(new CypherStatement(
                $"MATCH (:{GraphModel.Body} {{authority: $authority}})-[r:{string.Join("|", GraphModel.LineTypes)}]->() DELETE r", p));
            statements.Add(new CypherStatement($"MATCH (n:{GraphModel.Duty} {{authority: $authority}}) DETACH DELETE n", p));
        }
        statements.AddRange(NodeStatements(graph.Nodes));
        statements.AddRange(RelationshipStatements(graph.Relationships));
        return statements;
    }

    private IEnumerable<CypherStatement> NodeStatements(IEnumerable<GraphNode> nodes)
    {
        foreach (var byLabel in nodes.GroupBy(n => n.Label))
        {
            var text = $"UNWIND $rows AS row\nMERGE (n:{Name(byLabel.Key)} {{key: row.key}})\nSET n += row.properties";
            foreach (var batch in byLabel.Chunk(BatchSize))
                yield return new CypherStatement(text, Rows(batch.Select(n => new Dictionary<string, object?>
                {
                    ["key"] = n.Key,
                    ["properties"] = n.Properties,
                })));
        }
    }

    private IEnumerable<CypherStatement> RelationshipStatements(IEnumerable<GraphRelationship> relationships)
    {
        foreach (var group in relationships.GroupBy(r => (r.Type, r.StartLabel, r.EndLabel, Keyed: r.Key is not null)))
        {
            var (type, start, end, keyed) = group.Key;
            var merge = keyed ? $"MERGE (a)-[r:{Name(type)} {{key: row.key}}]->(b)" : $"MERGE (a)-[r:{Name(type)}]->(b)";
            var text = $"UNWIND $rows AS row\nMATCH (a:{Name(start)} {{key: row.start}})\nMATCH (b:{Name(end)} {{key: row.end}})\n{merge}\nSET r += row.properties";
            foreach (var batch in group.Chunk(BatchSize))
                yield return new CypherStatement(text, Rows(batch.Select(r =>
                {
                    var row = new Dictionary<string, object?> { ["start"] = r.StartKey, ["end"] = r.EndKey, ["properties"] = r.Properties };
                    if (keyed) row["key"] = r.Key;
                    return row;
                })));
        }
    }

    private static Dictionary<string, object?> Rows(IEnumerable<Dictionary<string, object?>> rows) =>
        new() { ["rows"] = rows.ToList() };

    /// <summary>A label or type name for statement text: only the model's own names, so no data can reach the text.</summary>
    private static string Name(string name) =>
        GraphModel.IsModelName(name) ? name : throw new ArgumentException($"'{name}' is not a label or relationship type of TrustGraph's graph model");

    private static readonly IReadOnlyDictionary<string, object?> NoParameters = new Dictionary<string, object?>();
}
