using System.CommandLine;
using TrustGraph.Storage;

namespace TrustGraph.Cli.Commands;

/// <summary><c>trustgraph history</c>: the snapshots kept by imports, newest first; the first is what <c>undo</c> restores.</summary>
internal static class HistoryCommand
{
    public static Command Create(CliConsole console)
    {
        var data = Common.DataOption();
        var command = new Command("history", "List the versions kept before each import, newest first ('trustgraph undo' restores the first).") { data };
        command.SetAction(parse =>
        {
            var dir = Common.ResolveData(parse.GetValue(data));
            Common.Recover(dir, console);
            var snapshots = DatasetStore.History(dir);
            if (snapshots.Count == 0)
            {
                console.Out.WriteLine($"No history in {dir}: nothing has been imported there yet.");
                return CliApp.Ok;
            }
            foreach (var s in snapshots)
                console.Out.WriteLine($"{s.Id}  {s.When:yyyy-MM-dd HH:mm} UTC  {s.Description}  [{string.Join(", ", s.Files.Select(f => f.Path))}]");
            return CliApp.Ok;
        });
        return command;
    }
}
