using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using TrustGraph.Import;

namespace TrustGraph.Web.Security;

/// <summary>Limits on the endpoints a stranger could hammer: section <c>TrustGraph:RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Wrong passwords a client address, or an account, may give before each further try must wait (<see cref="SignInThrottle"/>).</summary>
    public int SignInFreeFailures { get; set; } = 5;

    /// <summary>The longest wait after repeated wrong passwords; the right password is never refused for longer.</summary>
    public int SignInMaxBackoffSeconds { get; set; } = 60;

    /// <summary>Minutes without a wrong password after which an address's or account's failures are forgotten.</summary>
    public int SignInForgetAfterMinutes { get; set; } = 15;

    /// <summary>Uploads the admin may make per minute.</summary>
    public int UploadsPerMinute { get; set; } = 10;

    /// <summary>PDFs printed at once (each runs a Chromium); more wait in a short queue, then are refused.</summary>
    public int ConcurrentPdfs { get; set; } = 2;
}

/// <summary>
/// How the viewer decides who may change data, wired in one place: cookie sign-in for the one admin account,
/// the <see cref="AdminPolicy"/> that import and undo require, the back-off on wrong passwords (<see cref="SignInThrottle"/>),
/// rate limits on upload and PDFs, the upload size
/// limit, antiforgery, and the response headers that keep pages from being framed or sniffed.
/// </summary>
public static class ViewerSecurity
{
    public const string AdminPolicy = "admin";
    public const string UploadLimit = "upload";
    public const string PdfLimit = "pdf";
    public const string CookieName = "TrustGraph.Admin";
    public const string SignInPath = "/sign-in";

    /// <summary>The largest request an upload may be: the import reader's limit plus room for the form around the file.</summary>
    public const long MaxUploadRequestBytes = SpreadsheetText.MaxBytes + 64 * 1024;

    public static IServiceCollection AddViewerSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AdminOptions>(configuration.GetSection("TrustGraph"));
        services.Configure<RateLimitOptions>(configuration.GetSection("TrustGraph:RateLimits"));
        services.AddSingleton<AdminAccount>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton(TimeProvider.System);

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = SignInPath;
                options.AccessDeniedPath = SignInPath;
                options.Events.OnRedirectToLogin = context => Refuse(context.HttpContext, context.RedirectUri, StatusCodes.Status401Unauthorized,
                    "Sign in as the admin to change data.");
                options.Events.OnRedirectToAccessDenied = context => Refuse(context.HttpContext, context.RedirectUri, StatusCodes.Status403Forbidden,
                    "Only the admin may change data.");
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(AdminAccount.Role));
        services.AddCascadingAuthenticationState();

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellation) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many attempts. Wait a minute and try again.", cancellation);
            };
            limiter.AddPolicy(UploadLimit, context =>
            {
                var limits = Limits(context);
                return RateLimitPartition.GetFixedWindowLimiter(context.User.Identity?.Name ?? ClientAddress(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, limits.UploadsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                });
            });
            limiter.AddPolicy(PdfLimit, context =>
            {
                var limits = Limits(context);
                return RateLimitPartition.GetConcurrencyLimiter("pdf", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = Math.Max(1, limits.ConcurrentPdfs), QueueLimit = 4, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                });
            });
        });
        return services;
    }

    /// <summary>A browser asking for a page is sent to the sign-in page; anything else (a form post, a script) gets the status.</summary>
    private static Task Refuse(HttpContext context, string redirectUri, int status, string message)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect(redirectUri);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message);
    }

    private static RateLimitOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;

    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>
    /// Refuses an upload larger than <see cref="MaxUploadRequestBytes"/> before its body is read: by its Content-Length
    /// when it has one, else by capping how much the server will read.
    /// </summary>
    public static IApplicationBuilder UseUploadLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<UploadEndpoint>() is null)
        {
            await next(context);
            return;
        }
        if (context.Request.ContentLength > MaxUploadRequestBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.Headers.Connection = "close";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync($"The upload is {context.Request.ContentLength / (1024.0 * 1024):0.0} MB; a membership list may be at most {SpreadsheetText.MaxBytes / (1024 * 1024)} MB. Nothing was read or changed.");
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = MaxUploadRequestBytes;
        await next(context);
    });

    /// <summary>Headers for every response: no framing, no MIME sniffing, no referrer leaks, scripts only from the viewer itself.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (!headers.ContainsKey("Content-Security-Policy"))
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>
    /// Scripts from the viewer's own files only (Blazor Server needs no eval); styles may be inline (the diagrams and
    /// Blazor set style attributes); images may be data: or blob: URLs (the PNG export); nothing may frame the viewer.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}

/// <summary>Marks an endpoint that takes an upload, so <see cref="ViewerSecurity.UseUploadLimit"/> guards it.</summary>
public sealed class UploadEndpoint;
