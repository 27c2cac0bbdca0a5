using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CsvHelper;
using TrustGraph.Guidance;
using TrustGraph.Model;
using TrustGraph.Neo4j;
using TrustGraph.Neo4j.Export;

namespace TrustGraph.Neo4j.Tests;

public sealed class ExportTests
{
    private static PropertyGraph Graph(Dataset dataset) =>
        PropertyGraph.Concat([GraphProjection.Shared(dataset, RelevantPartners.Statutory), GraphProjection.Of(dataset)]);

    private const string Nasty = "O'Brien \\ \"quoted\" `tick` ' OR 1=1 -- \n line two \t tab \u202Eevil\u202C {{x}} ${y}";

    [Fact]
    public void A_cypher_string_literal_reads_back_as_exactly_the_text()
    {
        var literal = CypherScriptExporter.Literal(Nasty);
        Assert.Equal(Nasty, ReadLiteral(literal, out var rest));
        Assert.Equal("", rest);
        Assert.False(literal.Contains('\n'), literal);
        Assert.False(literal.Contains('\u202E'), literal);
    }

    [Fact]
    public void The_cypher_script_carries_every_hostile_name_as_an_escaped_literal()
    {
        var dataset = TestData.Hostile;
        var writer = new StringWriter();
        CypherScriptExporter.Write(Graph(dataset), writer);
        var script = writer.ToString();

        var literals = new List<string>();
        for (var i = script.IndexOf('\''); i >= 0; i = script.IndexOf('\'', i))
        {
            literals.Add(ReadLiteral(script[i..], out var rest));
            i = script.Length - rest.Length;
        }
        foreach (var body in dataset.Authorities[0].Bodies) Assert.Contains(body.Name, literals);
        foreach (var seat in dataset.Authorities[0].Seats.Where(s => s.Agency is not null)) Assert.Contains(seat.Agency!, literals);
        Assert.Contains("Bob `Tables`", literals);
        Assert.Equal(":begin", script.Split('\n').First(l => l.StartsWith(':')));
        Assert.Equal(":commit", script.TrimEnd().Split('\n').Last());
    }

    /// <summary>Reads one single-quoted Cypher string literal at the start of <paramref name="text"/>.</summary>
    private static string ReadLiteral(string text, out string rest)
    {
        Assert.Equal('\'', text[0]);
        var sb = new StringBuilder();
        var i = 1;
        for (; text[i] != '\''; i++)
        {
            if (text[i] != '\\') { sb.Append(text[i]); continue; }
            var e = text[++i];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u': sb.Append((char)int.Parse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber)); i += 4; break;
                default: sb.Append(e); break;
            }
        }
        rest = text[(i + 1)..];
        return sb.ToString();
    }

    [Fact]
    public void Neo4j_admin_files_have_import_headers_and_read_back_exactly()
    {
        var dataset = TestData.Hostile;
        var folder = Directory.CreateTempSubdirectory("neo4j-admin").FullName;
        try
        {
            var files = Neo4jAdminExporter.Write(Graph(dataset), folder);
            Assert.Contains("nodes_Body.csv", files);
            Assert.Contains("relationships_HOLDS_SEAT_Person_Body.csv", files);

            var bodies = Read(Path.Combine(folder, "nodes_Body.csv"));
            Assert.Equal("key:ID(Body)", bodies[0][0]);
            Assert.Equal(":LABEL", bodies[0][^1]);
            Assert.Contains("meets_per_year:long", bodies[0]);
            var name = Array.IndexOf(bodies[0], "name");
            Assert.Equal(dataset.Authorities[0].Bodies.Select(b => b.Name).Order(), bodies.Skip(1).Select(r => r[name]).Order());

            var seats = Read(Path.Combine(folder, "relationships_HOLDS_SEAT_Person_Body.csv"));
            Assert.Equal(":START_ID(Person)", seats[0][0]);
            Assert.Equal([":END_ID(Body)", ":TYPE"], seats[0][^2..]);
            Assert.Contains("role", seats[0]);
            Assert.All(seats.Skip(1), r => Assert.Equal("HOLDS_SEAT", r[^1]));
            Assert.Contains(seats.Skip(1), r => r[Array.IndexOf(seats[0], "agency")] == "MATCH (n) DETACH DELETE n");

            var partners = Read(Path.Combine(folder, "nodes_RelevantPartner.csv"));
            Assert.Contains("tiers:string[]", partners[0]);
            var import = File.ReadAllText(Path.Combine(folder, "import.sh"));
            Assert.All(files.Where(f => f.EndsWith(".csv")), f => Assert.Contains(f, import));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private static List<string[]> Read(string path)
    {
        var rows = new List<string[]>();
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = false });
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray());
        return rows;
    }

    [Fact]
    public void Graphml_is_valid_xml_with_every_data_key_declared_and_hostile_names_intact()
    {
        var dataset = TestData.Hostile;
        var stream = new MemoryStream();
        GraphMlExporter.Write(Graph(dataset), stream);
        stream.Position = 0;
        var doc = XDocument.Load(stream);
        XNamespace ns = "http://graphml.graphdrawing.org/xmlns";

        var keys = doc.Root!.Elements(ns + "key").ToDictionary(k => (string)k.Attribute("id")!, k => (string)k.Attribute("for")!);
        var nodes = doc.Descendants(ns + "node").ToList();
        var edges = doc.Descendants(ns + "edge").ToList();
        Assert.All(nodes.SelectMany(n => n.Elements(ns + "data")), d => Assert.Equal("node", keys[(string)d.Attribute("key")!]));
        Assert.All(edges.SelectMany(e => e.Elements(ns + "data")), d => Assert.Equal("edge", keys[(string)d.Attribute("key")!]));
        var ids = nodes.Select(n => (string)n.Attribute("id")!).ToHashSet();
        Assert.All(edges, e => { Assert.Contains((string)e.Attribute("source")!, ids); Assert.Contains((string)e.Attribute("target")!, ids); });

        var labels = nodes.Select(n => n.Elements(ns + "data").First(d => (string)d.Attribute("key")! == "label").Value).ToList();
        foreach (var body in dataset.Authorities[0].Bodies) Assert.Contains(body.Name, labels);
        Assert.Contains(dataset.Authorities[0].Authority.Name, labels);
        Assert.Equal(Graph(dataset).Relationships.Count, edges.Count);
    }

    [Fact]
    public void Popolo_memberships_name_the_agency_a_seat_represents_and_keep_containment_apart_from_accountability()
    {
        var dataset = TestData.Load("tests/fixtures/neo4j-twins");
        var popolo = PopoloExporter.Build(dataset);
        var orgs = popolo["organizations"]!.AsArray().ToDictionary(o => o!["id"]!.GetValue<string>());

        var pab = orgs["partshire/body/pab"]!;
        Assert.Equal("partshire/body/cypsp", pab["parent_id"]!.GetValue<string>());
        var cypsp = orgs["partshire/body/cypsp"]!;
        Assert.Null(cypsp["parent_id"]);
        var line = Assert.Single(cypsp["accountability"]!.AsArray());
        Assert.Equal(("partshire/body/lsp", "accountable-to"), (line!["organization_id"]!.GetValue<string>(), line["kind"]!.GetValue<string>()));

        var memberships = popolo["memberships"]!.AsArray();
        var keel = memberships.Where(m => m!["person_id"]?.GetValue<string>() == "partshire/person/richard keel").ToList();
        Assert.Equal(2, keel.Count);
        Assert.All(keel, m => Assert.Equal("partshire/agency/partshire county council", m!["on_behalf_of_id"]!.GetValue<string>()));
        Assert.Equal("partner-agency", orgs["partshire/agency/partshire county council"]!["classification"]!.GetValue<string>());

        var posts = popolo["posts"]!.AsArray();
        var vacant = Assert.Single(posts, p => p!["label"]!.GetValue<string>() == "Probation rep");
        Assert.Equal("vacant", vacant!["status"]!.GetValue<string>());
        Assert.DoesNotContain(memberships, m => m!["post_id"]?.GetValue<string>() == vacant["id"]!.GetValue<string>());
        Assert.Contains(popolo["persons"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Michael Hunt");
        Assert.Contains(popolo["areas"]!.AsArray(), a => a!["id"]!.GetValue<string>() == "partshire");
    }

    [Fact]
    public void Popolo_json_of_hostile_names_parses_back_to_the_same_names()
    {
        var dataset = TestData.Hostile;
        var stream = new MemoryStream();
        PopoloExporter.Write(dataset, null, stream);
        var json = JsonNode.Parse(Encoding.UTF8.GetString(stream.ToArray()))!;
        var names = json["organizations"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()).ToList();
        foreach (var body in dataset.Authorities[0].Bodies) Assert.Contains(body.Name, names);
        Assert.Contains(json["persons"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "<script>alert('person')</script>");
    }
}
