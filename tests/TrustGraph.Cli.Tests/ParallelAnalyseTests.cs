using TrustGraph.Analyses;
using TrustGraph.Generation;
using TrustGraph.Graph;
using TrustGraph.Guidance;
using TrustGraph.Loading;

namespace TrustGraph.Cli.Tests;

/// <summary>
/// <c>analyse</c> reads, analyses and formats several authorities at once; what it prints must be what one authority after another,
/// in file order, gives: the same bytes.
/// </summary>
public sealed class ParallelAnalyseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("trustgraph-parallel-").FullName;

    public ParallelAnalyseTests() =>
        SyntheticNation.Write(SyntheticNation.Generate(new GeneratorOptions(24, Seed: 5) { Shape = NationShape.SeniorPool }), _dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private List<GovernanceGraph> SerialGraphs() =>
        [.. DatasetLoader.Load(_dir).Dataset!.Authorities.SelectMany(a => GovernanceGraph.For(a))];

    [Fact]
    public void Json_from_a_parallel_run_is_byte_for_byte_the_document_a_serial_run_writes()
    {
        var serial = SerialGraphs().SelectMany(g => Analysis.Run(g)).ToList();

        var (exit, output, error) = CliRunner.Run("analyse", "--data", _dir, "--format", "json");

        Assert.Equal((0, ""), (exit, error));
        Assert.True(serial.Count > 1000, $"only {serial.Count} findings: the test needs many authorities' worth");
        Assert.Equal(FindingsJson.Write(serial) + Environment.NewLine, output);
    }

    [Fact]
    public void Guidance_findings_still_follow_every_finding_of_the_four_analyses_in_authority_order()
    {
        var graphs = SerialGraphs();
        var serial = graphs.SelectMany(g => Analysis.Run(g)).Concat(graphs.SelectMany(g => GuidanceChecks.Findings(g))).ToList();

        var (exit, output, _) = CliRunner.Run("analyse", "--data", _dir, "--format", "json", "--guidance");

        Assert.Equal(0, exit);
        Assert.Equal(FindingsJson.Write(serial) + Environment.NewLine, output);
    }

    [Fact]
    public void Two_runs_print_the_same_text_and_count_every_finding()
    {
        var count = SerialGraphs().Sum(g => Analysis.Run(g).Count);

        var first = CliRunner.Run("analyse", "--data", _dir);
        var second = CliRunner.Run("analyse", "--data", _dir);

        Assert.Equal(first, second);
        Assert.Contains($"{count} findings:", first.Out);
    }

    [Fact]
    public void The_text_report_is_written_authority_by_authority_in_file_order()
    {
        var names = DatasetLoader.Load(_dir).Dataset!.Authorities.Select(a => a.Authority.Name).ToList();

        var (exit, output, _) = CliRunner.Run("analyse", "--data", _dir, "--guidance");

        Assert.Equal(0, exit);
        var headings = output.Split(Environment.NewLine).Where(l => l.Length > 0 && !l.StartsWith(' ') && !l.Contains(" findings: "))
            .Select(l => l.Split(" — arrangement ")[0]).ToList();
        // Each authority's groups come together, and the authorities come in the order of authorities.csv.
        Assert.Equal(names.Where(headings.Contains).ToList(), headings.Distinct().ToList());
        Assert.Equal(headings.Distinct().Count(), headings.Select((h, i) => (h, i)).Count(x => x.i == 0 || headings[x.i - 1] != x.h));
    }

    [Fact]
    public void Validate_counts_in_parallel_what_a_serial_load_holds()
    {
        var d = DatasetLoader.Load(_dir).Dataset!;

        var (exit, output, _) = CliRunner.Run("validate", "--data", _dir);

        Assert.Equal(0, exit);
        Assert.Equal($"{_dir}: valid. {d.Authorities.Count} authorities, {d.Authorities.Sum(a => a.Bodies.Count)} bodies, "
            + $"{d.Authorities.Sum(a => a.Seats.Count)} seats, {d.Authorities.Sum(a => a.Lines.Count)} accountability lines, "
            + $"{d.Authorities.Sum(a => a.Duties.Count)} duties, {d.Sources.Count} sources." + Environment.NewLine, output);
    }
}
