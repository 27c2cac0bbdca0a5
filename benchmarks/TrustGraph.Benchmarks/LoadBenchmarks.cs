using BenchmarkDotNet.Attributes;
using CsvHelper;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Benchmarks;

/// <summary>
/// Loading the national dataset (read, validate, build the model) against the yardstick of CsvHelper reading the same
/// files with the same options and materialising every field as a string, with nothing done with the values.
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

    [Benchmark(Description = "DatasetLoader.Load: read, validate, build the model")]
    public Dataset Load() => DatasetLoader.Load(_folder).Dataset ?? throw new InvalidOperationException("the benchmark dataset is invalid");
}
