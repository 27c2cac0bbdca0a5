using System.Globalization;
using System.Text;
using System.Xml;

namespace TrustGraph.Neo4j.Export;

/// <summary>
/// The graph as GraphML, which yEd and Gephi open: every property declared as a <c>&lt;key&gt;</c> with its type, a
/// <c>label</c> for display (the name, title or text), the Neo4j label in <c>labels</c> and the relationship type in
/// <c>type</c>. Text is XML-escaped by the writer; characters XML 1.0 cannot hold at all (most control characters)
/// are written as <c>\uXXXX</c>.
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
        foreach (var (name, type) in nodeKeys) Key(w, "n_" + name, "node", name, type);
        Key(w, "type", "edge", "type", "string");
        foreach (var (name, type) in edgeKeys) Key(w, "e_" + name, "edge", name, type);

        w.WriteStartElement("graph", Ns);
        w.WriteAttributeString("id", "trustgraph");
        w.WriteAttributeString("edgedefault", "directed");
        foreach (var n in graph.Nodes)
        {
            w.WriteStartElement("node", Ns);
            w.WriteAttributeString("id", Clean(NodeId(n.Label, n.Key)));
            Data(w, "label", DisplayName(n));
            Data(w, "labels", n.Label);
            foreach (var (name, value) in n.Properties) if (value is not null) Data(w, "n_" + name, Text(value));
            w.WriteEndElement();
        }
        var i = 0;
        foreach (var r in graph.Relationships)
        {
            w.WriteStartElement("edge", Ns);
            w.WriteAttributeString("id", "e" + (i++).ToString(CultureInfo.InvariantCulture));
            w.WriteAttributeString("source", Clean(NodeId(r.StartLabel, r.StartKey)));
            w.WriteAttributeString("target", Clean(NodeId(r.EndLabel, r.EndKey)));
            Data(w, "type", r.Type);
            foreach (var (name, value) in r.Properties) if (value is not null) Data(w, "e_" + name, Text(value));
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    public static string NodeId(string label, string key) => $"{label}:{key}";

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
