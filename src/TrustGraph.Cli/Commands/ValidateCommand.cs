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
            var dataset = Common.Load(parse.GetValue(data), console);
            if (dataset is null) return CliApp.InvalidInput;
            var dir = Common.ResolveData(parse.GetValue(data));
            console.Out.WriteLine($"{dir}: valid. {dataset.Authorities.Count} authorities, "
                + $"{dataset.Authorities.Sum(a => a.Bodies.Count)} bodies, {dataset.Authorities.Sum(a => a.Seats.Count)} seats, "
                + $"{dataset.Authorities.Sum(a => a.Lines.Count)} accountability lines, {dataset.Authorities.Sum(a => a.Duties.Count)} duties, "
                + $"{dataset.Sources.Count} sources.");
            return CliApp.Ok;
        });
        return command;
    }
}
