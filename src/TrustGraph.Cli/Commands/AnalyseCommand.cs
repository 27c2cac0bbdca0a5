using System.Text;
using System.CommandLine;
using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Cli.Commands;

/// <summary><c>trustgraph analyse</c>: the four analyses, as text for people or as the contract's JSON.</summary>
internal static class AnalyseCommand
{
    public static Command Create(CliConsole console, string defaultBackend = "embedded")
    {
        var data = Common.DataOption();
        var authority = new Option<string?>("--authority") { Description = "Only this authority (its id).", HelpName = "ID" };
        var arrangement = new Option<string?>("--arrangement") { Description = "Only this arrangement (e.g. 2009, proposed-2010).", HelpName = "NAME" };
        var format = new Option<string>("--format") { Description = "text (for people) or json (the findings document).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when any finding is at least this severe.", HelpName = "error|warning" };
        failOn.AcceptOnlyFromAmong("error", "warning");
        var guidance = new Option<bool>("--guidance") { Description = "Also judge each arrangement against the statutory guidance (check \"guidance\")." };
        var backend = new Option<string>("--backend") { Description = "embedded (in memory) or neo4j (the Cypher twins, run in Neo4j; set NEO4J_URI etc.).", DefaultValueFactory = _ => defaultBackend };
        backend.AcceptOnlyFromAmong("embedded", "neo4j");
        var board = Common.BoardOption();

        var command = new Command("analyse", "Find duplicated membership, missing relevant partners, accountability cycles and gaps in reporting to the LSP.")
        {
            data, authority, arrangement, format, failOn, guidance, backend, board,
        };
        command.Aliases.Add("analyze");
        command.SetAction(parse =>
        {
            // One authority in memory at a time; nothing is printed until the whole dataset has proved valid.
            var dir = Common.ResolveData(parse.GetValue(data));
            var id = parse.GetValue(authority);
            var arr = parse.GetValue(arrangement);
            var json = parse.GetValue(format) == "json";
            var embedded = parse.GetValue(backend) != "neo4j";
            var judge = parse.GetValue(guidance);
            var named = parse.GetValue(board);
            if (named is not null && id is null)
            {
                console.Error.WriteLine("trustgraph: --board needs --authority: a body id names a body of one authority");
                return CliApp.InvalidInput;
            }
            if (named is not null && !embedded)
            {
                console.Error.WriteLine("trustgraph: --board judges another body in memory; it is not available with --backend neo4j");
                return CliApp.InvalidInput;
            }
            IReadOnlyList<string>? boardCandidates = null;
            var stream = DatasetStream.Open(dir);
            var outline = new List<AuthorityStructure>();
            var findings = new List<Finding>();
            var judged = new List<Finding>(); // guidance findings follow those of the four analyses
            using var document = new FindingsJsonWriter();
            // The text report is written authority by authority too (on the workers), held until the dataset proves valid. Findings
            // from Neo4j arrive only at the end, so with that backend the report is made from the collected findings instead.
            var streamText = !json && embedded;
            using var report = new OutputSpool();
            var tally = new FindingsText.Tally();
            Severity? worst = null;
            void Report(Finding finding)
            {
                if (json) document.Add(finding);
                else findings.Add(finding);
                if (worst is null || finding.Severity > worst) worst = finding.Severity;
            }

            // Authorities are independent: each is read, analysed and (for JSON) formatted on the thread pool, several at once, and
            // taken here in file order, so the output is the same bytes as one authority after another would give.
            var analysed = stream.InParallel((structure, invalid) =>
            {
                if (invalid || stream.HasErrors || (id is not null && structure.Id != id) || !(embedded || judge)) return null;
                var graphs = GovernanceGraph.For(structure).Where(g => arr is null || g.ArrangementId == arr).ToList();
                if (named is not null)
                {
                    if (!graphs.Any(g => g.Contains(named)))
                        return new AuthorityFindings([], null, [], graphs.SelectMany(g => g.Bodies).Select(b => b.Id).Distinct().ToList());
                    graphs = graphs.Where(g => g.Contains(named)).Select(g => g.JudgingBoard(named)).ToList();
                }
                List<Finding> found = embedded ? [.. graphs.SelectMany(g => Analysis.Run(g))] : [];
                List<Finding> guided = judge ? [.. graphs.SelectMany(g => TrustGraph.Guidance.GuidanceChecks.Findings(g))] : [];
                var text = streamText ? FindingsText.Groups(structure.Authority.Name, [.. found, .. guided], console) : null;
                return new AuthorityFindings(found, json ? FindingsJsonChunk.Of(found) : null, guided, Text: text);
            });
            foreach (var (structure, result) in analysed)
            {
                outline.Add(structure with { Bodies = [], Seats = [], Lines = [], Duties = [] });
                if (result is null) continue;
                if (result.BoardNotFound is { } candidates)
                {
                    boardCandidates = candidates;
                    continue;
                }
                if (result.Json is { } chunk) document.Add(chunk);
                else if (result.Text is null) findings.AddRange(result.Found);
                foreach (var finding in result.Found)
                    if (worst is null || finding.Severity > worst) worst = finding.Severity;
                if (result.Text is { } text)
                {
                    report.Add(text);
                    tally.Add(result.Found);
                    tally.Add(result.Guided);
                    foreach (var finding in result.Guided)
                        if (worst is null || finding.Severity > worst) worst = finding.Severity;
                }
                else judged.AddRange(result.Guided);
            }
            if (stream.Errors.Count > 0)
            {
                Common.ReportInvalid(dir, stream.Errors, console);
                return CliApp.InvalidInput;
            }
            var dataset = new Dataset(outline, stream.Sources);
            if (!Common.CheckScope(dataset, id, arr, console)) return CliApp.InvalidInput;
            if (boardCandidates is not null)
            {
                console.Error.WriteLine($"trustgraph: no body '{named}' in {id}{(arr is null ? "" : $" ({arr})")}; expected one of: {string.Join(", ", boardCandidates)}");
                return CliApp.InvalidInput;
            }
            if (!embedded)
            {
                var remote = Neo4jCommand.Findings(id, arr, console);
                if (remote is null) return Neo4jCommand.Neo4jFailed;
                foreach (var finding in remote) Report(finding);
            }
            foreach (var finding in judged) Report(finding);

            if (json)
            {
                document.WriteTo(console.Out);
                console.Out.WriteLine();
            }
            else if (streamText)
            {
                report.WriteTo(console.Out);
                FindingsText.Summary(tally, console);
            }
            else FindingsText.Write(dataset, findings, console);

            var threshold = parse.GetValue(failOn) switch { "error" => Severity.Error, "warning" => Severity.Warning, _ => (Severity?)null };
            return threshold is Severity t && worst >= t ? CliApp.ThresholdMet : CliApp.Ok;
        });
        return command;
    }
}

/// <summary>One authority's findings: those of the four analyses (formatted for the document when JSON is asked for), then the guidance's.</summary>
/// <summary>
/// One authority's findings, made on a worker thread; <see cref="BoardNotFound"/> lists the authority's bodies when the body
/// named by <c>--board</c> is not one of them.
/// </summary>
internal sealed record AuthorityFindings(
    List<Finding> Found, FindingsJsonChunk? Json, List<Finding> Guided, IReadOnlyList<string>? BoardNotFound = null, byte[]? Text = null);

/// <summary>Findings as a person reads them: grouped by authority and arrangement, then by check, most severe first.</summary>
internal static class FindingsText
{
    private static readonly Dictionary<string, string> CheckTitles = new()
    {
        [Checks.DuplicatedMembership] = "Duplicated membership",
        [Checks.MissingRelevantPartner] = "Relevant partners (Children Act 2004 s10)",
        [Checks.AccountabilityCycle] = "Accountability cycles",
        [Checks.LspReportingGap] = "Reporting path to the LSP",
        [Checks.Guidance] = "Statutory guidance",
    };

    public static void Write(Dataset dataset, IReadOnlyList<Finding> findings, CliConsole console)
    {
        WriteGroups(findings, id => dataset.Find(id)?.Authority.Name ?? id, console, console.Out);
        var tally = new Tally();
        tally.Add(findings);
        Summary(tally, console);
    }

    /// <summary>One authority's part of the report (UTF-8), made on a worker: its findings grouped as <see cref="Write"/> groups them.</summary>
    public static byte[] Groups(string authorityName, IReadOnlyList<Finding> findings, CliConsole console)
    {
        using var text = new StringWriter { NewLine = console.Out.NewLine };
        WriteGroups(findings, _ => authorityName, console, text);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void WriteGroups(IReadOnlyList<Finding> findings, Func<string, string> authorityName, CliConsole console, TextWriter o)
    {
        foreach (var byView in findings.GroupBy(f => (f.Authority, f.Arrangement)))
        {
            var authority = authorityName(byView.Key.Authority);
            o.WriteLine(console.Paint($"{CliConsole.Safe(authority)}{(byView.Key.Arrangement is null ? "" : $" — arrangement {byView.Key.Arrangement}")}", "1"));
            foreach (var byCheck in byView.GroupBy(f => f.Check))
            {
                o.WriteLine("  " + console.Paint(CheckTitles.GetValueOrDefault(byCheck.Key, byCheck.Key), "4"));
                foreach (var f in byCheck.OrderByDescending(f => f.Severity))
                {
                    o.WriteLine($"    {Badge(f.Severity, console)} {CliConsole.Safe(f.Message)}");
                    if (f.Remedy is not null) o.WriteLine($"             Remedy: {CliConsole.Safe(f.Remedy)}");
                    o.WriteLine(console.Paint($"             Sources: {CliConsole.Safe(string.Join(", ", f.Sources))}", "2"));
                }
            }
            o.WriteLine();
        }
    }

    /// <summary>The last line of the report: how many findings of each severity.</summary>
    public static void Summary(Tally tally, CliConsole console)
    {
        var counts = string.Join(", ", Enum.GetValues<Severity>().Reverse().Select(s => $"{tally[s]} {s.ToString().ToLowerInvariant()}"));
        console.Out.WriteLine(tally.Total == 0 ? "No findings." : $"{tally.Total} findings: {counts}.");
    }

    /// <summary>How many findings of each severity a report holds.</summary>
    public sealed class Tally
    {
        private readonly int[] _counts = new int[Enum.GetValues<Severity>().Length];

        public int Total { get; private set; }

        public int this[Severity severity] => _counts[(int)severity];

        public void Add(IEnumerable<Finding> findings)
        {
            foreach (var finding in findings)
            {
                _counts[(int)finding.Severity]++;
                Total++;
            }
        }
    }

    private static string Badge(Severity severity, CliConsole console) => severity switch
    {
        Severity.Error => console.Paint("ERROR  ", "31;1"),
        Severity.Warning => console.Paint("WARNING", "33;1"),
        _ => console.Paint("INFO   ", "36"),
    };
}
