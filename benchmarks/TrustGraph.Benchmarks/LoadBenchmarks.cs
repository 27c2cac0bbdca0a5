using BenchmarkDotNet.Attributes;
using CsvHelper;
using nietras.SeparatedValues;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Benchmarks;

/// <summary>
/// Loading the national dataset (read, validate, build the model) against the yardsticks of CsvHelper and of Sep (the fastest
/// .NET CSV reader we know of) reading the same files, one after another, and materialising every field as a string, with
/// nothing done with the values. The loader is measured both ways: one authority after another (comparable with the bare
/// reads, which use one core) and as <c>trustgraph validate</c> and <c>analyse</c> read, several authorities at once.
/// </summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private string _folder = "";
    private IReadOnlyList<string> _files = [];

    [GlobalSetup]
    public void Setup()
    {
        _folder = NationalData.Folder();
        _files = NationalData.CsvFiles(_folder);
    }

    [Benchmark(Baseline = true, Description = "CsvHelper: read every row and field")]
    public long CsvHelperRead() => ReadAll(_files);

    public int ReadAll(string folder) => (int)ReadAll(NationalData.CsvFiles(folder));

    private static long ReadAll(IReadOnlyList<string> files)
    {
        long fields = 0;
        var options = new CsvReaderOptions
        {
            Separator = ',', HasHeader = false, TrackLineNumbers = true, SkipEmptyLines = true, AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Recover, FieldCountMismatch = CsvFieldCountHandling.Allow, DetectSeparatorHint = false,
        };
        foreach (var file in files)
        {
            using var reader = CsvReader.FromFile(file, options);
            while (reader.Read())
                for (var i = 0; i < reader.FieldCount; i++)
                    fields += reader.GetString(i)?.Length ?? 0;
        }
        return fields;
    }

    [Benchmark(Description = "Sep: read every row and field")]
    public long SepRead() => SepReadAll(_files);

    public static long SepReadAll(IReadOnlyList<string> files)
    {
        long fields = 0;
        foreach (var file in files)
        {
            using var reader = Sep.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).FromFile(file);
            foreach (var row in reader)
                for (var i = 0; i < row.ColCount; i++)
                    fields += row[i].ToString().Length;
        }
        return fields;
    }

    [Benchmark(Description = "DatasetLoader, one authority after another: read, validate, build the model")]
    public int LoadSerial()
    {
        var stream = DatasetStream.Open(_folder);
        var count = stream.Structures().Count();
        return stream.Errors.Count == 0 ? count : throw new InvalidOperationException("the benchmark dataset is invalid");
    }

    [Benchmark(Description = "DatasetStream.InParallel (as validate and analyse read): read, validate, build the model")]
    public int LoadParallel()
    {
        var stream = DatasetStream.Open(_folder);
        var count = stream.InParallel(static (s, _) => s).Select(r => r.Structure).ToList().Count;
        return stream.Errors.Count == 0 ? count : throw new InvalidOperationException("the benchmark dataset is invalid");
    }
}
