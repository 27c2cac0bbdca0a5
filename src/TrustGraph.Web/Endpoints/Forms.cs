using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace TrustGraph.Web.Endpoints;

/// <summary>Reading a posted form only when it carries this site's antiforgery token.</summary>
internal static class Forms
{
    /// <summary>The form, or null after answering 400 (no valid token) or 413 (too large); the caller then stops.</summary>
    public static async Task<IFormCollection?> ReadAsync(HttpContext context)
    {
        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
            {
                await Plain(context, StatusCodes.Status400BadRequest,
                    "The form did not come from this site's page, or it has expired (antiforgery check). Reload the page and try again. Nothing was changed.");
                return null;
            }
            return await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            await Plain(context, StatusCodes.Status413PayloadTooLarge,
                $"The upload is larger than {Import.SpreadsheetText.MaxBytes / (1024 * 1024)} MB, the most a membership list may be. Nothing was changed.");
            return null;
        }
    }

    public static Task Plain(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message);
    }

    /// <summary>
    /// A local address to return to after signing in, never another site's: only a plain path ("/import",
    /// "/report/york?x=1") of printable ASCII, not "//host" and with no backslash, control character (CR, LF, TAB) or
    /// scheme. Anything else goes home. A browser's URL parser drops TABs and newlines and reads "\" as "/", so "/\t/host"
    /// would otherwise be another origin.
    /// </summary>
    public static string LocalOrHome(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048 || url[0] != '/' || url.StartsWith("//", StringComparison.Ordinal)) return "/";
        foreach (var c in url)
            if (c <= ' ' || c >= 0x7f || c == '\\') return "/";
        var path = url.Split('?', '#')[0];
        return path.Contains(':') ? "/" : url;
    }

    /// <summary>Redirects a browser with 303 See Other, so that reloading the next page does not post the form again.</summary>
    public static IResult SeeOther(string url) => new SeeOtherResult(url);

    private sealed class SeeOtherResult(string url) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = url;
            return Task.CompletedTask;
        }
    }
}
