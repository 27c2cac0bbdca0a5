using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using TrustGraph.Web.Security;

namespace TrustGraph.Web.Endpoints;

/// <summary>Signing the admin in and out: form posts from the sign-in page and the masthead.</summary>
public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/sign-in", SignIn);
        app.MapPost("/account/sign-out", SignOut);
    }

    private static async Task SignIn(HttpContext context, AdminAccount admin, SignInThrottle throttle, ILoggerFactory logs)
    {
        var form = await Forms.ReadAsync(context);
        if (form is null) return;
        var back = Forms.LocalOrHome(form["returnUrl"]);
        if (!admin.WritesEnabled)
        {
            await Forms.SeeOther(ViewerSecurity.SignInPath).ExecuteAsync(context);
            return;
        }
        var address = ViewerSecurity.ClientAddress(context);
        var account = form["userName"].ToString();
        var wait = throttle.WaitBeforeTrying(address, account);
        if (wait > TimeSpan.Zero)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Forms.Plain(context, StatusCodes.Status429TooManyRequests,
                $"Too many wrong passwords. Wait {seconds} second{(seconds == 1 ? "" : "s")} and try again; the password was not checked.");
            return;
        }
        if (!admin.Verify(account, form["password"]))
        {
            throttle.Failed(address, account);
            var tried = account;
            logs.CreateLogger("TrustGraph.Web.SignIn").LogWarning("A sign-in as {User} from {Address} was refused", tried[..Math.Min(64, tried.Length)], context.Connection.RemoteIpAddress);
            await Forms.SeeOther($"{ViewerSecurity.SignInPath}?failed=1&returnUrl={Uri.EscapeDataString(back)}").ExecuteAsync(context);
            return;
        }
        throttle.Succeeded(address, account);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, admin.Principal());
        await Forms.SeeOther(back).ExecuteAsync(context);
    }

    private static async Task SignOut(HttpContext context)
    {
        if (await Forms.ReadAsync(context) is null) return;
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await Forms.SeeOther("/").ExecuteAsync(context);
    }
}
