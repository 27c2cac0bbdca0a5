using System.Diagnostics;
using BenchmarkDotNet.Running;
using TrustGraph.Analyses;
using TrustGraph.Benchmarks;
using TrustGraph.Graph;
using TrustGraph.Loading;

// `phases [DIR]`: one cold pass, timed with a stopwatch, for profiling start-up effects BenchmarkDotNet averages away.
if (args is ["phases", ..])
{
    var folder = args.Length > 1 ? args[1] : NationalData.Folder();
    var clock = Stopwatch.StartNew();
    void Mark(string phase)
    {
        Console.WriteLine($"{phase,-10} {clock.Elapsed.TotalMilliseconds,8:0.0} ms   (GC heap {GC.GetTotalMemory(false) / 1048576.0,6:0.0} MB, process {Environment.WorkingSet / 1048576.0,6:0.0} MB)");
        clock.Restart();
    }
    var dataset = DatasetLoader.Load(folder).Dataset!;
    Mark("load");
    var graphs = GovernanceGraph.For(dataset);
    Mark("graphs");
    var findings = graphs.SelectMany(g => Analysis.Run(g)).ToList();
    Mark("analyses");
    var json = FindingsJson.Write(findings);
    Mark("json");
    Console.WriteLine($"{findings.Count} findings, {json.Length} characters of JSON");
    return;
}

// `stream [DIR]`: what `trustgraph analyse --format json` does, reporting memory at the end.
if (args is ["stream", ..])
{
    var folder = args.Length > 1 ? args[1] : NationalData.Folder();
    var clock = Stopwatch.StartNew();
    var stream = DatasetStream.Open(folder);
    using var document = new FindingsJsonWriter();
    foreach (var (_, chunk) in stream.InParallel((structure, _) => FindingsJsonChunk.Of(Analysis.Run(structure)))) document.Add(chunk);
    var analysed = clock.Elapsed.TotalMilliseconds;
    document.WriteTo(TextWriter.Null);
    var info = GC.GetGCMemoryInfo();
    Console.WriteLine($"{document.Count} findings; analysed in {analysed:0} ms, written in {clock.Elapsed.TotalMilliseconds - analysed:0} ms; "
        + $"GC heap {info.HeapSizeBytes / 1048576.0:0.0} MB, committed {info.TotalCommittedBytes / 1048576.0:0.0} MB, "
        + $"peak working set {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0.0} MB, {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} GCs; "
        + $"JIT {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms; "
        + $"process {(DateTime.Now - System.Diagnostics.Process.GetCurrentProcess().StartTime).TotalMilliseconds:0} ms");
    return;
}

// `loop PHASE N [DIR]`: repeat one phase (load, graphs, analyses, json) N times, to run under dotnet-trace.
if (args is ["loop", var phase, var times, ..])
{
    var folder = args.Length > 3 ? args[3] : NationalData.Folder();
    var dataset = DatasetLoader.Load(folder).Dataset!;
    var graphs = GovernanceGraph.For(dataset);
    var findings = graphs.SelectMany(g => Analysis.Run(g)).ToList();
    var clock = Stopwatch.StartNew();
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var collections = GC.CollectionCount(0);
    var cpu = Environment.CpuUsage.TotalTime;
    for (var i = 0; i < int.Parse(times); i++)
    {
        _ = phase switch
        {
            "load" => DatasetLoader.Load(folder).Dataset!.Authorities.Count,
            "tables" => NationalData.CsvFiles(folder).Sum(f => CsvTable.Read(f, f, new List<DatasetError>())!.Rows.Count),
            "csvhelper" => new LoadBenchmarks { }.ReadAll(folder),
            "sep" => (int)LoadBenchmarks.SepReadAll(NationalData.CsvFiles(folder)),
            "serial" => DatasetStream.Open(folder).Structures().Count(),
            "parallel" => DatasetStream.Open(folder).InParallel(static (s, _) => s).Count(),
            "graphs" => GovernanceGraph.For(dataset).Count,
            "analyses" => graphs.Sum(g => Analysis.Run(g).Count),
            "json" => FindingsJson.Write(findings).Length,
            "chunks" => FindingsJsonChunk.Of(findings).Bytes.Length,
            _ => throw new ArgumentException($"unknown phase '{phase}'; expected load, serial, parallel, tables, csvhelper, sep, graphs, analyses, json or chunks"),
        };
    }
    var n = int.Parse(times);
    Console.WriteLine($"{phase}: {clock.Elapsed.TotalMilliseconds / n:0.0} ms each, {(Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / n:0.0} ms CPU, "
        + $"{(GC.GetAllocatedBytesForCurrentThread() - allocated) / 1048576.0 / n:0.00} MB allocated, {(GC.CollectionCount(0) - collections) / (double)n:0.0} GCs ({GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 in all; pause {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms)");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(NationalData).Assembly).Run(args);
