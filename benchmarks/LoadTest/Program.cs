using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using TrustGraph.Graph;
using TrustGraph.Loading;
using TrustGraph.LoadTest;

// The viewer under load: it builds and starts the real server (Release) on 127.0.0.1, opens N real Blazor Server
// sessions in one headless Chromium, and has each browse (switch authority and arrangement, open bodies, switch
// diagram) for a fixed time, measuring each interaction from the action to the DOM showing its result. Bounded in
// sessions and time: it stops by itself. Usage:
//   dotnet run --project benchmarks/LoadTest -c Release [-- --sessions 50 --seconds 60 --no-build]

var options = LoadOptions.Parse(args);
var root = LoadOptions.RepositoryRoot();
var chromium = Environment.GetEnvironmentVariable("TRUSTGRAPH_CHROMIUM") ?? "/usr/bin/chromium";
if (!File.Exists(chromium))
{
    Console.Error.WriteLine($"Chromium is needed at {chromium} (apt-get install chromium, or set TRUSTGRAPH_CHROMIUM).");
    return 2;
}
var data = Path.Combine(root, "data");
var dataset = DatasetLoader.Load(data).Dataset ?? throw new InvalidOperationException($"{data} does not load");
var views = dataset.Authorities.SelectMany(GovernanceGraph.For).Select(g => new View(g)).ToList();

using var overall = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds + 300));
var web = Path.Combine(root, "src", "TrustGraph.Web");
if (!options.NoBuild)
{
    Console.WriteLine("Building the viewer (Release)…");
    if (await Run("dotnet", ["build", web, "-c", "Release", "--nologo", "-v", "quiet"], root, overall.Token) != 0) return 3;
}

var port = FreePort();
var server = new ServerProcess(Path.Combine(web, "bin", "Release", "net10.0", "TrustGraph.Web.dll"), web, port, data);
// Whatever happens below, the server this program started does not outlive it.
AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAsync().GetAwaiter().GetResult();
AppDomain.CurrentDomain.UnhandledException += (_, _) => server.StopAsync().GetAwaiter().GetResult();
await server.StartAsync(overall.Token);
Console.WriteLine($"Viewer started on {server.Address} (process {server.Id}), working set {Mb(server.WorkingSet())}.");

var samples = new List<(double Seconds, long Bytes)>();
var clock = Stopwatch.StartNew();
using var sampling = new CancellationTokenSource();
var sampler = Task.Run(async () =>
{
    while (!sampling.IsCancellationRequested)
    {
        samples.Add((clock.Elapsed.TotalSeconds, server.WorkingSet()));
        try { await Task.Delay(1000, sampling.Token); } catch (TaskCanceledException) { }
    }
});

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
{
    ExecutablePath = chromium,
    Headless = true,
    Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
        // Fifty pages are fifty background tabs: without these Chromium would slow their timers, and we would measure that.
        "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
    ],
});

var startMemory = server.WorkingSet();
Console.WriteLine($"Opening {options.Sessions} sessions…");
var sessions = new List<Session>();
var opening = Stopwatch.StartNew();
for (var i = 0; i < options.Sessions; i++)
{
    var session = new Session(i, browser, server.Address, views, new Random(1000 + i));
    sessions.Add(session);
    await session.OpenAsync(overall.Token);
}
Console.WriteLine($"{sessions.Count(s => s.Open)} of {options.Sessions} sessions open after {opening.Elapsed.TotalSeconds:0.0} s; working set {Mb(server.WorkingSet())}. Browsing for {options.Seconds} s…");

var openedMemory = server.WorkingSet();
var cpuFrom = server.Cpu();
var machineFrom = ServerProcess.MachineCpu();
var browsingFrom = clock.Elapsed.TotalSeconds;
using var browsing = CancellationTokenSource.CreateLinkedTokenSource(overall.Token);
browsing.CancelAfter(TimeSpan.FromSeconds(options.Seconds));
await Task.WhenAll(sessions.Select(s => s.BrowseAsync(browsing.Token)));
var browsingTo = clock.Elapsed.TotalSeconds;
var endMemory = server.WorkingSet();
var serverCpu = (server.Cpu() - cpuFrom).TotalSeconds;
var machineTo = ServerProcess.MachineCpu();
var machineBusy = machineTo.Total == machineFrom.Total ? 0 : (double)(machineTo.Busy - machineFrom.Busy) / (machineTo.Total - machineFrom.Total);

await Task.Delay(TimeSpan.FromSeconds(6));
var serverView = server.CircuitStatistics;
var heapTrend = server.AllCircuitStatistics
    .Select(line => System.Text.RegularExpressions.Regex.Match(line, "live managed memory (\\d+) MB"))
    .Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
Console.WriteLine("Checking every session still answers…");
var held = 0;
foreach (var s in sessions)
    if (await s.StillWorksAsync(overall.Token)) held++;

sampling.Cancel();
await sampler;
foreach (var s in sessions) await s.DisposeAsync();
await browser.CloseAsync();
var serverErrors = server.ErrorLines;
await server.StopAsync();

var latencies = sessions.SelectMany(s => s.Latencies).ToList();
var byKind = latencies.GroupBy(l => l.Kind).OrderBy(g => g.Key);
var errors = sessions.SelectMany(s => s.Errors).ToList();
var during = samples.Where(s => s.Seconds >= browsingFrom && s.Seconds <= browsingTo).Select(s => s.Bytes).ToList();

Console.WriteLine();
Console.WriteLine("== TrustGraph viewer load test ==");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores; server, Chromium and this driver on the same machine; server on {server.Address}");
Console.WriteLine($"Sessions: {options.Sessions} opened, {sessions.Count(s => s.Open)} opened without error, {held} still answering at the end (held)");
Console.WriteLine($"Browsing: {browsingTo - browsingFrom:0} s, {latencies.Count} interactions ({latencies.Count / Math.Max(1, browsingTo - browsingFrom):0.0}/s), think time 0.5–2 s");
Console.WriteLine($"Errors: {errors.Count} in the browser sessions, {serverErrors.Count} error lines in the server's log");
foreach (var e in errors.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(10)) Console.WriteLine($"  {e.Count()} × {e.Key}");
foreach (var e in serverErrors.Take(10)) Console.WriteLine($"  server: {e}");
Console.WriteLine($"Server's own view at the end of browsing: {serverView ?? "(no statistics logged)"}");
Console.WriteLine($"Latency, action to DOM updated (ms): all p50 {Percentile(latencies, 50):0}, p95 {Percentile(latencies, 95):0}, max {(latencies.Count == 0 ? 0 : latencies.Max(l => l.Ms)):0}");
foreach (var g in byKind)
    Console.WriteLine($"  {g.Key,-22} n={g.Count(),5}  p50 {Percentile(g.ToList(), 50),6:0}  p95 {Percentile(g.ToList(), 95),6:0}  max {g.Max(l => l.Ms),6:0}");
Console.WriteLine($"Server working set: {Mb(startMemory)} idle before the sessions, {Mb(openedMemory)} with {options.Sessions} sessions open, "
    + $"{Mb(endMemory)} at the end of browsing; during browsing min {Mb(during.DefaultIfEmpty().Min())}, max {Mb(during.DefaultIfEmpty().Max())}");
var firstHalf = during.Take(during.Count / 2).DefaultIfEmpty().Average();
var secondHalf = during.Skip(during.Count / 2).DefaultIfEmpty().Average();
Console.WriteLine($"CPU while browsing: the machine {machineBusy:P0} busy; the server used {serverCpu:0.0} CPU-seconds, "
    + $"{serverCpu / ((browsingTo - browsingFrom) * Environment.ProcessorCount):P0} of the machine (the rest: Chromium laying out and drawing diagrams, and this driver)");
Console.WriteLine($"Server's live managed memory (after a full GC, logged every 5 s from its start): {string.Join(", ", heapTrend)} MB");
Console.WriteLine($"Memory trend: mean {Mb((long)firstHalf)} in the first half of the browsing, {Mb((long)secondHalf)} in the second");
return errors.Count == 0 && serverErrors.Count == 0 && held == options.Sessions ? 0 : 1;

static double Percentile(IReadOnlyList<Latency> values, double p)
{
    if (values.Count == 0) return 0;
    var sorted = values.Select(v => v.Ms).Order().ToList();
    var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
}

static string Mb(long bytes) => (bytes / (1024.0 * 1024)).ToString("0", CultureInfo.InvariantCulture) + " MB";

static int FreePort()
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    var port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    return port;
}

static async Task<int> Run(string file, string[] arguments, string directory, CancellationToken cancellation)
{
    var start = new ProcessStartInfo(file) { WorkingDirectory = directory, UseShellExecute = false };
    foreach (var a in arguments) start.ArgumentList.Add(a);
    using var process = Process.Start(start)!;
    await process.WaitForExitAsync(cancellation);
    return process.ExitCode;
}
