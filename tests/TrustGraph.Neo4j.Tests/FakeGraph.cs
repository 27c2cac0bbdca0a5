using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TrustGraph.Neo4j.Tests;

/// <summary>
/// A property graph behind <see cref="FakeQueryApi"/>, so what was pushed can be read back. It runs the statement shapes
/// <see cref="GraphPusher"/> sends (schema, <c>UNWIND $rows … MERGE … SET += row.properties</c>, the deletes) with Neo4j's
/// meaning — nodes merged on label and key, a null property removes it, a relationship needs both ends to exist — and
/// answers read statements of one shape: <c>MATCH</c> one node or one relationship pattern, <c>RETURN v.property AS alias</c>
/// or <c>type(v) AS alias</c>, …, with a missing property answered as JSON <c>null</c> as the Query API does.
/// It does not sort: rows come back in a scrambled (repeatable) order, so a reader must put them in file order itself.
/// A statement of any other shape is answered with <c>Neo.ClientError.Statement.SyntaxError</c>, so it fails a test
/// rather than passing unnoticed. Statements apply at once; a rolled-back transaction is not undone.
/// </summary>
public sealed partial class FakeGraph
{
    public sealed class Node(string label, string key)
    {
        public string Label { get; } = label;
        public string Key { get; } = key;
        public Dictionary<string, JsonNode?> Properties { get; } = new() { ["key"] = key };
    }

    public sealed class Relationship(string type, Node start, Node end, string? key)
    {
        public string Type { get; } = type;
        public Node Start { get; } = start;
        public Node End { get; } = end;
        public string? Key { get; } = key;
        public Dictionary<string, JsonNode?> Properties { get; } = key is null ? new() : new() { ["key"] = key };
    }

    public List<Node> Nodes { get; } = [];
    public List<Relationship> Relationships { get; } = [];

    /// <summary>The statements this graph answered, in order.</summary>
    public List<string> Ran { get; } = [];

    public static FakeGraph Behind(FakeQueryApi api)
    {
        var graph = new FakeGraph();
        api.Answer = graph.Respond;
        return graph;
    }

    public Node NodeOf(string label, string key) => Nodes.Single(n => n.Label == label && n.Key == key);

    public Relationship RelationshipOf(string type, string key) => Relationships.Single(r => r.Type == type && r.Key == key);

    /// <summary>The answer to one request (null: the fake's default), for a test that wraps it.</summary>
    public FakeAnswer? Respond(ReceivedRequest r)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeQueryApi.User}:{FakeQueryApi.Password}"));
        if (r.Statement is null || r.Authorization != expected) return null;
        lock (this)
        {
            try
            {
                var answer = Run(r.Statement, r.Parameters as JsonObject);
                Ran.Add(r.Statement);
                return answer;
            }
            catch (NotSupportedException e)
            {
                return FakeAnswer.Error("Neo.ClientError.Statement.SyntaxError", e.Message);
            }
        }
    }

    private FakeAnswer Run(string statement, JsonObject? parameters)
    {
        if (statement.StartsWith("CREATE CONSTRAINT ", StringComparison.Ordinal) || statement.StartsWith("CREATE INDEX ", StringComparison.Ordinal))
            return Answer([], []);

        if (MergeNodes().Match(statement) is { Success: true } mn)
        {
            foreach (var row in Rows(parameters))
            {
                var key = row["key"]!.GetValue<string>();
                var node = Nodes.FirstOrDefault(n => n.Label == mn.Groups["label"].Value && n.Key == key);
                if (node is null) Nodes.Add(node = new Node(mn.Groups["label"].Value, key));
                Set(node.Properties, row["properties"]!.AsObject());
            }
            return Answer([], []);
        }

        if (MergeRelationships().Match(statement) is { Success: true } mr)
        {
            var keyed = mr.Groups["keyed"].Success;
            foreach (var row in Rows(parameters))
            {
                var start = Nodes.FirstOrDefault(n => n.Label == mr.Groups["start"].Value && n.Key == row["start"]!.GetValue<string>());
                var end = Nodes.FirstOrDefault(n => n.Label == mr.Groups["end"].Value && n.Key == row["end"]!.GetValue<string>());
                if (start is null || end is null) continue;
                var key = keyed ? row["key"]!.GetValue<string>() : null;
                var type = mr.Groups["type"].Value;
                var rel = Relationships.FirstOrDefault(x => x.Type == type && x.Start == start && x.End == end && x.Key == key);
                if (rel is null) Relationships.Add(rel = new Relationship(type, start, end, key));
                Set(rel.Properties, row["properties"]!.AsObject());
            }
            return Answer([], []);
        }

        if (DeleteNodes().Match(statement) is { Success: true } dn)
        {
            var authority = parameters!["authority"]!.GetValue<string>();
            foreach (var node in Nodes.Where(n => n.Label == dn.Groups["label"].Value && Text(n.Properties, dn.Groups["property"].Value) == authority).ToList())
                DetachDelete(node);
            return Answer([], []);
        }

        if (DeleteRelationships().Match(statement) is { Success: true } dr)
        {
            var authority = parameters!["authority"]!.GetValue<string>();
            var types = dr.Groups["types"].Value.Split('|');
            var incoming = dr.Groups["in"].Success;
            Relationships.RemoveAll(x => types.Contains(x.Type)
                && (incoming ? x.End : x.Start) is { Label: GraphModel.Body } body && Text(body.Properties, "authority") == authority);
            return Answer([], []);
        }

        if (statement == $"MATCH (p:{GraphModel.RelevantPartner}) WHERE NOT p.key IN $keys DETACH DELETE p")
        {
            var keys = parameters!["keys"]!.AsArray().Select(k => k!.GetValue<string>()).ToHashSet();
            foreach (var node in Nodes.Where(n => n.Label == GraphModel.RelevantPartner && !keys.Contains(n.Key)).ToList()) DetachDelete(node);
            return Answer([], []);
        }

        if (statement == $"MATCH (a:{GraphModel.Authority}) RETURN count(a) > 0 AS any")
            return Answer(["any"], [[JsonValue.Create(Nodes.Any(n => n.Label == GraphModel.Authority))]]);

        if (Read().Match(statement) is { Success: true } read)
            return RunRead(read);

        throw new NotSupportedException($"the fake graph cannot run this statement: {statement}");
    }

    private FakeAnswer RunRead(Match read)
    {
        var items = read.Groups["items"].Value.Split(',').Select(i => i.Trim()).ToList();
        var fields = new List<string>();
        var getters = new List<Func<IReadOnlyDictionary<string, Dictionary<string, JsonNode?>>, IReadOnlyDictionary<string, string>, JsonNode?>>();
        foreach (var item in items)
        {
            if (PropertyItem().Match(item) is { Success: true } p)
            {
                var (variable, property) = (p.Groups["var"].Value, p.Groups["prop"].Value);
                getters.Add((props, _) => props.TryGetValue(variable, out var bag)
                    ? bag.TryGetValue(property, out var v) ? v?.DeepClone() : null
                    : throw new NotSupportedException($"variable '{variable}' is not defined"));
                fields.Add(p.Groups["alias"].Value);
            }
            else if (TypeItem().Match(item) is { Success: true } t)
            {
                var variable = t.Groups["var"].Value;
                getters.Add((_, types) => types.TryGetValue(variable, out var type) ? JsonValue.Create(type)
                    : throw new NotSupportedException($"type({variable}): '{variable}' is not a relationship"));
                fields.Add(t.Groups["alias"].Value);
            }
            else throw new NotSupportedException($"the fake graph cannot return '{item}'");
        }

        var bindings = new List<(Dictionary<string, Dictionary<string, JsonNode?>> Props, Dictionary<string, string> Types)>();
        var pattern = read.Groups["pattern"].Value;
        if (NodePattern().Match(pattern) is { Success: true } np)
        {
            foreach (var node in Nodes.Where(n => n.Label == np.Groups["label"].Value))
                bindings.Add((new() { [np.Groups["var"].Value] = node.Properties }, new()));
        }
        else if (RelationshipPattern().Match(pattern) is { Success: true } rp)
        {
            var types = rp.Groups["types"].Value.Split('|');
            foreach (var rel in Relationships.Where(x => types.Contains(x.Type)
                         && (!rp.Groups["slabel"].Success || x.Start.Label == rp.Groups["slabel"].Value)
                         && (!rp.Groups["elabel"].Success || x.End.Label == rp.Groups["elabel"].Value)))
                bindings.Add((new()
                {
                    [rp.Groups["svar"].Value] = rel.Start.Properties,
                    [rp.Groups["rvar"].Value] = rel.Properties,
                    [rp.Groups["evar"].Value] = rel.End.Properties,
                }, new() { [rp.Groups["rvar"].Value] = rel.Type }));
        }
        else throw new NotSupportedException($"the fake graph cannot match '{pattern}'");

        var rows = bindings.Select(b => getters.Select(g => g(b.Props, b.Types)).ToArray()).ToList();
        return Answer(fields, rows.OrderBy(row => Scramble(new JsonArray(row.Select(v => v?.DeepClone()).ToArray()).ToJsonString())).ToList());
    }

    private void DetachDelete(Node node)
    {
        Relationships.RemoveAll(x => x.Start == node || x.End == node);
        Nodes.Remove(node);
    }

    private static void Set(Dictionary<string, JsonNode?> properties, JsonObject values)
    {
        foreach (var (name, value) in values)
            if (value is null) properties.Remove(name);
            else properties[name] = value.DeepClone();
    }

    private static string? Text(Dictionary<string, JsonNode?> properties, string name) =>
        properties.TryGetValue(name, out var v) && v is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    private static IEnumerable<JsonObject> Rows(JsonObject? parameters) =>
        (parameters?["rows"]?.AsArray() ?? throw new NotSupportedException("the statement unwinds $rows but no rows were sent"))
            .Select(r => r!.AsObject());

    /// <summary>A repeatable order that has nothing to do with <c>ord</c> (FNV-1a of the row's JSON).</summary>
    private static uint Scramble(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return hash;
    }

    private static FakeAnswer Answer(IReadOnlyList<string> fields, IReadOnlyList<JsonNode?[]> rows) =>
        new(202, new JsonObject
        {
            ["data"] = new JsonObject
            {
                ["fields"] = new JsonArray(fields.Select(f => (JsonNode?)f).ToArray()),
                ["values"] = new JsonArray(rows.Select(r => (JsonNode?)new JsonArray(r)).ToArray()),
            },
            ["bookmarks"] = new JsonArray("FB:fake-graph"),
        }.ToJsonString());

    [GeneratedRegex(@"^UNWIND \$rows AS row\nMERGE \(n:(?<label>\w+) \{key: row\.key\}\)\nSET n \+= row\.properties$")]
    private static partial Regex MergeNodes();

    [GeneratedRegex(@"^UNWIND \$rows AS row\nMATCH \(a:(?<start>\w+) \{key: row\.start\}\)\nMATCH \(b:(?<end>\w+) \{key: row\.end\}\)\nMERGE \(a\)-\[r:(?<type>\w+)(?<keyed> \{key: row\.key\})?\]->\(b\)\nSET r \+= row\.properties$")]
    private static partial Regex MergeRelationships();

    [GeneratedRegex(@"^MATCH \(n:(?<label>\w+) \{(?<property>key|authority): \$authority\}\) DETACH DELETE n$")]
    private static partial Regex DeleteNodes();

    [GeneratedRegex(@"^MATCH \(:Body \{authority: \$authority\}\)(?:(?<in><)-\[r:(?<types>[\w|]+)\]-\(\)|-\[r:(?<types>[\w|]+)\]->\(\)) DELETE r$")]
    private static partial Regex DeleteRelationships();

    [GeneratedRegex(@"^MATCH (?<pattern>\S+)\s+RETURN (?<items>.+?)(?:\s+ORDER BY [\w, ]+)?\s*$", RegexOptions.Singleline)]
    private static partial Regex Read();

    [GeneratedRegex(@"^\((?<var>\w+):(?<label>\w+)\)$")]
    private static partial Regex NodePattern();

    [GeneratedRegex(@"^\((?<svar>\w+)(?::(?<slabel>\w+))?\)-\[(?<rvar>\w+):(?<types>[\w|]+)\]->\((?<evar>\w+)(?::(?<elabel>\w+))?\)$")]
    private static partial Regex RelationshipPattern();

    [GeneratedRegex(@"^(?<var>\w+)\.(?<prop>\w+) AS (?<alias>\w+)$")]
    private static partial Regex PropertyItem();

    [GeneratedRegex(@"^type\((?<var>\w+)\) AS (?<alias>\w+)$")]
    private static partial Regex TypeItem();
}
