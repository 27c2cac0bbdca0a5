using System.Globalization;
using System.Text;

namespace TrustGraph.Neo4j.Export;

/// <summary>
/// The graph as a script for <c>cypher-shell -f</c>: the constraints, then one transaction (<c>:begin</c> …
/// <c>:commit</c>) of <c>MERGE</c> statements. A script cannot carry parameters, so every value is written as a Cypher
/// literal, strings escaped (<c>\'</c>, <c>\\</c>, control and bidirectional-override characters as <c>\uXXXX</c>);
/// running it twice gives the same graph.
/// </summary>
public static class CypherScriptExporter
{
    public static void Write(PropertyGraph graph, TextWriter o)
    {
        o.WriteLine("// TrustGraph graph export: run with  cypher-shell -u neo4j -p <password> -f <this file>");
        foreach (var s in GraphPusher.SchemaStatements()) o.WriteLine(s.Text + ";");
        o.WriteLine(":begin");
        foreach (var n in graph.Nodes)
            o.WriteLine($"MERGE (n:{n.Label} {{key: {Literal(n.Key)}}}) SET n += {Map(n.Properties)};");
        foreach (var r in graph.Relationships)
        {
            var key = r.Key is null ? "" : $" {{key: {Literal(r.Key)}}}";
            o.WriteLine($"MATCH (a:{r.StartLabel} {{key: {Literal(r.StartKey)}}}) MATCH (b:{r.EndLabel} {{key: {Literal(r.EndKey)}}}) "
                + $"MERGE (a)-[r:{r.Type}{key}]->(b) SET r += {Map(r.Properties)};");
        }
        o.WriteLine(":commit");
    }

    /// <summary>A Cypher map literal of the non-null properties (keys are the model's own snake_case names).</summary>
    public static string Map(IReadOnlyDictionary<string, object?> properties) =>
        "{" + string.Join(", ", properties.Where(p => p.Value is not null).Select(p => $"{Identifier(p.Key)}: {Value(p.Value!)}")) + "}";

    public static string Value(object value) => value switch
    {
        string s => Literal(s),
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        IEnumerable<string> list => "[" + string.Join(", ", list.Select(Literal)) + "]",
        _ => throw new ArgumentException($"no Cypher literal for a {value.GetType().Name}"),
    };

    /// <summary>A single-quoted Cypher string literal that reads back as exactly <paramref name="text"/>.</summary>
    public static string Literal(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\'': sb.Append(@"\'"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\t': sb.Append(@"\t"); break;
                default:
                    if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F')
                        sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('\'').ToString();
    }

    private static string Identifier(string name) =>
        name.All(c => c is >= 'a' and <= 'z' or '_' or >= '0' and <= '9') ? name : "`" + name.Replace("`", "``") + "`";
}
