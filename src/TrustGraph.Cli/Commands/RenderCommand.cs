using System.CommandLine;
using TrustGraph.Analyses;
using TrustGraph.Diagrams;
using TrustGraph.Graph;

namespace TrustGraph.Cli.Commands;

/// <summary>
/// <c>trustgraph render</c>: draws the hierarchy and the onion of every authority and arrangement as standalone SVG
/// files (<c>&lt;authority&gt;-&lt;arrangement&gt;-hierarchy.svg</c>, <c>-onion.svg</c>), with every finding overlay shown.
/// The drawing is the viewer's own, made in process by <see cref="DiagramSvg"/>: nothing outside the tool is needed.
/// </summary>
internal static class RenderCommand
{
    public static Command Create(CliConsole console)
    {
        var data = Common.DataOption();
        var output = new Option<string>("--out") { Description = "The folder to write the SVG files to.", HelpName = "DIR", DefaultValueFactory = _ => "visualisations" };
        var authority = new Option<string?>("--authority") { Description = "Only this authority.", HelpName = "ID" };
        var command = new Command("render", "Draw every authority's hierarchy and onion diagrams as SVG files.") { data, output, authority };
        command.SetAction(parse =>
        {
            var dataset = Common.Load(parse.GetValue(data), console);
            if (dataset is null) return CliApp.InvalidInput;
            var only = parse.GetValue(authority);
            if (!Common.CheckScope(dataset, only, null, console)) return CliApp.InvalidInput;

            var files = new List<(string Name, DiagramModel Model)>();
            foreach (var graph in GovernanceGraph.For(dataset).Where(g => only is null || g.Authority.Id == only))
            {
                var findings = Analysis.Run(graph);
                var stem = graph.ArrangementId is null ? graph.Authority.Id : $"{graph.Authority.Id}-{graph.ArrangementId}";
                files.Add(($"{stem}-hierarchy.svg", HierarchyDiagram.Build(graph, findings)));
                files.Add(($"{stem}-onion.svg", OnionDiagram.Build(graph, findings)));
            }

            var svgs = DiagramSvg.Render(files.Select(f => f.Model).ToList());

            var folder = parse.GetValue(output)!;
            Directory.CreateDirectory(folder);
            foreach (var ((name, _), svg) in files.Zip(svgs))
            {
                var path = Path.Combine(folder, name);
                var temp = path + ".tmp";
                File.WriteAllText(temp, svg + "\n");
                File.Move(temp, path, overwrite: true);
                console.Out.WriteLine(path);
            }
            console.Out.WriteLine($"{files.Count} diagrams written to {folder}");
            return CliApp.Ok;
        });
        return command;
    }
}
