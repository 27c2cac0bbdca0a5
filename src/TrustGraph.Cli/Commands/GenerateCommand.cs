using System.CommandLine;
using System.Diagnostics;
using TrustGraph.Generation;

namespace TrustGraph.Cli.Commands;

/// <summary><c>trustgraph generate</c>: a deterministic synthetic national dataset with injected defects and its truth file.</summary>
internal static class GenerateCommand
{
    public static Command Create(CliConsole console)
    {
        var authorities = new Option<int>("--authorities")
        {
            Description = $"How many authorities ({SyntheticNation.NationalScale} is national scale: about 5,000 bodies and 70,000 seats).",
            DefaultValueFactory = _ => SyntheticNation.NationalScale,
            HelpName = "N",
        };
        authorities.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError("--authorities must be at least 1.");
        });
        var seed = new Option<int>("--seed") { Description = "The seed: the same seed and size give the same files, byte for byte.", DefaultValueFactory = _ => 1, HelpName = "S" };
        var output = new Option<string>("--out") { Description = "The folder to write the dataset and truth.csv to.", Required = true, HelpName = "DIR" };
        var shape = new Option<string>("--shape")
        {
            Description = "links (people share bodies only through deliberate links) or senior-pool (also a small pool of senior people on many bodies, as in real comparators).",
            DefaultValueFactory = _ => "links",
        };
        shape.AcceptOnlyFromAmong("links", "senior-pool");
        var force = new Option<bool>("--force") { Description = "Write into a folder that already holds files (they may be replaced)." };

        var command = new Command("generate", "Write a synthetic national dataset, shaped like the real papers, with a known set of injected defects listed in DIR/truth.csv.")
        {
            authorities, seed, shape, output, force,
        };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(output)!;
            if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any() && !parse.GetValue(force))
            {
                console.Error.WriteLine($"trustgraph: {dir} is not empty; nothing was written. Choose an empty folder, or add --force to replace the files in it.");
                return CliApp.InvalidInput;
            }

            var clock = Stopwatch.StartNew();
            var generated = SyntheticNation.Generate(new GeneratorOptions(parse.GetValue(authorities), parse.GetValue(seed))
            {
                Shape = parse.GetValue(shape) == "senior-pool" ? NationShape.SeniorPool : NationShape.Links,
            });
            SyntheticNation.Write(generated, dir);

            var d = generated.Dataset;
            var defects = generated.Truth.Where(t => t.Key.IsDefect).GroupBy(t => t.Defect).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Count()} {g.Key}");
            console.Out.WriteLine($"{dir}: {d.Authorities.Count} authorities, {d.Authorities.Sum(a => a.Arrangements.Count)} arrangements, "
                + $"{d.Authorities.Sum(a => a.Bodies.Count)} bodies, {d.Authorities.Sum(a => a.Seats.Count)} seats, {d.Sources.Count} sources "
                + $"({clock.Elapsed.TotalSeconds:0.0} s).");
            console.Out.WriteLine($"Injected defects: {string.Join(", ", defects)}.");
            console.Out.WriteLine($"Expected findings: {generated.Truth.Count} ({generated.Truth.Count(t => t.Key.IsDefect)} warnings and errors) in {Path.Combine(dir, GroundTruth.FileName)}.");
            return CliApp.Ok;
        });
        return command;
    }
}
