using TrustGraph.Web.Components;
using TrustGraph.Web.Endpoints;
using TrustGraph.Web.Security;
using TrustGraph.Web.Services;

if (args is [HashPasswordCommand.Name, ..])
{
    Environment.ExitCode = HashPasswordCommand.Run(Console.In, Console.Out, Console.Error, interactive: !Console.IsInputRedirected);
    return;
}

var builder = WebApplication.CreateBuilder(args);

// Serve the build's static web assets (the bundled diagram module, scoped CSS) in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

builder.Services.Configure<ViewerOptions>(builder.Configuration.GetSection("TrustGraph"));
builder.Services.AddSingleton<ViewerCatalog>();
builder.Services.AddHostedService<DatasetWatcher>();
builder.Services.AddSingleton<ImportWorkspace>();
builder.Services.AddSingleton<ReportFiles>();
builder.Services.AddSingleton<CircuitStatistics>();
builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitStatisticsHandler>();
builder.Services.AddHostedService<CircuitStatisticsLog>();
builder.Services.AddViewerSecurity(builder.Configuration);
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseUploadLimit();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapAccountEndpoints();
app.MapImportEndpoints();
app.MapReportEndpoints();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null); // the full policy, frame-ancestors included, comes from UseSecurityHeaders

app.Run();

/// <summary>The viewer's entry point (public so tests can host it).</summary>
public partial class Program;
