using System.Collections.Concurrent;
using System.Diagnostics;

namespace TrustGraph.LoadTest;

/// <summary>The viewer as its own process (so its memory is its own), started from the Release build on 127.0.0.1.</summary>
public sealed class ServerProcess(string dll, string contentRoot, int port, string dataPath)
{
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _statistics = new();

    /// <summary>Every summary the server logged, oldest first (one every 5 s).</summary>
    public IReadOnlyList<string> AllCircuitStatistics => _statistics.ToList();
    private Process? _process;

    public Uri Address { get; } = new($"http://127.0.0.1:{port}/");
    public int Id => _process?.Id ?? 0;

    /// <summary>Lines the server logged at error or critical level.</summary>
    public IReadOnlyList<string> ErrorLines => _errors.ToList();

    public async Task StartAsync(CancellationToken cancellation)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"the viewer is not built: {dll} (run without --no-build)");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Address.ToString().TrimEnd('/'));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["TrustGraph__DataPath"] = dataPath;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__TrustGraph.Web.Services.CircuitStatistics"] = "Information";
        start.Environment["TrustGraph__LogCircuitStatistics"] = "true";
        start.Environment["Logging__Console__FormatterName"] = "systemd";
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the viewer exited with code {_process.ExitCode}");
            try
            {
                if ((await http.GetAsync(Address, cancellation)).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!cancellation.IsCancellationRequested) { }
            await Task.Delay(250, cancellation);
        }
        throw new TimeoutException($"the viewer did not answer on {Address} within 90 s");
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        // The systemd console format: one line per message, "<3>" error, "<2>" critical and worse.
        if (line.Length > 2 && line[0] == '<' && line[1] is '0' or '1' or '2' or '3') _errors.Enqueue(line);
        var at = line.IndexOf("Circuit statistics: ", StringComparison.Ordinal);
        if (at >= 0)
        {
            CircuitStatistics = line[(at + "Circuit statistics: ".Length)..];
            _statistics.Enqueue(CircuitStatistics);
        }
    }

    /// <summary>The server's latest summary of its circuits (logged every 5 s): open circuits and its own time per inbound event.</summary>
    public string? CircuitStatistics { get; private set; }

    /// <summary>The server's working set now, in bytes.</summary>
    public long WorkingSet()
    {
        if (_process is null || _process.HasExited) return 0;
        _process.Refresh();
        return _process.WorkingSet64;
    }

    /// <summary>The CPU time the server has used so far.</summary>
    public TimeSpan Cpu()
    {
        if (_process is null || _process.HasExited) return TimeSpan.Zero;
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    /// <summary>The machine's busy and total CPU time so far (from /proc/stat, in clock ticks), or zeros where there is none.</summary>
    public static (long Busy, long Total) MachineCpu()
    {
        if (!File.Exists("/proc/stat")) return (0, 0);
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0);
        var total = fields.Sum();
        return (total - idle, total);
    }

    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }
}
