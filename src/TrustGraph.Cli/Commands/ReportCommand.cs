using TrustGraph.Analyses;
using TrustGraph.Diagrams;
using System.CommandLine;
using TrustGraph.Graph;
using TrustGraph.Guidance;
using TrustGraph.Reports;

namespace TrustGraph.Cli.Commands;

/// <summary>
/// <c>trustgraph report</c>: one authority's arrangement against the statutory guidance, as a document for the board
/// (HTML with its diagrams, printable; PDF through headless Chromium; Markdown; CSV).
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var data = Common.DataOption();
        var authority = new Option<string>("--authority") { Description = "The authority's id (e.g. worcestershire).", HelpName = "ID", Required = true };
        var arrangement = new Option<string?>("--arrangement")
        {
            Description = "The arrangement to judge (default: the current one, else the latest in force).",
            HelpName = "NAME",
        };
        var format = ReportOutput.FormatOption(["html", "md", "csv", "pdf"]);
        var output = ReportOutput.OutOption();
        var board = Common.BoardOption();

        var command = new Command("report", "Write a report of an authority's gaps against the statutory guidance, with evidence, citations and remedies.")
        {
            authority, arrangement, format, output, data, board,
        };
        command.SetAction(parse =>
        {
            var dataset = Common.Load(parse.GetValue(data), console);
            if (dataset is null) return CliApp.InvalidInput;
            var id = parse.GetValue(authority)!;
            var structure = dataset.Find(id);
            if (structure is null)
            {
                console.Error.WriteLine($"trustgraph: no authority '{id}'; expected one of: {string.Join(", ", dataset.Authorities.Select(a => a.Id))}");
                return CliApp.InvalidInput;
            }
            var (subject, error) = ChosenArrangement.Pick(structure, parse.GetValue(arrangement));
            if (subject is null)
            {
                console.Error.WriteLine($"trustgraph: {CliConsole.Safe(error)}");
                return CliApp.InvalidInput;
            }
            if (parse.GetValue(board) is { } named)
            {
                if (!subject.Graph.Contains(named))
                {
                    console.Error.WriteLine($"trustgraph: no body '{CliConsole.Safe(named)}' in {CliConsole.Safe(subject.Graph.Title)}; expected one of: {string.Join(", ", subject.Graph.Bodies.Select(b => b.Id))}");
                    return CliApp.InvalidInput;
                }
                subject = subject with { Graph = subject.Graph.JudgingBoard(named) };
            }

            var report = GuidanceReport.Build(dataset, subject, DateOnly.FromDateTime(DateTime.Now));
            var chosen = parse.GetValue(format)!;
            var (diagrams, omitted) = Diagrams(subject.Graph);
            var text = chosen switch
            {
                "md" => MarkdownReport.Write(report),
                "csv" => CsvReport.Write(report),
                _ => HtmlReport.Write(report, diagrams, omitted),
            };
            var summary = $"{report.Title}: {ReportText.Tally(report.Verdicts)}";
            return ReportOutput.Emit(text, chosen, parse.GetValue(output), summary, console);
        });
        return command;
    }

    /// <summary>The authority's hierarchy and onion diagrams, or none with the reason.</summary>
    internal static (IReadOnlyList<ReportDiagram> Diagrams, string? Omitted) Diagrams(GovernanceGraph graph)
    {
        var findings = Analysis.Run(graph);
        return ([new ReportDiagram($"Hierarchy: {graph.Title}", DiagramSvg.Render(HierarchyDiagram.Build(graph, findings))),
                 new ReportDiagram($"Onion: {graph.Title}", DiagramSvg.Render(OnionDiagram.Build(graph, findings)))], null);
    }
}

/// <summary>The format and output options of <c>report</c> and <c>compare</c>, and writing the result where the user asked.</summary>
internal static class ReportOutput
{
    public static Option<string> FormatOption(string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"{string.Join(", ", formats)} (pdf prints the HTML with headless Chromium).",
            DefaultValueFactory = _ => "html",
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static Option<string?> OutOption() => new("--out")
    {
        Description = "Write to this file (default: standard output; required for pdf).",
        HelpName = "FILE",
    };

    /// <summary>Writes the text (or, for pdf, the PDF printed from it) to the file or standard output; returns the exit code.</summary>
    public static int Emit(string text, string format, string? path, string summary, CliConsole console)
    {
        if (format == "pdf")
        {
            if (path is null)
            {
                console.Error.WriteLine("trustgraph: --format pdf needs --out FILE (a PDF is not written to the terminal).");
                return CliApp.InvalidInput;
            }
            var (chromium, looked) = ChromiumPdf.Find();
            if (chromium is null)
            {
                console.Error.WriteLine($"trustgraph: cannot print a PDF: Chromium was not found (looked at {looked}).");
                console.Error.WriteLine(ChromiumPdf.HowToInstall);
                return CliApp.InvalidInput;
            }
            var problem = ChromiumPdf.Print(chromium, text, path);
            if (problem is not null)
            {
                console.Error.WriteLine($"trustgraph: cannot print a PDF: {CliConsole.Safe(problem)}");
                return CliApp.InvalidInput;
            }
            console.Out.WriteLine($"Wrote {path} ({CliConsole.Safe(summary)}).");
            return CliApp.Ok;
        }

        if (path is null)
        {
            console.Out.Write(text);
            return CliApp.Ok;
        }
        try
        {
            var full = Path.GetFullPath(path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temp = full + $".tmp-{Environment.ProcessId}";
            File.WriteAllText(temp, text);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"trustgraph: cannot write {path}: {e.Message}");
            return CliApp.InvalidInput;
        }
        console.Out.WriteLine($"Wrote {path} ({CliConsole.Safe(summary)}).");
        return CliApp.Ok;
    }
}
