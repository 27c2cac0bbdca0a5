using System.Globalization;
using System.Text;
using System.Xml;

namespace TrustGraph.Neo4j.Export;

/// <summary>
/// The graph as GraphML, which yEd and Gephi open: every property declared as a <c>&lt;key&gt;</c> with its type, a
/// <c>label</c> for display (the name, title or text), the Neo4j label in <c>labels</c> and the relationship type in
/// <c>type</c>. Text is XML-escaped by the writer; characters XML 1.0 cannot hold at all (most control characters)
/// are written as <c>\uXXXX</c>.
/// <para>
/// The GraphML schema types node ids and edge ends as <c>xs:NMTOKEN</c> (letters, digits, <c>.-_:</c>), and graph keys
/// hold anything a paper's names do (<c>Person:suffolk/ann o'brien</c>, <c>Post:york/director|city council</c>). Ids are
/// therefore <see cref="XmlConvert.EncodeNmToken"/> of <c>Label:key</c>: every character a token cannot hold becomes
/// <c>_xHHHH_</c> (and a literal <c>_x</c> is escaped too), so ids stay readable, distinct keys stay distinct ids, and
/// <see cref="XmlConvert.DecodeName"/> gives the key back. The original keys are kept as data: <c>key</c> on nodes,
/// <c>source_key</c>/<c>target_key</c> (and the relationship's own <c>edge_key</c>, where it has one) on edges.
/// </para>
/// </summary>
public static class GraphMlExporter
{
    private const string Ns = "http://graphml.graphdrawing.org/xmlns";

    public static void Write(PropertyGraph graph, Stream output)
    {
        var nodeKeys = Keys(graph.Nodes.Select(n => n.Properties));
        var edgeKeys = Keys(graph.Relationships.Select(r => r.Properties));
        using var w = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) });
        w.WriteStartDocument();
        w.WriteStartElement("graphml", Ns);
        w.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        w.WriteAttributeString("xsi", "schemaLocation", null, Ns + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        Key(w, "label", "node", "label", "string");
        Key(w, "labels", "node", "labels", "string");
        Key(w, "key", "node", "key", "string");
        foreach (var (name, type) in nodeKeys) Key(w, "n_" + name, "node", name, type);
        Key(w, "type", "edge", "type", "string");
        Key(w, "source_key", "edge", "source_key", "string");
        Key(w, "target_key", "edge", "target_key", "string");
        Key(w, "edge_key", "edge", "edge_key", "string");
        foreach (var (name, type) in edgeKeys) Key(w, "e_" + name, "edge", name, type);

        w.WriteStartElement("graph", Ns);
        w.WriteAttributeString("id", "trustgraph");
        w.WriteAttributeString("edgedefault", "directed");
        foreach (var n in graph.Nodes)
        {
            w.WriteStartElement("node", Ns);
            w.WriteAttributeString("id", NodeId(n.Label, n.Key));
            Data(w, "label", DisplayName(n));
            Data(w, "labels", n.Label);
            Data(w, "key", n.Key);
            foreach (var (name, value) in n.Properties) if (value is not null) Data(w, "n_" + name, Text(value));
            w.WriteEndElement();
        }
        var i = 0;
        foreach (var r in graph.Relationships)
        {
            w.WriteStartElement("edge", Ns);
            w.WriteAttributeString("id", "e" + (i++).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("source", NodeId(r.StartLabel, r.StartKey));
            w.WriteAttributeString("target", NodeId(r.EndLabel, r.EndKey));
            Data(w, "type", r.Type);
            Data(w, "source_key", r.StartKey);
            Data(w, "target_key", r.EndKey);
            if (r.Key is not null) Data(w, "edge_key", r.Key);
            foreach (var (name, value) in r.Properties) if (value is not null) Data(w, "e_" + name, Text(value));
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    /// <summary>The node's GraphML id: <c>Label:key</c> as a valid <c>xs:NMTOKEN</c>, reversible with <see cref="XmlConvert.DecodeName"/>.</summary>
    public static string NodeId(string label, string key) => XmlConvert.EncodeNmToken($"{label}:{key}");

    private static string DisplayName(GraphNode n) =>
        (n.Properties.TryGetValue("name", out var name) ? name as string : null)
        ?? (n.Properties.TryGetValue("title", out var title) ? title as string : null)
        ?? (n.Properties.TryGetValue("text", out var text) ? text as string : null)
        ?? n.Key;

    private static List<(string Name, string Type)> Keys(IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        var types = new Dictionary<string, string>();
        var order = new List<string>();
        foreach (var row in rows)
            foreach (var (name, value) in row)
            {
                if (!types.ContainsKey(name)) { types[name] = ""; order.Add(name); }
                if (value is null) continue;
                var type = value switch { long or int => "long", bool => "boolean", _ => "string" };
                types[name] = types[name] == "" || types[name] == type ? type : "string";
            }
        return order.Select(n => (n, types[n] == "" ? "string" : types[n])).ToList();
    }

    private static void Key(XmlWriter w, string id, string forWhat, string name, string type)
    {
        w.WriteStartElement("key", Ns);
        w.WriteAttributeString("id", id);
        w.WriteAttributeString("for", forWhat);
        w.WriteAttributeString("attr.name", name);
        w.WriteAttributeString("attr.type", type);
        w.WriteEndElement();
    }

    private static void Data(XmlWriter w, string key, string value)
    {
        w.WriteStartElement("data", Ns);
        w.WriteAttributeString("key", key);
        w.WriteString(Clean(value));
        w.WriteEndElement();
    }

    private static string Text(object value) => value switch
    {
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join(";", list),
        _ => value.ToString() ?? "",
    };

    /// <summary>Replaces characters XML 1.0 cannot contain with a visible <c>\uXXXX</c>.</summary>
    private static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar) && !HasLoneSurrogate(text)) return text;
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[++i]); continue; }
            if (XmlConvert.IsXmlChar(c)) sb.Append(c);
            else sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
        }
        return sb.ToString();
    }

    private static bool HasLoneSurrogate(string text) => text.Any(char.IsSurrogate);
}
