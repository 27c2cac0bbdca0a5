using System.CommandLine;
using TrustGraph.Analyses;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Cli.Commands;

/// <summary><c>trustgraph analyse</c>: the four analyses, as text for people or as the contract's JSON.</summary>
internal static class AnalyseCommand
{
    public static Command Create(CliConsole console)
    {
        var data = Common.DataOption();
        var authority = new Option<string?>("--authority") { Description = "Only this authority (its id).", HelpName = "ID" };
        var arrangement = new Option<string?>("--arrangement") { Description = "Only this arrangement (e.g. 2009, proposed-2010).", HelpName = "NAME" };
        var format = new Option<string>("--format") { Description = "text (for people) or json (the findings document).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when any finding is at least this severe.", HelpName = "error|warning" };
        failOn.AcceptOnlyFromAmong("error", "warning");

        var command = new Command("analyse", "Find duplicated membership, missing relevant partners, accountability cycles and gaps in reporting to the LSP.")
        {
            data, authority, arrangement, format, failOn,
        };
        command.Aliases.Add("analyze");
        command.SetAction(parse =>
        {
            // One authority in memory at a time; nothing is printed until the whole dataset has proved valid.
            var dir = Common.ResolveData(parse.GetValue(data));
            var id = parse.GetValue(authority);
            var arr = parse.GetValue(arrangement);
            var json = parse.GetValue(format) == "json";
            var stream = DatasetStream.Open(dir);
            var outline = new List<AuthorityStructure>();
            var findings = new List<Finding>();
            using var document = new FindingsJsonWriter();
            Severity? worst = null;
            foreach (var structure in stream.Structures())
            {
                outline.Add(structure with { Bodies = [], Seats = [], Lines = [], Duties = [] });
                if (stream.Errors.Count > 0 || (id is not null && structure.Id != id)) continue;
                foreach (var finding in Analysis.Run(structure, arr))
                {
                    if (json) document.Add(finding);
                    else findings.Add(finding);
                    if (worst is null || finding.Severity > worst) worst = finding.Severity;
                }
            }
            if (stream.Errors.Count > 0)
            {
                Common.ReportInvalid(dir, stream.Errors, console);
                return CliApp.InvalidInput;
            }
            var dataset = new Dataset(outline, stream.Sources);
            if (!Common.CheckScope(dataset, id, arr, console)) return CliApp.InvalidInput;

            if (json)
            {
                document.WriteTo(console.Out);
                console.Out.WriteLine();
            }
            else FindingsText.Write(dataset, findings, console);

            var threshold = parse.GetValue(failOn) switch { "error" => Severity.Error, "warning" => Severity.Warning, _ => (Severity?)null };
            return threshold is Severity t && worst >= t ? CliApp.ThresholdMet : CliApp.Ok;
        });
        return command;
    }
}

/// <summary>Findings as a person reads them: grouped by authority and arrangement, then by check, most severe first.</summary>
internal static class FindingsText
{
    private static readonly Dictionary<string, string> CheckTitles = new()
    {
        [Checks.DuplicatedMembership] = "Duplicated membership",
        [Checks.MissingRelevantPartner] = "Relevant partners (Children Act 2004 s10)",
        [Checks.AccountabilityCycle] = "Accountability cycles",
        [Checks.LspReportingGap] = "Reporting path to the LSP",
    };

    public static void Write(Dataset dataset, IReadOnlyList<Finding> findings, CliConsole console)
    {
        var o = console.Out;
        foreach (var byView in findings.GroupBy(f => (f.Authority, f.Arrangement)))
        {
            var authority = dataset.Find(byView.Key.Authority)?.Authority.Name ?? byView.Key.Authority;
            o.WriteLine(console.Paint($"{authority}{(byView.Key.Arrangement is null ? "" : $" — arrangement {byView.Key.Arrangement}")}", "1"));
            foreach (var byCheck in byView.GroupBy(f => f.Check))
            {
                o.WriteLine("  " + console.Paint(CheckTitles.GetValueOrDefault(byCheck.Key, byCheck.Key), "4"));
                foreach (var f in byCheck.OrderByDescending(f => f.Severity))
                {
                    o.WriteLine($"    {Badge(f.Severity, console)} {f.Message}");
                    if (f.Remedy is not null) o.WriteLine($"             Remedy: {f.Remedy}");
                    o.WriteLine(console.Paint($"             Sources: {string.Join(", ", f.Sources)}", "2"));
                }
            }
            o.WriteLine();
        }
        var counts = string.Join(", ", Enum.GetValues<Severity>().Reverse().Select(s => $"{findings.Count(f => f.Severity == s)} {s.ToString().ToLowerInvariant()}"));
        o.WriteLine(findings.Count == 0 ? "No findings." : $"{findings.Count} findings: {counts}.");
    }

    private static string Badge(Severity severity, CliConsole console) => severity switch
    {
        Severity.Error => console.Paint("ERROR  ", "31;1"),
        Severity.Warning => console.Paint("WARNING", "33;1"),
        _ => console.Paint("INFO   ", "36"),
    };
}
