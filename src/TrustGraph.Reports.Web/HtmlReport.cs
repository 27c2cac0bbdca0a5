using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrustGraph.Reports.Web.Components;

namespace TrustGraph.Reports;

/// <summary>
/// The reports as one self-contained HTML page, rendered from the same Razor components the viewer's report page shows:
/// inline CSS with a print stylesheet, no scripts, no external files. Razor encodes every string from the data; diagrams
/// come in as SVG and are inlined only after <see cref="InlineSvg.Clean"/>.
/// </summary>
public static class HtmlReport
{
    // One service provider for every render: the renderer needs logging, and an encoder that leaves "·" and "“”" as
    // characters (the page is UTF-8) while still escaping markup.
    private static readonly Lazy<ServiceProvider> Services = new(() => new ServiceCollection()
        .AddLogging()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider());

    /// <summary>
    /// The report for one arrangement. <paramref name="diagrams"/> are the authority's hierarchy and onion diagrams;
    /// when there are none, <paramref name="diagramsOmitted"/> says why, and the report prints that reason.
    /// </summary>
    public static string Write(GuidanceReport report, IReadOnlyList<ReportDiagram>? diagrams = null, string? diagramsOmitted = null) =>
        WriteAsync(report, diagrams, diagramsOmitted).GetAwaiter().GetResult();

    /// <inheritdoc cref="Write(GuidanceReport, IReadOnlyList{ReportDiagram}?, string?)"/>
    public static Task<string> WriteAsync(GuidanceReport report, IReadOnlyList<ReportDiagram>? diagrams = null, string? diagramsOmitted = null) =>
        RenderAsync<GuidanceReportDocument>(new Dictionary<string, object?>
        {
            [nameof(GuidanceReportDocument.Report)] = report,
            [nameof(GuidanceReportDocument.Diagrams)] = diagrams ?? [],
            [nameof(GuidanceReportDocument.DiagramsOmitted)] = diagramsOmitted,
        });

    /// <summary>The comparator benchmark: matrices first, then what each could copy, then the reasons behind every cell.</summary>
    public static string Write(Comparison comparison) => WriteAsync(comparison).GetAwaiter().GetResult();

    /// <inheritdoc cref="Write(Comparison)"/>
    public static Task<string> WriteAsync(Comparison comparison) =>
        RenderAsync<ComparisonDocument>(new Dictionary<string, object?> { [nameof(ComparisonDocument.Comparison)] = comparison });

    private static async Task<string> RenderAsync<TDocument>(Dictionary<string, object?> parameters) where TDocument : IComponent
    {
        var services = Services.Value;
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TDocument>(ParameterView.FromDictionary(parameters))).ToHtmlString());
        return html + "\n";
    }

    /// <summary>
    /// A CSS string literal of a data string: quotes, backslashes, angle brackets (so no "&lt;/style&gt;"), ampersands,
    /// control characters and direction overrides become hex escapes; everything else is kept.
    /// </summary>
    public static string CssString(string text)
    {
        var css = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c < 0x20 || c == 0x7f || c is '"' or '\\' or '<' or '>' or '&' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069' || c is '\u2028' or '\u2029')
                css.Append('\\').Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append(' ');
            else
                css.Append(c);
        }
        return css.Append('"').ToString();
    }
}
