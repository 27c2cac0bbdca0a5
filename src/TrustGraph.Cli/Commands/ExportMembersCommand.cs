using System.CommandLine;
using CsvHelper;
using TrustGraph.Import;
using TrustGraph.Loading;

namespace TrustGraph.Cli.Commands;

/// <summary>
/// <c>trustgraph export-members --authority ID --body ID</c>: one body's membership in the columns of memberships.csv,
/// ready to edit in a spreadsheet and import back (which, unedited, changes nothing).
/// </summary>
internal static class ExportMembersCommand
{
    public static Command Create(CliConsole console)
    {
        var data = Common.DataOption();
        var authority = new Option<string>("--authority") { Description = "The authority's id (e.g. suffolk).", HelpName = "ID", Required = true };
        var body = new Option<string>("--body") { Description = "The body's id (e.g. ecg).", HelpName = "ID", Required = true };
        var output = new Option<string?>("--out") { Description = "Write to this file (replaced atomically) instead of the standard output.", HelpName = "FILE" };
        var command = new Command("export-members", "Write a body's membership list as CSV in the dataset's own columns, for editing and importing back.")
        {
            authority, body, output, data,
        };
        command.SetAction(parse =>
        {
            var dataset = Common.Load(parse.GetValue(data), console);
            if (dataset is null) return CliApp.InvalidInput;
            var authorityId = parse.GetValue(authority)!;
            var bodyId = parse.GetValue(body)!;
            var errors = new List<DatasetError>();
            if (!ImportPlanner.CheckTarget(dataset, authorityId, bodyId, errors))
            {
                foreach (var e in errors) console.Error.WriteLine($"trustgraph: {e}");
                return CliApp.InvalidInput;
            }
            var seats = dataset.Find(authorityId)!.Seats.Where(s => s.Body == bodyId).ToList();
            if (parse.GetValue(output) is { } path)
            {
                DatasetWriter.WriteMemberships(seats, path, forSpreadsheets: true);
                console.Error.WriteLine($"Wrote {seats.Count} seats of {bodyId} to {path}.");
                return CliApp.Ok;
            }
            using (var writer = CsvWriter.Create(console.Out, new CsvWriterOptions { NewLine = "\n", Injection = CsvInjection.Escape }, leaveOpen: true))
            {
                writer.WriteHeader(DatasetWriter.MembershipColumns);
                foreach (var seat in seats) writer.WriteRecord(DatasetWriter.MembershipRow(seat).Select(v => v ?? "").ToArray());
                writer.Flush();
            }
            return CliApp.Ok;
        });
        return command;
    }
}
