using System.CommandLine;
using TrustGraph.Guidance;
using TrustGraph.Model;
using TrustGraph.Neo4j;
using TrustGraph.Neo4j.Export;

namespace TrustGraph.Cli.Commands;

/// <summary>
/// <c>trustgraph export --format cypher|neo4j-admin|graphml|popolo|kumu</c>: the dataset as a cypher-shell script, CSV
/// files for <c>neo4j-admin database import</c>, GraphML for yEd and Gephi, Popolo JSON, or a Kumu blueprint
/// (docs/exports.md says how to open each). A file goes to
/// <c>--out</c> (written whole, then moved into place) or to standard output; neo4j-admin needs a folder.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var data = Common.DataOption();
        var authority = new Option<string?>("--authority") { Description = "Only this authority (its id).", HelpName = "ID" };
        var format = new Option<string>("--format") { Description = "cypher, neo4j-admin, graphml, popolo or kumu.", Required = true };
        format.AcceptOnlyFromAmong("cypher", "neo4j-admin", "graphml", "popolo", "kumu");
        var output = new Option<string?>("--out") { Description = "The file (a folder for neo4j-admin; default ./neo4j-import). Default for the others: standard output.", HelpName = "PATH" };
        var command = new Command("export", "Write the dataset as a Cypher script, neo4j-admin import CSVs, GraphML, Popolo JSON or a Kumu blueprint.")
        {
            format, output, data, authority,
        };
        command.SetAction(parse =>
        {
            var dataset = Common.Load(parse.GetValue(data), console);
            if (dataset is null) return CliApp.InvalidInput;
            var id = parse.GetValue(authority);
            if (!Common.CheckScope(dataset, id, null, console)) return CliApp.InvalidInput;
            var path = parse.GetValue(output);
            var kind = parse.GetValue(format)!;

            if (kind == "neo4j-admin")
            {
                var folder = path ?? "neo4j-import";
                var files = Neo4jAdminExporter.Write(Graph(dataset, id), folder);
                console.Out.WriteLine($"Wrote {files.Count} files to {folder}: {string.Join(", ", files)}. Import with: sh {Path.Combine(folder, "import.sh")}");
                return CliApp.Ok;
            }

            void Write(Stream stream)
            {
                switch (kind)
                {
                    case "popolo":
                        PopoloExporter.Write(dataset, id, stream);
                        break;
                    case "kumu":
                        KumuExporter.Write(dataset, id, stream);
                        break;
                    case "graphml":
                        GraphMlExporter.Write(Graph(dataset, id), stream);
                        break;
                    default:
                        using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
                            CypherScriptExporter.Write(Graph(dataset, id), writer);
                        break;
                }
            }

            if (path is null)
            {
                using var buffer = new MemoryStream();
                Write(buffer);
                console.Out.Write(new System.Text.UTF8Encoding(false).GetString(buffer.ToArray()));
                console.Out.Flush();
                return CliApp.Ok;
            }
            var full = Path.GetFullPath(path);
            var temp = full + $".tmp-{Environment.ProcessId}";
            try
            {
                using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    Write(file);
                    file.Flush(flushToDisk: true);
                }
                File.Move(temp, full, overwrite: true);
            }
            catch
            {
                File.Delete(temp);
                throw;
            }
            console.Out.WriteLine($"Wrote {kind} export to {full}.");
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The whole graph of the chosen authorities, with the sources and relevant partners the twins need.</summary>
    private static PropertyGraph Graph(Dataset dataset, string? authority) =>
        PropertyGraph.Concat([GraphProjection.Shared(dataset, RelevantPartners.Statutory), GraphProjection.Of(dataset, authority)]);
}
