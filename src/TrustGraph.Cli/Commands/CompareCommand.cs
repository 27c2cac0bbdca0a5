using System.CommandLine;
using TrustGraph.Reports;

namespace TrustGraph.Cli.Commands;

/// <summary>
/// <c>trustgraph compare ID,ID[,…]</c>: the comparator benchmark. Each item is an authority id, or <c>ID:ARRANGEMENT</c>
/// to choose one of its arrangements; otherwise its current arrangement is compared, and the output says which.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var data = Common.DataOption();
        var authorities = new Argument<string>("authorities")
        {
            Description = "Comma-separated authority ids, each optionally ID:ARRANGEMENT (e.g. calderdale,worcestershire:proposed-2010).",
        };
        var format = ReportOutput.FormatOption(["html", "md", "csv", "pdf"]);
        var output = ReportOutput.OutOption();
        var command = new Command("compare", "Benchmark authorities side by side: requirements met, structure metrics, relevant partners, and what each could copy.")
        {
            authorities, format, output, data,
        };
        command.SetAction(parse =>
        {
            var dataset = Common.Load(parse.GetValue(data), console);
            if (dataset is null) return CliApp.InvalidInput;

            var items = parse.GetValue(authorities)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (items.Length < 2)
            {
                console.Error.WriteLine("trustgraph: compare needs at least two authorities, separated by commas (e.g. calderdale,suffolk).");
                return CliApp.InvalidInput;
            }
            var subjects = new List<ChosenArrangement>();
            var problems = new List<string>();
            foreach (var item in items)
            {
                var colon = item.IndexOf(':');
                var id = colon < 0 ? item : item[..colon];
                var arrangement = colon < 0 ? null : item[(colon + 1)..];
                var structure = dataset.Find(id);
                if (structure is null)
                {
                    problems.Add($"no authority '{id}'; expected one of: {string.Join(", ", dataset.Authorities.Select(a => a.Id))}");
                    continue;
                }
                var (subject, error) = ChosenArrangement.Pick(structure, string.IsNullOrEmpty(arrangement) ? null : arrangement);
                if (subject is null) problems.Add(error!);
                else if (subjects.Any(s => s.Authority.Id == subject.Authority.Id && s.Graph.ArrangementId == subject.Graph.ArrangementId))
                    problems.Add($"{subject.Graph.Title} is listed twice");
                else subjects.Add(subject);
            }
            if (problems.Count > 0)
            {
                foreach (var problem in problems) console.Error.WriteLine($"trustgraph: {CliConsole.Safe(problem)}");
                return CliApp.InvalidInput;
            }

            var comparison = Comparison.Build(dataset, subjects, DateOnly.FromDateTime(DateTime.Now));
            var chosen = parse.GetValue(format)!;
            var text = chosen switch
            {
                "md" => MarkdownReport.Write(comparison),
                "csv" => CsvReport.Write(comparison),
                _ => HtmlReport.Write(comparison),
            };
            var summary = string.Join("; ", comparison.Columns.Select(c => $"{c.Label}: {ReportText.Tally(c.Verdicts)}"));
            return ReportOutput.Emit(text, chosen, parse.GetValue(output), summary, console);
        });
        return command;
    }
}
