using System.Collections.Concurrent;
using TrustGraph.Diagrams;
using TrustGraph.Reports;

namespace TrustGraph.Web.Services;

/// <summary>A report as a file to download: its name, media type and bytes; or why it cannot be made.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// The report page's downloads, made exactly as <c>trustgraph report</c> makes them: HTML rendered from the Razor
/// components the page shows live, with the hierarchy and onion diagrams inline (drawn in process by the viewer's own
/// renderer, DiagramSvg), Markdown, CSV, and PDF printed from the HTML by headless Chromium. Diagrams are drawn once per
/// dataset version and arrangement.
/// </summary>
public sealed class ReportFiles(ILogger<ReportFiles> log)
{
    public static readonly IReadOnlyList<string> Formats = ["html", "md", "csv", "pdf"];

    private readonly ConcurrentDictionary<string, Lazy<Task<(IReadOnlyList<ReportDiagram> Diagrams, string? Omitted)>>> _diagrams = new();

    /// <summary>The report of an arrangement of <paramref name="version"/>, judged today, the arrangement chosen as the CLI's <c>--arrangement</c> does.</summary>
    public static GuidanceReport Build(DatasetVersion version, ArrangementView view)
    {
        var structure = version.Dataset!.Find(view.AuthorityId)!;
        var subject = ChosenArrangement.Pick(structure, view.ArrangementId).Choice
            ?? throw new InvalidOperationException($"{view.Key} is not an arrangement of {view.AuthorityId}");
        return GuidanceReport.Build(version.Dataset, subject, DateOnly.FromDateTime(DateTime.Now));
    }

    /// <summary>Null with a reason when the format is unknown or the file cannot be made here (no Chromium for a PDF).</summary>
    public async Task<(ReportFile? File, string? Problem)> MakeAsync(DatasetVersion version, ArrangementView view, string format, CancellationToken cancellation)
    {
        if (!Formats.Contains(format)) return (null, $"no format '{format}'; expected one of: {string.Join(", ", Formats)}");
        var report = Build(version, view);
        var name = $"{view.AuthorityId}{(view.ArrangementId is null ? "" : "-" + view.ArrangementId)}-guidance-report.{format}";
        switch (format)
        {
            case "md":
                return (new ReportFile(name, "text/markdown; charset=utf-8", Utf8(MarkdownReport.Write(report))), null);
            case "csv":
                return (new ReportFile(name, "text/csv; charset=utf-8", Utf8(CsvReport.Write(report))), null);
        }

        var (diagrams, omitted) = await DiagramsAsync(version, view);
        var html = await HtmlReport.WriteAsync(report, diagrams, omitted);
        if (format == "html") return (new ReportFile(name, "text/html; charset=utf-8", Utf8(html)), null);

        var (chromium, looked) = ChromiumPdf.Find();
        if (chromium is null) return (null, $"a PDF cannot be printed here: Chromium was not found (looked at {looked}). {ChromiumPdf.HowToInstall}");
        var work = Directory.CreateTempSubdirectory("trustgraph-web-pdf-");
        try
        {
            var path = Path.Combine(work.FullName, name);
            var problem = await Task.Run(() => ChromiumPdf.Print(chromium, html, path), cancellation);
            if (problem is not null)
            {
                log.LogError("Printing {File} failed: {Problem}", name, problem);
                return (null, $"the PDF could not be printed: {problem}");
            }
            return (new ReportFile(name, "application/pdf", await File.ReadAllBytesAsync(path, cancellation)), null);
        }
        finally
        {
            try { work.Delete(recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Whether PDF downloads work here, and if not, what to do.</summary>
    public static string? PdfUnavailable()
    {
        var (chromium, looked) = ChromiumPdf.Find();
        return chromium is null ? $"Chromium was not found (looked at {looked}). {ChromiumPdf.HowToInstall}" : null;
    }

    private Task<(IReadOnlyList<ReportDiagram> Diagrams, string? Omitted)> DiagramsAsync(DatasetVersion version, ArrangementView view)
    {
        var key = $"{version.Number}:{view.Key}";
        if (_diagrams.Count > 64) _diagrams.Clear();
        var lazy = _diagrams.GetOrAdd(key, _ => new Lazy<Task<(IReadOnlyList<ReportDiagram>, string?)>>(() => DrawAsync(view)));
        return lazy.Value;
    }

    private static Task<(IReadOnlyList<ReportDiagram>, string?)> DrawAsync(ArrangementView view) =>
        Task.FromResult<(IReadOnlyList<ReportDiagram>, string?)>(
            ([new ReportDiagram($"Hierarchy: {view.Title}", DiagramSvg.Render(view.Hierarchy)), new ReportDiagram($"Onion: {view.Title}", DiagramSvg.Render(view.Onion))], null));

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
