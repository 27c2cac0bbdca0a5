using System.CommandLine;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Cli.Commands;

/// <summary><c>trustgraph validate</c>: loads a dataset and lists every problem, or says what it holds.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var data = Common.DataOption();
        var command = new Command("validate", "Check a dataset against the data contract and list every problem with its file, line and column.") { data };
        command.SetAction(parse =>
        {
            var dataset = Common.Load(parse.GetValue(data), console);
            if (dataset is null) return CliApp.InvalidInput;
            var dir = Common.ResolveData(parse.GetValue(data));
            console.Out.WriteLine($"{dir}: valid. {dataset.Authorities.Count} authorities, "
                + $"{dataset.Authorities.Sum(a => a.Bodies.Count)} bodies, {dataset.Authorities.Sum(a => a.Seats.Count)} seats, "
                + $"{dataset.Authorities.Sum(a => a.Lines.Count)} accountability lines, {dataset.Authorities.Sum(a => a.Duties.Count)} duties, "
                + $"{dataset.Sources.Count} sources.");
            WriteInferred(dataset, console);
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>
    /// Every row marked <c>basis=inferred</c>, by file and line with its note: what a reader of the findings should know rests on
    /// a reading of the papers rather than on their words.
    /// </summary>
    private static void WriteInferred(Dataset dataset, CliConsole console)
    {
        var rows = dataset.Authorities.SelectMany(a =>
            a.Bodies.Select(b => (a.Id, Row: (IHasBasis)b, What: $"body {b.Id}"))
                .Concat(a.Seats.Select(s => (a.Id, Row: (IHasBasis)s, What: $"seat {s.Label} on {s.Body}")))
                .Concat(a.Lines.Select(l => (a.Id, Row: (IHasBasis)l, What: $"line {l.From} {l.Kind.ToWord()} {l.To}")))
                .Concat(a.Duties.Select(d => (a.Id, Row: (IHasBasis)d, What: $"duty of {d.Body}: {d.Text}"))))
            .Where(x => x.Row.Basis == Basis.Inferred)
            .ToList();
        if (rows.Count == 0) return;
        console.Out.WriteLine($"{rows.Count} inferred rows (the papers support them but do not state them; findings that rest on them say so):");
        foreach (var (authority, row, what) in rows)
        {
            var where = RowOrigin.Of(row) is { } origin ? $"{origin.File}:{origin.Line}" : authority;
            console.Out.WriteLine($"  {where}  {CliConsole.Safe(what)}{(row.Note is null ? "" : " — " + CliConsole.Safe(row.Note))}");
        }
    }
}
