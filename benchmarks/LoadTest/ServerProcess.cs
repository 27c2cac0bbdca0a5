using System.Collections.Concurrent;
using System.Diagnostics;

namespace TrustGraph.LoadTest;

/// <summary>The viewer as its own process (so its memory is its own), started from the Release build on 127.0.0.1.</summary>
public sealed class ServerProcess(string dll, string contentRoot, int port, string dataPath)
{
    private readonly ConcurrentQueue<string> _errors = new();
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
        start.Environment["Logging__Console__FormatterName"] = "simple";
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
        if (line is not null && (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal)))
            _errors.Enqueue(line);
    }

    /// <summary>The server's working set now, in bytes.</summary>
    public long WorkingSet()
    {
        if (_process is null || _process.HasExited) return 0;
        _process.Refresh();
        return _process.WorkingSet64;
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
