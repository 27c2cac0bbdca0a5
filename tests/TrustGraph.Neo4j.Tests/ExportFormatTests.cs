using System.Diagnostics;
using System.Text.Json.Nodes;
using CsvHelper;
using TrustGraph.Graph;
using TrustGraph.Guidance;
using TrustGraph.Model;
using TrustGraph.Neo4j;
using TrustGraph.Neo4j.Export;

namespace TrustGraph.Neo4j.Tests;

/// <summary>
/// Each export against the rules of the tool that reads it, on the shipped data and on the hostile fixtures: Popolo
/// objects against the popolo-spec schemas' rules (<see cref="PopoloRules"/>), the Kumu blueprint against Kumu's import
/// format (elements and connections, ids unique across both, every connection's ends an element), and the
/// neo4j-admin files against what the importer needs (a script that runs from anywhere, one type per property).
/// </summary>
public sealed class ExportFormatTests
{
    public static TheoryData<string> Datasets => new() { "data", "tests/fixtures/hostile", "tests/fixtures/export-hostile", "tests/fixtures/neo4j-twins" };

    private static PropertyGraph Graph(Dataset dataset) =>
        PropertyGraph.Concat([GraphProjection.Shared(dataset, RelevantPartners.Statutory), GraphProjection.Of(dataset)]);

    // ---- Popolo ----

    [Fact]
    public void The_popolo_rules_reject_a_dataset_locator_as_a_source_url_and_a_link_without_one()
    {
        var org = new JsonObject
        {
            ["id"] = "x", ["name"] = "X",
            ["sources"] = new JsonArray(new JsonObject { ["url"] = "calderdale-model-2#ice" }, new JsonObject { ["note"] = "no url" }),
            ["identifiers"] = new JsonArray(new JsonObject { ["scheme"] = "ons", ["identifier"] = 7 }),
        };
        Assert.Equal(
            [
                "organizations[0].identifiers[0].identifier: is number; expected string",
                "organizations[0].sources[0].url: 'calderdale-model-2#ice' is not a valid uri",
                "organizations[0].sources[1].url: is required",
            ],
            PopoloRules.Check("organization", org, "organizations[0]").Order(StringComparer.Ordinal));
        Assert.Empty(PopoloRules.Check("organization", new JsonObject { ["sources"] = new JsonArray(new JsonObject { ["url"] = "https://example.org/tor.pdf#page=3" }) }, "o"));
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Every_popolo_object_passes_the_popolo_schema_rules(string folder)
    {
        var errors = PopoloRules.CheckExport(PopoloExporter.Build(TestData.Load(folder)));
        Assert.True(errors.Count == 0, $"{errors.Count} Popolo schema errors in {folder}:\n" + string.Join("\n", errors.Take(20)));
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Popolo_references_all_resolve(string folder)
    {
        var popolo = PopoloExporter.Build(TestData.Load(folder));
        var ids = (string collection) => popolo[collection]!.AsArray().Select(o => o!["id"]!.GetValue<string>()).ToHashSet();
        var orgs = ids("organizations");
        var persons = ids("persons");
        var posts = ids("posts");
        var areas = ids("areas");
        foreach (var o in popolo["organizations"]!.AsArray())
        {
            if (o!["parent_id"] is { } parent) Assert.Contains(parent.GetValue<string>(), orgs);
            Assert.Contains(o["area_id"]!.GetValue<string>(), areas);
        }
        foreach (var p in popolo["posts"]!.AsArray()) Assert.Contains(p!["organization_id"]!.GetValue<string>(), orgs);
        foreach (var m in popolo["memberships"]!.AsArray())
        {
            Assert.Contains(m!["organization_id"]!.GetValue<string>(), orgs);
            if (m["person_id"] is { } person) Assert.Contains(person.GetValue<string>(), persons);
            if (m["post_id"] is { } post) Assert.Contains(post.GetValue<string>(), posts);
            if (m["on_behalf_of_id"] is { } agency) Assert.Contains(agency.GetValue<string>(), orgs);
        }
    }

    [Fact]
    public void Popolo_objects_carry_their_citation_and_provenance_and_no_made_up_urls()
    {
        var popolo = PopoloExporter.Build(TestData.ExportHostile);
        Assert.DoesNotContain("\"sources\"", popolo.ToJsonString());
        var orgs = popolo["organizations"]!.AsArray().ToDictionary(o => o!["id"]!.GetValue<string>());
        var exec = orgs["odd-ids/body/1st-exec"]!;
        Assert.Equal(("inferred", "Read from the diagram | not the text"), (exec["basis"]!.GetValue<string>(), exec["note"]!.GetValue<string>()));
        var citation = exec["citation"]!;
        Assert.Equal(("odd-paper", "p 4"), (citation["source_id"]!.GetValue<string>(), citation["locator"]!.GetValue<string>()));
        Assert.StartsWith("Terms of reference: \"odd\" names", citation["note"]!.GetValue<string>());
        var line = Assert.Single(exec["accountability"]!.AsArray());
        Assert.Equal(("inferred", "From \"on behalf of\" wording"), (line!["basis"]!.GetValue<string>(), line["note"]!.GetValue<string>()));
        Assert.Equal("inferred", Assert.Single(exec["duties"]!.AsArray())!["basis"]!.GetValue<string>());
        var paired = Assert.Single(popolo["memberships"]!.AsArray(), m => m!["note"]?.GetValue<string>() == "Paired by list order");
        Assert.Equal("inferred", paired!["basis"]!.GetValue<string>());
        var arrangement = Assert.Single(popolo["areas"]!.AsArray()[0]!["arrangements"]!.AsArray());
        Assert.Equal("Date from the cover <b>page</b> & \"footer\"", arrangement!["note"]!.GetValue<string>());
    }

    // ---- Kumu ----

    /// <summary>Kumu's import format: what its blueprint documentation requires of elements and connections.</summary>
    private static List<string> KumuErrors(JsonObject blueprint)
    {
        var errors = new List<string>();
        if (blueprint["elements"] is not JsonArray elements || blueprint["connections"] is not JsonArray connections)
            return ["a blueprint is an object with the arrays 'elements' and 'connections'"];
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var elementIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (item, i) in elements.Select((e, i) => (e, i)))
        {
            if (item?["label"]?.GetValueKind() != System.Text.Json.JsonValueKind.String) errors.Add($"elements[{i}] has no label");
            if (item?["id"]?.GetValue<string>() is not { } id || !ids.Add(id)) errors.Add($"elements[{i}] has a missing or repeated id");
            else elementIds.Add(id);
            errors.AddRange(FlatFields(item!.AsObject(), $"elements[{i}]"));
        }
        foreach (var (item, i) in connections.Select((c, i) => (c, i)))
        {
            if (item?["id"]?.GetValue<string>() is not { } id || !ids.Add(id)) errors.Add($"connections[{i}] has a missing or repeated id");
            foreach (var end in new[] { "from", "to" })
                if (item?[end]?.GetValue<string>() is not { } target || !elementIds.Contains(target)) errors.Add($"connections[{i}].{end} names no element");
            if (item?["direction"]?.GetValue<string>() is { } d && d is not ("directed" or "undirected" or "mutual"))
                errors.Add($"connections[{i}].direction is '{d}'");
            errors.AddRange(FlatFields(item!.AsObject(), $"connections[{i}]"));
        }
        return errors;
    }

    /// <summary>Kumu fields hold text, numbers, true/false or lists of text (tags, multi-value fields); nothing nested.</summary>
    private static IEnumerable<string> FlatFields(JsonObject o, string where) =>
        o.Where(p => p.Value is JsonObject || p.Value is null || (p.Value is JsonArray a && a.Any(x => x is not JsonValue v || v.GetValueKind() != System.Text.Json.JsonValueKind.String)))
            .Select(p => $"{where}.{p.Key} is not a flat Kumu field value");

    [Fact]
    public void The_kumu_rules_reject_a_connection_to_nowhere_and_an_id_used_twice()
    {
        var bad = new JsonObject
        {
            ["elements"] = new JsonArray(new JsonObject { ["id"] = "a", ["label"] = "A" }),
            ["connections"] = new JsonArray(new JsonObject { ["id"] = "a", ["from"] = "a", ["to"] = "b", ["Nested"] = new JsonObject() }),
        };
        Assert.Equal(["connections[0] has a missing or repeated id", "connections[0].to names no element", "connections[0].Nested is not a flat Kumu field value"], KumuErrors(bad));
    }

    [Theory]
    [MemberData(nameof(Datasets))]
    public void The_kumu_blueprint_follows_kumus_import_format_with_one_element_or_connection_per_row(string folder)
    {
        var dataset = TestData.Load(folder);
        var blueprint = KumuExporter.Build(dataset);
        var errors = KumuErrors(blueprint);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));

        var elements = blueprint["elements"]!.AsArray();
        var connections = blueprint["connections"]!.AsArray();
        int Count(JsonArray items, string type) => items.Count(e => e!["type"]!.GetValue<string>() == type);
        Assert.Equal(dataset.Authorities.Sum(a => a.Bodies.Count), Count(elements, "Body"));
        Assert.Equal(dataset.Authorities.Sum(a => a.Seats.Count), Count(connections, "Membership"));
        Assert.Equal(dataset.Authorities.Sum(a => a.Lines.Count), Count(connections, "Accountability"));
        Assert.Equal(dataset.Authorities.Sum(a => a.Bodies.Count(b => b.PartOf is not null)), Count(connections, "Part of"));
        Assert.Equal(dataset.Authorities.Sum(a => a.Seats.Where(s => s.Person is not null).Select(s => PersonName.Key(s.Person!)).Distinct().Count()), Count(elements, "Person"));
        Assert.Equal(dataset.Authorities.Sum(a => a.Seats.Where(s => s.Agency is not null).Select(s => PersonName.Key(s.Agency!)).Distinct().Count()), Count(elements, "Agency"));
    }

    [Fact]
    public void Kumu_elements_and_connections_carry_type_layer_kind_source_and_provenance()
    {
        var blueprint = KumuExporter.Build(TestData.ExportHostile);
        var elements = blueprint["elements"]!.AsArray().ToDictionary(e => e!["id"]!.GetValue<string>());
        var exec = elements["odd-ids/body/1st-exec"]!;
        Assert.Equal(("Body", "strategy", "executive"), (exec["type"]!.GetValue<string>(), exec["Layer"]!.GetValue<string>(), exec["Kind"]!.GetValue<string>()));
        Assert.Equal(("inferred", "Read from the diagram | not the text"), (exec["Basis"]!.GetValue<string>(), exec["Note"]!.GetValue<string>()));
        Assert.Contains("inferred", exec["tags"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("1st Executive: Ünïcödé \u200FRTL\u200F group", exec["label"]!.GetValue<string>());
        Assert.Contains("Commission services 'jointly' [stay-safe] (odd-paper#p 4; inferred; Implied by the budget line)", exec["description"]!.GetValue<string>());

        var connections = blueprint["connections"]!.AsArray();
        var line = Assert.Single(connections, c => c!["type"]!.GetValue<string>() == "Accountability" && c["Basis"]!.GetValue<string>() == "inferred");
        Assert.Equal(("odd-ids/body/1st-exec", "odd-ids/body/board", "reports-to", "odd-paper#p 4 'reports'"),
            (line!["from"]!.GetValue<string>(), line["to"]!.GetValue<string>(), line["Kind"]!.GetValue<string>(), line["Source"]!.GetValue<string>()));
        var vacant = Assert.Single(connections, c => c!["Status"]?.GetValue<string>() == "vacant");
        Assert.Equal("Post", elements[vacant!["from"]!.GetValue<string>()]!["type"]!.GetValue<string>());
        // A/B Council and A B Council are two agencies, as they are in the dataset.
        Assert.Equal(2, elements.Values.Count(e => e!["type"]!.GetValue<string>() == "Agency" && e["label"]!.GetValue<string>().EndsWith("Council")));
    }

    // ---- cypher ----

    [Fact]
    public void The_cypher_script_sets_basis_and_note_on_the_rows_that_have_them()
    {
        var writer = new StringWriter();
        CypherScriptExporter.Write(Graph(TestData.ExportHostile), writer);
        var lines = writer.ToString().Split('\n');
        var paired = Assert.Single(lines, l => l.Contains("'Paired by list order'"));
        Assert.Contains("[r:HOLDS_SEAT", paired);
        Assert.Contains("basis: 'inferred'", paired);
        Assert.Contains(lines, l => l.StartsWith("MERGE (n:Arrangement") && l.Contains("note: 'Date from the cover <b>page</b> & \"footer\"'"));
        // the fixture's inferred rows: two bodies, two seats, one line, one duty
        Assert.Equal(6, lines.Count(l => l.Contains("basis: 'inferred'")));
        Assert.Single(lines, l => l.StartsWith("MERGE (n:Duty") && l.Contains("basis: 'inferred'"));
    }

    // ---- neo4j-admin ----

    [Fact]
    public void Every_neo4j_admin_property_has_one_type_in_every_file_and_seat_voting_is_boolean_everywhere()
    {
        var folder = Directory.CreateTempSubdirectory("neo4j-admin").FullName;
        try
        {
            var files = Neo4jAdminExporter.Write(Graph(TestData.Shipped), folder);
            var seatFiles = files.Where(f => f.StartsWith("relationships_HOLDS_SEAT_")).ToList();
            Assert.Equal(2, seatFiles.Count);
            Assert.All(seatFiles, f => Assert.Contains("voting:boolean", Header(Path.Combine(folder, f))));
            // Across all files of one label or relationship type, a property name appears with one type only.
            string Entity(string file) => file.StartsWith("nodes_")
                ? file
                : GraphModel.RelationshipTypes.Where(t => file.StartsWith($"relationships_{t}_")).MaxBy(t => t.Length)!;
            var typed = files.Where(f => f.EndsWith(".csv"))
                .SelectMany(f => Header(Path.Combine(folder, f)).Where(h => !h.StartsWith(':') && !h.Contains("ID("))
                    .Select(h => (Entity: Entity(f), Name: h.Split(':')[0], Header: h)))
                .GroupBy(x => (x.Entity, x.Name)).ToList();
            Assert.Contains(typed, g => g.Key == ("HOLDS_SEAT", "voting"));
            Assert.All(typed, g => Assert.Single(g.Select(x => x.Header).Distinct()));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void An_authority_whose_seats_never_say_whether_they_vote_still_types_voting_as_boolean()
    {
        var dataset = TestData.Shipped;
        Assert.All(dataset.Authorities.Single(a => a.Id == "york").Seats, s => Assert.Null(s.Voting));
        var folder = Directory.CreateTempSubdirectory("neo4j-admin").FullName;
        try
        {
            var files = Neo4jAdminExporter.Write(PropertyGraph.Concat([GraphProjection.Shared(dataset, RelevantPartners.Statutory), GraphProjection.Of(dataset, "york")]), folder);
            Assert.All(files.Where(f => f.StartsWith("relationships_HOLDS_SEAT_")), f => Assert.Contains("voting:boolean", Header(Path.Combine(folder, f))));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void Neo4j_admin_carries_basis_and_note_columns_for_seats_lines_bodies_and_duties()
    {
        var folder = Directory.CreateTempSubdirectory("neo4j-admin").FullName;
        try
        {
            Neo4jAdminExporter.Write(Graph(TestData.ExportHostile), folder);
            foreach (var file in new[] { "nodes_Body.csv", "nodes_Duty.csv", "relationships_HOLDS_SEAT_Person_Body.csv", "relationships_REPORTS_TO_Body_Body.csv" })
            {
                var rows = Rows(Path.Combine(folder, file));
                var basis = Array.IndexOf(rows[0], "basis");
                Assert.True(basis >= 0 && Array.IndexOf(rows[0], "note") >= 0, file);
                Assert.Contains(rows.Skip(1), r => r[basis] == "inferred");
            }
            Assert.Contains("note", Header(Path.Combine(folder, "nodes_Arrangement.csv")));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [SkippableFact]
    public void The_import_script_finds_its_files_when_run_from_another_folder()
    {
        Skip.If(OperatingSystem.IsWindows() || !File.Exists("/bin/sh"), "needs a POSIX sh");
        var folder = Directory.CreateTempSubdirectory("neo4j-admin").FullName;
        var elsewhere = Directory.CreateTempSubdirectory("elsewhere").FullName;
        try
        {
            var export = Path.Combine(folder, "neo4j-import");
            var files = Neo4jAdminExporter.Write(Graph(TestData.ExportHostile), export);
            // A stand-in for neo4j-admin that fails unless every --nodes/--relationships file exists where it is run.
            var bin = Path.Combine(folder, "bin");
            Directory.CreateDirectory(bin);
            File.WriteAllText(Path.Combine(bin, "neo4j-admin"), """
                #!/bin/sh
                for a in "$@"; do
                  case "$a" in --nodes=*|--relationships=*) f="${a#*=}"; [ -f "$f" ] || { echo "missing $f in $(pwd)"; exit 3; }; echo "found $f";; esac
                done
                """.Replace("\r", ""));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(bin, "neo4j-admin"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = elsewhere, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(export, "import.sh"));
            start.Environment["PATH"] = bin + ":/usr/bin:/bin";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, output);
            Assert.Equal(files.Count(f => f.EndsWith(".csv")), output.Split('\n').Count(l => l.StartsWith("found ")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    private static string[] Header(string path) => Rows(path)[0];

    private static List<string[]> Rows(string path)
    {
        var rows = new List<string[]>();
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = false });
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray());
        return rows;
    }
}
