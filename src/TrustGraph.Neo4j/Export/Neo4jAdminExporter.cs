using System.Globalization;
using TrustGraph.Loading;

namespace TrustGraph.Neo4j.Export;

/// <summary>
/// The graph as CSV files for <c>neo4j-admin database import full</c>: one file of nodes per label
/// (<c>key:ID(Body),name,…,:LABEL</c>) and one of relationships per type and pair of labels
/// (<c>:START_ID(Person),role,…,:END_ID(Body),:TYPE</c>), each label its own ID space, plus
/// <c>import.sh</c> holding the exact command. Values are written exactly (no spreadsheet-injection escaping:
/// these files are for the importer); lists use <c>;</c>, the importer's array delimiter. A property has one type
/// wherever it is written: it is typed (<c>:long</c>, <c>:boolean</c>, <c>:string[]</c>) from every node of its label,
/// or every relationship of its type, so a file in which all the seats' <c>voting</c> cells are empty still says
/// <c>voting:boolean</c> and Neo4j never holds the same property as a boolean on one seat and a string on another.
/// <c>import.sh</c> changes to its own folder first, so it runs from anywhere.
/// </summary>
public static class Neo4jAdminExporter
{
    /// <summary>Writes the files into <paramref name="folder"/> (created if missing); returns their names.</summary>
    public static IReadOnlyList<string> Write(PropertyGraph graph, string folder)
    {
        Directory.CreateDirectory(folder);
        var nodeFiles = new List<string>();
        var relFiles = new List<string>();
        var nodeTypes = graph.Nodes.GroupBy(n => n.Label).ToDictionary(g => g.Key, g => Types(g.Select(n => n.Properties)));
        var relTypes = graph.Relationships.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => Types(g.Select(r => r.Properties)));
        foreach (var byLabel in graph.Nodes.GroupBy(n => n.Label))
        {
            var label = byLabel.Key;
            var columns = Columns(byLabel.Select(n => n.Properties), nodeTypes[label]);
            var header = new[] { $"key:ID({label})" }.Concat(columns.Select(c => c.Header)).Append(":LABEL").ToArray();
            var file = $"nodes_{label}.csv";
            DatasetWriter.WriteFile(Path.Combine(folder, file), header,
                byLabel.Select(n => new[] { n.Key }.Concat(columns.Select(c => Cell(n.Properties, c.Name))).Append(label).ToArray()));
            nodeFiles.Add(file);
        }
        foreach (var group in graph.Relationships.GroupBy(r => (r.Type, r.StartLabel, r.EndLabel)))
        {
            var (type, start, end) = group.Key;
            var keyed = group.Any(r => r.Key is not null);
            var columns = Columns(group.Select(r => r.Properties), relTypes[type]);
            var header = new[] { $":START_ID({start})" }
                .Concat(keyed ? ["key"] : Array.Empty<string>())
                .Concat(columns.Select(c => c.Header)).Append($":END_ID({end})").Append(":TYPE").ToArray();
            var file = $"relationships_{type}_{start}_{end}.csv";
            DatasetWriter.WriteFile(Path.Combine(folder, file), header,
                group.Select(r => new[] { r.StartKey }
                    .Concat(keyed ? [r.Key] : Array.Empty<string?>())
                    .Concat(columns.Select(c => Cell(r.Properties, c.Name))).Append(r.EndKey).Append(type).ToArray()));
            relFiles.Add(file);
        }
        var command = "#!/bin/sh\n# Import into an empty, stopped database (neo4j-admin overwrites it with --overwrite-destination).\n"
            + "# The file names below are relative to this script's folder, so it changes there first.\n"
            + "set -e\ncd \"$(dirname \"$0\")\"\n"
            + "neo4j-admin database import full neo4j --overwrite-destination --multiline-fields=true --array-delimiter=';' \\\n"
            + string.Join(" \\\n", nodeFiles.Select(f => $"  --nodes={f}").Concat(relFiles.Select(f => $"  --relationships={f}"))) + "\n";
        File.WriteAllText(Path.Combine(folder, "import.sh"), command);
        return [.. nodeFiles, .. relFiles, "import.sh"];
    }

    private sealed record Column(string Name, string Header);

    /// <summary>The property columns of one file in first-seen order, each with its type over the whole label or relationship type.</summary>
    private static List<Column> Columns(IEnumerable<IReadOnlyDictionary<string, object?>> rows, IReadOnlyDictionary<string, string> types)
    {
        var order = new List<string>();
        var seen = new HashSet<string>();
        foreach (var row in rows)
            foreach (var name in row.Keys)
                if (seen.Add(name)) order.Add(name);
        return order.Select(n => new Column(n, n + types[n])).ToList();
    }

    /// <summary>
    /// Each property's importer type (<c>:long</c>, <c>:boolean</c>, <c>:string[]</c>, or none for a string) from every
    /// value it has; a property whose values are of more than one kind is written as a string.
    /// </summary>
    private static Dictionary<string, string> Types(IEnumerable<IReadOnlyDictionary<string, object?>> rows)
    {
        var types = new Dictionary<string, string?>();
        foreach (var row in rows)
            foreach (var (name, value) in row)
            {
                types.TryAdd(name, null);
                if (value is null) continue;
                var type = value switch { long or int => ":long", bool => ":boolean", string => "", IEnumerable<string> => ":string[]", _ => "" };
                types[name] = types[name] is null || types[name] == type ? type : "";
            }
        return types.ToDictionary(t => t.Key, t => t.Value ?? (Declared.TryGetValue(t.Key, out var declared) ? declared : ""));
    }

    /// <summary>
    /// The type of the model's non-text properties, for a file in which every value is empty (York's seats never say
    /// whether they vote): the header then says <c>voting:boolean</c> as it does in every other export.
    /// </summary>
    private static readonly Dictionary<string, string> Declared = new()
    {
        ["voting"] = ":boolean", ["membership_partial"] = ":boolean", ["only_where_exists"] = ":boolean",
        ["meets_per_year"] = ":long", ["ord"] = ":long", ["tiers"] = ":string[]",
    };

    private static string? Cell(IReadOnlyDictionary<string, object?> properties, string name) =>
        properties.TryGetValue(name, out var v) ? v switch
        {
            null => null,
            string s => s,
            bool b => b ? "true" : "false",
            long l => l.ToString(CultureInfo.InvariantCulture),
            int i => i.ToString(CultureInfo.InvariantCulture),
            IEnumerable<string> list => string.Join(";", list),
            _ => v.ToString(),
        } : null;
}
