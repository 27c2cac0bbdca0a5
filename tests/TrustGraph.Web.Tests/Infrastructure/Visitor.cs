using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TrustGraph.Web.Tests.Infrastructure;

/// <summary>A browser without a browser: keeps cookies, does not follow redirects, reads the forms' antiforgery tokens.</summary>
public sealed partial class Visitor(WebApplicationFactory<Program> factory) : IDisposable
{
    public HttpClient Http { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>The antiforgery token of the first form on a page, as the browser would post it.</summary>
    public async Task<string> TokenFromAsync(string path)
    {
        var html = await Http.GetStringAsync(path);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"{path} has no form with an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> SignInAsync(string password = ViewerFactory.AdminPassword, string user = "admin")
    {
        var token = await TokenFromAsync("/sign-in");
        return await Http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = user, ["password"] = password, ["returnUrl"] = "/import",
        }));
    }

    /// <summary>Uploads a file on the import page's form; returns the response (a redirect to the preview).</summary>
    public async Task<HttpResponseMessage> UploadAsync(string target, string fileName, byte[] content, string mode = "replace")
    {
        var token = await TokenFromAsync("/import");
        var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(target), "target" },
            { new StringContent(mode), "mode" },
            { new ByteArrayContent(content), "file", fileName },
        };
        return await Http.PostAsync("/import/upload", form);
    }

    /// <summary>Posts one of the page's small forms (commit, cancel, undo) with a token read from <paramref name="pageWithForm"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string action, string pageWithForm)
    {
        var token = await TokenFromAsync(pageWithForm);
        return await Http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    /// <summary>True when the pages treat this visitor as the signed-in admin.</summary>
    public async Task<bool> IsSignedInAsync() => (await Http.GetStringAsync("/import")).Contains("Signed in as");

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
