using TrustGraph.Generation;

namespace TrustGraph.Benchmarks;

/// <summary>
/// The national dataset the benchmarks read: <c>TRUSTGRAPH_BENCH_DATA</c> when set, else a dataset generated once (152
/// authorities, seed 1, in the shape <c>TRUSTGRAPH_BENCH_SHAPE</c> names: <c>links</c>, the default, or <c>senior-pool</c>) into
/// the temporary folder and reused by later runs.
/// </summary>
public static class NationalData
{
    public static string Folder()
    {
        var configured = Environment.GetEnvironmentVariable("TRUSTGRAPH_BENCH_DATA");
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var pool = Environment.GetEnvironmentVariable("TRUSTGRAPH_BENCH_SHAPE") == "senior-pool";
        var folder = Path.Combine(Path.GetTempPath(), $"trustgraph-bench-{SyntheticNation.NationalScale}-seed1{(pool ? "-senior-pool" : "")}");
        if (!File.Exists(Path.Combine(folder, GroundTruth.FileName)))
        {
            var staging = folder + $".{Environment.ProcessId}";
            SyntheticNation.Write(SyntheticNation.Generate(new GeneratorOptions(SyntheticNation.NationalScale, Seed: 1)
                { Shape = pool ? NationShape.SeniorPool : NationShape.Links }), staging);
            try { Directory.Move(staging, folder); }
            catch (IOException) when (File.Exists(Path.Combine(folder, GroundTruth.FileName))) { Directory.Delete(staging, recursive: true); }
        }
        return folder;
    }

    /// <summary>Every CSV file of the dataset that the loader reads, in the order it reads them.</summary>
    public static IReadOnlyList<string> CsvFiles(string folder)
    {
        var files = new List<string> { Path.Combine(folder, "sources.csv"), Path.Combine(folder, "authorities.csv") };
        foreach (var line in File.ReadLines(Path.Combine(folder, "authorities.csv")).Skip(1))
        {
            var id = line[..line.IndexOf(',')];
            files.AddRange(Loading.DatasetLoader.AuthorityFiles.Select(f => Path.Combine(folder, id, f)));
        }
        return files;
    }
}
