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
            // Authorities are independent: read and counted several at once, errors merged in file order (as Load reports them),
            // and only the counts kept, so a national dataset is never in memory whole.
            var dir = Common.ResolveData(parse.GetValue(data));
            var stream = DatasetStream.Open(dir);
            var (authorities, bodies, seats, lines, duties) = (0, 0, 0, 0, 0);
            var inferred = new List<string>();
            foreach (var (_, n) in stream.InParallel(static (s, _) => (s.Bodies.Count, s.Seats.Count, s.Lines.Count, s.Duties.Count, Inferred(s))))
            {
                authorities++;
                bodies += n.Item1;
                seats += n.Item2;
                lines += n.Item3;
                duties += n.Item4;
                inferred.AddRange(n.Item5);
            }
            if (stream.Errors.Count > 0)
            {
                Common.ReportInvalid(dir, stream.Errors, console);
                return CliApp.InvalidInput;
            }
            console.Out.WriteLine($"{dir}: valid. {authorities} authorities, {bodies} bodies, {seats} seats, "
                + $"{lines} accountability lines, {duties} duties, {stream.Sources.Count} sources.");
            if (inferred.Count > 0)
            {
                console.Out.WriteLine($"{inferred.Count} inferred rows (the papers support them but do not state them; findings that rest on them say so):");
                foreach (var line in inferred) console.Out.WriteLine(line);
            }
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>
    /// Every row of one authority marked <c>basis=inferred</c>, as a line giving its file, line and note: what a reader of the
    /// findings should know rests on a reading of the papers rather than on their words.
    /// </summary>
    private static List<string> Inferred(AuthorityStructure a) =>
        a.Bodies.Select(b => (Row: (IHasBasis)b, What: $"body {b.Id}"))
            .Concat(a.Seats.Select(s => (Row: (IHasBasis)s, What: $"seat {s.Label} on {s.Body}")))
            .Concat(a.Lines.Select(l => (Row: (IHasBasis)l, What: $"line {l.From} {l.Kind.ToWord()} {l.To}")))
            .Concat(a.Duties.Select(d => (Row: (IHasBasis)d, What: $"duty of {d.Body}: {d.Text}")))
            .Where(x => x.Row.Basis == Basis.Inferred)
            .Select(x =>
            {
                var where = RowOrigin.Of(x.Row) is { } origin ? $"{origin.File}:{origin.Line}" : a.Id;
                return $"  {where}  {CliConsole.Safe(x.What)}{(x.Row.Note is null ? "" : " — " + CliConsole.Safe(x.Row.Note))}";
            })
            .ToList();
}
