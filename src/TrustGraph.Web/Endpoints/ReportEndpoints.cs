using TrustGraph.Web.Security;
using TrustGraph.Web.Services;

namespace TrustGraph.Web.Endpoints;

/// <summary>The report page's downloads: <c>GET /downloads/report?view=suffolk/2009&amp;format=html|md|csv|pdf</c>. Read-only, open to all.</summary>
public static class ReportEndpoints
{
    public const string Route = "/downloads/report";

    public static string Href(ArrangementView view, string format) => $"{Route.TrimStart('/')}?view={Uri.EscapeDataString(view.Key)}&format={format}";

    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route, Download).RequireRateLimiting(ViewerSecurity.PdfLimit);
    }

    private static async Task Download(string? view, string? format, HttpContext context, ViewerCatalog catalog, ReportFiles files)
    {
        var version = catalog.Current;
        var chosen = view is null || version.Dataset is null ? null : Resolve(version, view);
        if (chosen is null)
        {
            await Forms.Plain(context, StatusCodes.Status404NotFound,
                $"There is no arrangement '{view}'; expected one of: {string.Join(", ", version.Authorities.SelectMany(a => version.ViewsOf(a.Id)).Select(v => v.Key))}");
            return;
        }
        var (file, problem) = await files.MakeAsync(version, chosen, format ?? "html", context.RequestAborted);
        if (file is null)
        {
            await Forms.Plain(context, format == "pdf" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest, $"No report: {problem}");
            return;
        }
        context.Response.ContentType = file.ContentType;
        context.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = file.FileName, Inline = false }.ToString();
        // The report is a document, not a page of this site: even opened in place it may run nothing and reach nothing.
        context.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";
        context.Response.ContentLength = file.Content.Length;
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted);
    }

    private static ArrangementView? Resolve(DatasetVersion version, string key)
    {
        var slash = key.IndexOf('/');
        var views = version.ViewsOf(slash < 0 ? key : key[..slash]);
        return slash < 0 ? views.FirstOrDefault() : views.FirstOrDefault(v => v.ArrangementId == key[(slash + 1)..]);
    }
}
