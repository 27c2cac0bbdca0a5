using System.CommandLine;
using TrustGraph.Loading;

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
            foreach (var (_, n) in stream.InParallel(static (s, _) => (s.Bodies.Count, s.Seats.Count, s.Lines.Count, s.Duties.Count)))
            {
                authorities++;
                bodies += n.Item1;
                seats += n.Item2;
                lines += n.Item3;
                duties += n.Item4;
            }
            if (stream.Errors.Count > 0)
            {
                Common.ReportInvalid(dir, stream.Errors, console);
                return CliApp.InvalidInput;
            }
            console.Out.WriteLine($"{dir}: valid. {authorities} authorities, {bodies} bodies, {seats} seats, "
                + $"{lines} accountability lines, {duties} duties, {stream.Sources.Count} sources.");
            return CliApp.Ok;
        });
        return command;
    }
}
