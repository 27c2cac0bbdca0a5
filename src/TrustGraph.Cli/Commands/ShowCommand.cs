using System.CommandLine;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Cli.Commands;

/// <summary><c>trustgraph show AUTHORITY</c>: the structure as a tree, from the LSP down, with each body's members.</summary>
internal static class ShowCommand
{
    public static Command Create(CliConsole console)
    {
        var data = Common.DataOption();
        var authority = new Argument<string>("authority") { Description = "The authority's id (e.g. suffolk)." };
        var arrangement = new Option<string?>("--arrangement") { Description = "Only this arrangement.", HelpName = "NAME" };
        var command = new Command("show", "Print an authority's structure as a readable tree with its members.") { authority, data, arrangement };
        command.SetAction(parse =>
        {
            var dataset = Common.Load(parse.GetValue(data), console);
            if (dataset is null) return CliApp.InvalidInput;
            var id = parse.GetValue(authority)!;
            var arr = parse.GetValue(arrangement);
            if (!Common.CheckScope(dataset, id, arr, console)) return CliApp.InvalidInput;
            foreach (var graph in GovernanceGraph.For(dataset.Find(id)!).Where(g => arr is null || g.ArrangementId == arr))
                Write(graph, console);
            return CliApp.Ok;
        });
        return command;
    }

    private static void Write(GovernanceGraph graph, CliConsole console)
    {
        var o = console.Out;
        var a = graph.Arrangement;
        o.WriteLine(console.Paint(CliConsole.Safe(graph.Title), "1")
            + (a is null ? "" : $" — {a.Status.ToWord()}{(a.InForce is { } d ? $", in force {d.ToReadable()}" : ", in-force date not stated")}"
                + (a.Note is null ? "" : $" ({CliConsole.Safe(a.Note)})")));

        var printed = new HashSet<string>();
        var tops = graph.Bodies.Where(b => !graph.Lines.OutEdges(b.Id).Any(e => e.Line.Kind.CarriesAccountability() && e.Target != b.Id) && b.PartOf is null)
            .OrderBy(b => b.Kind == BodyKind.Lsp ? 0 : b.Kind == BodyKind.AgencyGovernance ? 2 : 1).ToList();
        foreach (var top in tops) WriteBody(graph, top, null, "", printed, console);
        foreach (var rest in graph.Bodies.Where(b => !printed.Contains(b.Id))) WriteBody(graph, rest, null, "", printed, console);
        o.WriteLine();
    }

    private static void WriteBody(GovernanceGraph graph, Body body, string? how, string indent, HashSet<string> printed, CliConsole console)
    {
        var o = console.Out;
        var meets = body.MeetsPerYear is int n ? $", meets {n}×/year" : "";
        var label = $"{indent}{(how is null ? "" : how + " ")}{console.Paint(CliConsole.Safe(body.Name), "1")} [{body.Id}; {body.Kind.ToWord()}, {body.Layer.ToWord()}{meets}]";
        if (!printed.Add(body.Id))
        {
            o.WriteLine(label + " (shown above)");
            return;
        }
        o.WriteLine(label + Provenance(body, console));
        foreach (var seat in graph.SeatsOn(body.Id))
        {
            var who = seat.Status == SeatStatus.Vacant ? console.Paint("VACANT", "33") : CliConsole.Safe(seat.Person ?? "(post only)");
            var parts = new[] { seat.Post, seat.Agency, seat.PartnerCategory?.ToWord() }.Where(p => p is not null);
            var voting = seat.Voting switch { true => ", voting", false => ", non-voting", _ => "" };
            o.WriteLine($"{indent}    · {who} — {CliConsole.Safe(string.Join("; ", parts))} ({seat.Role.ToWord()}{voting}){Provenance(seat, console)}");
        }
        foreach (var duty in graph.DutiesOf(body.Id))
            o.WriteLine(console.Paint($"{indent}    ◦ {CliConsole.Safe(duty.Text)}{(duty.Outcome is { } oc ? $" [{oc.ToWord()}]" : "")}", "2") + Provenance(duty, console));
        foreach (var part in graph.PartsOf(body.Id))
            WriteBody(graph, part, "part:", indent + "  ", printed, console);
        foreach (var edge in graph.Lines.InEdges(body.Id).Where(e => e.Source != body.Id))
            WriteBody(graph, graph.Body(edge.Source), $"← {edge.Line.Kind.ToWord()}{Provenance(edge.Line, console)}:", indent + "  ", printed, console);
    }

    /// <summary>" [inferred: note]" for a row the papers support but do not state, " [note]" for a stated row's caveat, else nothing.</summary>
    private static string Provenance(IHasBasis row, CliConsole console) =>
        row.Basis == Basis.Inferred ? " " + console.Paint($"[inferred{(row.Note is null ? "" : ": " + CliConsole.Safe(row.Note))}]", "35")
        : row.Note is null ? "" : " " + console.Paint($"[{CliConsole.Safe(row.Note)}]", "2");
}
