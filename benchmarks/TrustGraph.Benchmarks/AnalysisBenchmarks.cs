using BenchmarkDotNet.Attributes;
using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Guidance;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Benchmarks;

/// <summary>
/// The in-process phases after loading, over the national dataset: building the graphs (one per arrangement), each of the
/// four analyses over every graph, all four together, and writing the findings JSON.
/// </summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private Dataset _dataset = null!;
    private IReadOnlyList<GovernanceGraph> _graphs = [];
    private IReadOnlyList<RelevantPartner> _partners = [];
    private IReadOnlyList<Finding> _findings = [];

    [GlobalSetup]
    public void Setup()
    {
        _dataset = DatasetLoader.Load(NationalData.Folder()).Dataset ?? throw new InvalidOperationException("the benchmark dataset is invalid");
        _graphs = GovernanceGraph.For(_dataset);
        _partners = RelevantPartners.Statutory;
        _findings = _graphs.SelectMany(g => Analysis.Run(g, _partners)).ToList();
    }

    [Benchmark(Description = "Build the graphs")]
    public IReadOnlyList<GovernanceGraph> BuildGraphs() => GovernanceGraph.For(_dataset);

    [Benchmark(Description = "Duplicated membership")]
    public int Duplicated() => _graphs.Sum(g => DuplicatedMembership.Find(g).Count);

    [Benchmark(Description = "Missing relevant partners")]
    public int Partners() => _graphs.Sum(g => MissingRelevantPartners.Find(g, _partners).Count);

    [Benchmark(Description = "Accountability cycles")]
    public int Cycles() => _graphs.Sum(g => AccountabilityCycles.Find(g).Count);

    [Benchmark(Description = "LSP reporting gaps")]
    public int Gaps() => _graphs.Sum(g => LspReportingGaps.Find(g).Count);

    [Benchmark(Description = "All four analyses")]
    public int AllFour() => _graphs.Sum(g => Analysis.Run(g, _partners).Count);

    [Benchmark(Description = "Findings JSON")]
    public int Json() => FindingsJson.Write(_findings).Length;
}
