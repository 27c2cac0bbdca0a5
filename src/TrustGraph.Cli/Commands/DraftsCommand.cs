using System.CommandLine;
using TrustGraph.Drafting;
using TrustGraph.Graph;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Cli.Commands;

/// <summary>
/// <c>trustgraph drafts list|export|delete</c>: the options drafted in the viewer. A draft is an ordinary arrangement, so
/// <c>analyse</c>, <c>report</c>, <c>render</c> and <c>export</c> take it with <c>--arrangement</c>; these commands find
/// drafts, take one out as a dataset of its own, and discard one (undoably).
/// </summary>
internal static class DraftsCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("drafts", "List, export or discard the options drafted in the viewer.");
        command.Subcommands.Add(List(console));
        command.Subcommands.Add(Export(console));
        command.Subcommands.Add(Delete(console));
        return command;
    }

    private static Command List(CliConsole console)
    {
        var data = Common.DataOption();
        var authority = new Option<string?>("--authority") { Description = "Only this authority's drafts.", HelpName = "ID" };
        var command = new Command("list", "Each draft: its key, name, status, date, what it was copied from, and its findings.") { data, authority };
        command.SetAction(parse =>
        {
            if (Common.Load(parse.GetValue(data), console) is not { } dataset) return CliApp.InvalidInput;
            var only = parse.GetValue(authority);
            if (!Common.CheckScope(dataset, only, null, console)) return CliApp.InvalidInput;
            var drafts = Drafts.List(dataset, only);
            if (drafts.Count == 0)
            {
                console.Out.WriteLine("No drafts. Start one in the viewer: open an arrangement and choose \"Draft an option\".");
                return CliApp.Ok;
            }
            foreach (var draft in drafts)
            {
                var findings = DraftFindings.Of(dataset, draft);
                var a = draft.Arrangement;
                console.Out.WriteLine($"{CliConsole.Safe(draft.Key)}  \"{CliConsole.Safe(draft.Name)}\"");
                console.Out.WriteLine($"    {a.Status.ToWord()}, in force {a.InForce?.ToReadable() ?? "(date not set: judged by the latest law)"}; "
                    + (draft.CopiedFrom is null ? "started empty" : $"copied from {draft.CopiedFrom}") + $"; drafted {draft.Source.Date}");
                console.Out.WriteLine($"    {findings.Graph.Bodies.Count(b => b.Arrangement == draft.Id)} bodies of its own; findings: {Count(findings.Findings)}"
                    + (findings.Original is null ? "" : $" (the original: {Count(findings.OriginalFindings)})"));
            }
            return CliApp.Ok;
        });
        return command;
    }

    private static string Count(IReadOnlyList<Analyses.Finding> findings) =>
        $"{findings.Count(f => f.Severity == Severity.Error)} error, {findings.Count(f => f.Severity == Severity.Warning)} warning, {findings.Count(f => f.Severity == Severity.Info)} info";

    private static Argument<string> KeyArgument() => new("draft") { Description = "The draft, as authority/arrangement (trustgraph drafts list shows them)." };

    private static Command Export(CliConsole console)
    {
        var data = Common.DataOption();
        var key = KeyArgument();
        var output = new Option<string>("--out") { Description = "The folder to write the draft's dataset to (created; must be empty if it exists).", HelpName = "DIR", Required = true };
        var command = new Command("export", "Write one draft as a dataset of its own: its authority with only the draft's arrangement, and the sources it cites.") { key, data, output };
        command.SetAction(parse =>
        {
            if (Common.Load(parse.GetValue(data), console) is not { } dataset) return CliApp.InvalidInput;
            if (Find(dataset, parse.GetValue(key)!, console) is not { } draft) return CliApp.InvalidInput;
            var target = parse.GetValue(output)!;
            if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            {
                console.Error.WriteLine($"trustgraph: {target} is not empty; expected a new or empty folder, so that nothing in it is overwritten");
                return CliApp.InvalidInput;
            }
            var alone = Alone(dataset, draft);
            DatasetWriter.Write(alone, target);
            var check = DatasetLoader.Load(target);
            if (!check.IsValid)
            {
                Common.ReportInvalid(target, check.Errors, console);
                return CliApp.InvalidInput;
            }
            var s = alone.Authorities[0];
            console.Out.WriteLine($"Wrote {CliConsole.Safe(draft.Key)} to {target}: {s.Bodies.Count} bodies, {s.Seats.Count} seats, {s.Lines.Count} lines, {alone.Sources.Count} sources.");
            console.Out.WriteLine($"Analyse it with: trustgraph analyse --data {target}");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Delete(CliConsole console)
    {
        var data = Common.DataOption();
        var key = KeyArgument();
        var command = new Command("delete", "Discard a draft: its arrangement, bodies, seats, duties, lines and source row. trustgraph undo brings it back.") { key, data };
        command.SetAction(parse =>
        {
            var dir = Common.ResolveData(parse.GetValue(data));
            if (Common.Load(dir, console) is not { } dataset) return CliApp.InvalidInput;
            if (Find(dataset, parse.GetValue(key)!, console) is not { } draft) return CliApp.InvalidInput;
            var result = DraftStore.Delete(dir, draft.Key);
            if (!result.Succeeded)
            {
                console.Error.WriteLine($"trustgraph: {CliConsole.Safe(draft.Key)} was not discarded:");
                foreach (var p in result.Problems) console.Error.WriteLine("  " + CliConsole.Safe(p.ToString()));
                return CliApp.InvalidInput;
            }
            console.Out.WriteLine($"Discarded {CliConsole.Safe(draft.Key)} (\"{CliConsole.Safe(draft.Name)}\"). Snapshot {result.Snapshot?.Id}: trustgraph undo puts it back.");
            return CliApp.Ok;
        });
        return command;
    }

    private static Draft? Find(Dataset dataset, string key, CliConsole console)
    {
        var draft = Drafts.FindByKey(dataset, key);
        if (draft is not null) return draft;
        var known = Drafts.List(dataset).Select(d => d.Key).ToList();
        console.Error.WriteLine($"trustgraph: no draft '{CliConsole.Safe(key)}'; expected {(known.Count == 0 ? "a draft (there are none)" : "one of: " + string.Join(", ", known))}");
        return null;
    }

    /// <summary>The draft's authority with only the draft's arrangement (and the bodies every arrangement shares), and the sources it cites.</summary>
    private static Dataset Alone(Dataset dataset, Draft draft)
    {
        var graph = GovernanceGraph.For(dataset.Find(draft.AuthorityId)!).Single(g => g.ArrangementId == draft.Id);
        var s = graph.Structure;
        var structure = new AuthorityStructure(s.Authority, [draft.Arrangement], graph.Bodies.ToList(), graph.Seats.ToList(),
            s.Lines.Where(l => graph.Contains(l.From) && graph.Contains(l.To)).ToList(), graph.Duties.ToList());
        var cited = new[] { draft.Arrangement.Source }.Concat(structure.Bodies.Select(b => b.Source)).Concat(structure.Seats.Select(x => x.Source))
            .Concat(structure.Lines.Select(l => l.Source)).Concat(structure.Duties.Select(d => d.Source)).Select(r => r.SourceId).ToHashSet();
        return new Dataset([structure], dataset.Sources.Where(x => cited.Contains(x.Id)).ToList());
    }
}
