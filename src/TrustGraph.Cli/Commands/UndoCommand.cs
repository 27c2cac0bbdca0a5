using System.CommandLine;
using TrustGraph.Storage;

namespace TrustGraph.Cli.Commands;

/// <summary><c>trustgraph undo</c>: puts back the files the latest import replaced.</summary>
internal static class UndoCommand
{
    public static Command Create(CliConsole console)
    {
        var data = Common.DataOption();
        var force = new Option<bool>("--force") { Description = "Undo even if the files changed after the import (the current files are kept in .history/.undone)." };
        var command = new Command("undo", "Restore the dataset as it was before the latest import.") { data, force };
        command.SetAction(parse =>
        {
            var dir = Common.ResolveData(parse.GetValue(data));
            Common.Recover(dir, console);
            var result = DatasetStore.Undo(dir, parse.GetValue(force));
            if (!result.Succeeded)
            {
                console.Error.WriteLine("trustgraph: nothing was undone:");
                foreach (var error in result.Errors) console.Error.WriteLine("  " + error);
                return CliApp.InvalidInput;
            }
            var s = result.Restored!;
            console.Out.WriteLine($"Undone: {s.Description} ({s.Id}). Restored {string.Join(", ", s.Files.Select(f => f.Path))}.");
            var left = DatasetStore.History(dir);
            console.Out.WriteLine(left.Count == 0 ? "No earlier versions are kept." : $"Next undo would restore the version before: {left[0].Description} ({left[0].Id}).");
            return CliApp.Ok;
        });
        return command;
    }
}
