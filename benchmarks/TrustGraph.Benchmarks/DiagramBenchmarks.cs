using BenchmarkDotNet.Attributes;
using TrustGraph.Analyses;
using TrustGraph.Diagrams;
using TrustGraph.Generation;
using TrustGraph.Graph;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Benchmarks;

/// <summary>
/// Drawing the diagrams, warm, as the viewer, <c>render</c> and the reports do: both diagrams of each shipped arrangement
/// (the promise: at most 20 ms together; <see cref="LargeDiagramBenchmarks"/> has the 200-body one, at most 300 ms for
/// the hierarchy). Models are built once; what is timed is MSAGL's layout and routing and writing the SVG.
/// </summary>
[MemoryDiagnoser]
public class ShippedDiagramBenchmarks
{
    private readonly Dictionary<string, (DiagramModel Hierarchy, DiagramModel Onion)> _shipped = new();
    public static IEnumerable<string> Arrangements() =>
        GovernanceGraph.For(LoadShipped()).Select(g => $"{g.Authority.Id}/{g.ArrangementId}");

    [ParamsSource(nameof(Arrangements))]
    public string Arrangement { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        foreach (var g in GovernanceGraph.For(LoadShipped()))
        {
            var findings = Analysis.Run(g);
            _shipped[$"{g.Authority.Id}/{g.ArrangementId}"] = (HierarchyDiagram.Build(g, findings), OnionDiagram.Build(g, findings));
        }
    }

    [Benchmark(Description = "Hierarchy + onion of a shipped arrangement")]
    public int Shipped()
    {
        var (hierarchy, onion) = _shipped[Arrangement];
        return DiagramSvg.Render(hierarchy).Length + DiagramSvg.Render(onion).Length;
    }

    internal static Dataset LoadShipped()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrustGraph.sln")))
                return DatasetLoader.Load(Path.Combine(dir.FullName, "data")).Dataset ?? throw new InvalidOperationException("data/ does not load");
        throw new DirectoryNotFoundException("the repository's data/ folder was not found above " + AppContext.BaseDirectory);
    }

}

/// <summary>The hierarchy and the onion of a synthetic 200-body authority, warm.</summary>
[MemoryDiagnoser]
public class LargeDiagramBenchmarks
{
    private DiagramModel _hierarchy = null!;
    private DiagramModel _onion = null!;

    [GlobalSetup]
    public void Setup()
    {
        var graph = OfSize(200);
        var findings = Analysis.Run(graph);
        _hierarchy = HierarchyDiagram.Build(graph, findings);
        _onion = OnionDiagram.Build(graph, findings);
    }

    [Benchmark(Description = "Hierarchy of a 200-body authority")]
    public int Hierarchy() => DiagramSvg.Render(_hierarchy).Length;

    [Benchmark(Description = "Onion of a 200-body authority")]
    public int Onion() => DiagramSvg.Render(_onion).Length;

    /// <summary>A synthetic authority of exactly N bodies: generated authorities' first arrangements side by side, ids prefixed.</summary>
    private static GovernanceGraph OfSize(int bodies)
    {
        var generated = SyntheticNation.Generate(new GeneratorOptions(bodies / 15 + 2, Seed: 7) { Today = new DateOnly(2010, 6, 1) });
        var all = new List<Body>();
        var seats = new List<Seat>();
        var lines = new List<AccountabilityLine>();
        var duties = new List<Duty>();
        foreach (var (structure, i) in generated.Dataset.Authorities.Select((s, i) => (s, i)))
        {
            if (all.Count >= bodies) break;
            var graph = GovernanceGraph.For(structure)[0];
            var p = $"a{i}-";
            var kept = graph.Bodies.Take(bodies - all.Count).ToList();
            var ids = kept.Select(b => b.Id).ToHashSet();
            all.AddRange(kept.Select(b => b with { Id = p + b.Id, Arrangement = null, PartOf = b.PartOf is not null && ids.Contains(b.PartOf) ? p + b.PartOf : null }));
            seats.AddRange(structure.Seats.Where(s => ids.Contains(s.Body)).Select(s => s with { Body = p + s.Body }));
            lines.AddRange(graph.Lines.Edges.Select(e => e.Line).Where(l => ids.Contains(l.From) && ids.Contains(l.To)).Select(l => l with { From = p + l.From, To = p + l.To }));
            duties.AddRange(structure.Duties.Where(d => ids.Contains(d.Body)).Select(d => d with { Body = p + d.Body }));
        }
        var authority = generated.Dataset.Authorities[0].Authority with { Id = $"synthetic-{bodies}", Name = $"Synthetic authority of {bodies} bodies" };
        return GovernanceGraph.For(new AuthorityStructure(authority, [], all, seats, lines, duties))[0];
    }
}
