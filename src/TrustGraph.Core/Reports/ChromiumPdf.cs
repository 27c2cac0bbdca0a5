using System.Diagnostics;

namespace TrustGraph.Reports;

/// <summary>
/// Prints a report's HTML to PDF with headless Chromium, the browser the project already uses for its browser tests.
/// Chromium is found at <c>TRUSTGRAPH_CHROMIUM</c> when that is set, else <c>/usr/bin/chromium</c>, else on the PATH.
/// </summary>
public static class ChromiumPdf
{
    public const string EnvironmentVariable = "TRUSTGRAPH_CHROMIUM";

    public const string HowToInstall =
        "Install Chromium and try again: on Debian or Ubuntu, 'sudo apt-get install chromium'. "
        + "If Chromium or Chrome is installed somewhere else, set " + EnvironmentVariable + " to its executable. "
        + "Or write the report with --format html and print it from a browser.";

    /// <summary>The Chromium executable, or null with the places that were looked at.</summary>
    public static (string? Path, string Looked) Find()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
            return (File.Exists(configured) ? configured : null, $"{EnvironmentVariable}={configured}");

        const string debian = "/usr/bin/chromium";
        if (File.Exists(debian)) return (debian, debian);
        string[] names = OperatingSystem.IsWindows() ? ["chrome.exe", "chromium.exe"] : ["chromium", "chromium-browser", "google-chrome"];
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in names)
            {
                var candidate = System.IO.Path.Combine(dir, name);
                if (File.Exists(candidate)) return (candidate, candidate);
            }
        return (null, $"{debian} and {string.Join(", ", names)} on the PATH");
    }

    /// <summary>
    /// Writes <paramref name="html"/> to a temporary file, prints it to <paramref name="pdfPath"/> and checks the result is a PDF.
    /// The PDF replaces any old file only once it is complete. Returns null on success, else what went wrong.
    /// </summary>
    public static string? Print(string chromium, string html, string pdfPath, TimeSpan? timeout = null)
    {
        var work = Directory.CreateTempSubdirectory("trustgraph-pdf-");
        try
        {
            var page = System.IO.Path.Combine(work.FullName, "report.html");
            var pdf = System.IO.Path.Combine(work.FullName, "report.pdf");
            File.WriteAllText(page, html);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-pdf-header-footer", "--print-to-pdf-no-header",
                $"--user-data-dir={System.IO.Path.Combine(work.FullName, "profile")}",
                $"--print-to-pdf={pdf}",
                new Uri(page).AbsoluteUri,
            }) start.ArgumentList.Add(arg);

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {chromium}");
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                return $"Chromium did not finish printing within {(timeout ?? TimeSpan.FromSeconds(90)).TotalSeconds:0} seconds";
            }
            if (!File.Exists(pdf) || new FileInfo(pdf).Length < 5 || !StartsWithPdfHeader(pdf))
                return $"Chromium exited with code {process.ExitCode} without writing a PDF: {Last(stderr.Result)}";

            var target = System.IO.Path.GetFullPath(pdfPath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            var temp = target + $".tmp-{Environment.ProcessId}";
            File.Copy(pdf, temp, overwrite: true);
            File.Move(temp, target, overwrite: true);
            return null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"could not run {chromium}: {e.Message}";
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static bool StartsWithPdfHeader(string path)
    {
        Span<byte> head = stackalloc byte[5];
        using var stream = File.OpenRead(path);
        return stream.Read(head) == 5 && head.SequenceEqual("%PDF-"u8);
    }

    private static string Last(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "(no message)" : string.Join(" ", lines.TakeLast(3));
    }
}
