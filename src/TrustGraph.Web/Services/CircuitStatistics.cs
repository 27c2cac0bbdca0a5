using System.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;

namespace TrustGraph.Web.Services;

/// <summary>
/// How the viewer's live sessions fare, measured on the server: circuits open now and at most, and how long the server
/// takes over each thing a browser sends it (a click, a change of selection, a reply from the diagram module), from
/// receiving it to having rendered the result. The load test reads it; with <c>TrustGraph:LogCircuitStatistics</c> on, a
/// summary is logged every five seconds.
/// </summary>
public sealed class CircuitStatistics
{
    private const int Kept = 200_000;
    private readonly Lock _lock = new();
    private readonly List<double> _ms = [];
    private int _open;
    private int _peak;
    private long _opened;
    private long _activities;

    public int Open => Volatile.Read(ref _open);

    internal void Opened()
    {
        var now = Interlocked.Increment(ref _open);
        Interlocked.Increment(ref _opened);
        lock (_lock) _peak = Math.Max(_peak, now);
    }

    internal void Closed() => Interlocked.Decrement(ref _open);

    internal void Record(TimeSpan took)
    {
        Interlocked.Increment(ref _activities);
        lock (_lock)
        {
            if (_ms.Count < Kept) _ms.Add(took.TotalMilliseconds);
        }
    }

    /// <summary>"circuits open 50 (peak 50, 61 opened); inbound activities 4210: p50 3.1 ms, p95 12.0 ms, max 80.2 ms".</summary>
    public string Summary()
    {
        double[] sorted;
        int peak;
        lock (_lock)
        {
            sorted = [.. _ms];
            peak = _peak;
        }
        Array.Sort(sorted);
        string P(double p) => sorted.Length == 0 ? "-" : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)].ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        return $"circuits open {Open} (peak {peak}, {Interlocked.Read(ref _opened)} opened); inbound activities {Interlocked.Read(ref _activities)}: "
            + $"p50 {P(50)} ms, p95 {P(95)} ms, max {(sorted.Length == 0 ? "-" : sorted[^1].ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))} ms; "
            + $"managed heap {GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes / (1024 * 1024)} MB after the last GC, {GC.CollectionCount(2)} full GCs";
    }

    /// <summary>
    /// The managed memory still in use after a full, compacting collection: what the viewer really holds. For the
    /// diagnostics log only (it stops the process for the collection).
    /// </summary>
    public static long LiveManagedBytes()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>Feeds <see cref="CircuitStatistics"/> from every circuit.</summary>
public sealed class CircuitStatisticsHandler(CircuitStatistics statistics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        statistics.Opened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        statistics.Closed();
        return Task.CompletedTask;
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            var started = Stopwatch.GetTimestamp();
            await next(context);
            statistics.Record(Stopwatch.GetElapsedTime(started));
        };
}

/// <summary>Logs <see cref="CircuitStatistics.Summary"/> every five seconds when <c>TrustGraph:LogCircuitStatistics</c> is true.</summary>
public sealed class CircuitStatisticsLog(CircuitStatistics statistics, IConfiguration configuration, ILogger<CircuitStatistics> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue<bool>("TrustGraph:LogCircuitStatistics")) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            log.LogInformation("Circuit statistics: {Summary}; live managed memory {Live} MB", statistics.Summary(),
                CircuitStatistics.LiveManagedBytes() / (1024 * 1024));
    }
}
