using TrustGraph.Neo4j;
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

// The address: --urls, ASPNETCORE_URLS, ASPNETCORE_HTTP_PORTS or Kestrel:Endpoints when any is given, as in any ASP.NET
// Core app; http://localhost:5156 otherwise. (launchSettings.json names no address, so it never overrides these.)
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"])
    && string.IsNullOrEmpty(builder.Configuration["https_ports"]) && !builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
    builder.WebHost.UseUrls(DefaultAddress);

// Serve the build's static web assets (the bundled diagram module, scoped CSS) in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

builder.Services.Configure<ViewerOptions>(builder.Configuration.GetSection("TrustGraph"));
builder.Services.AddSingleton<ViewerCatalog>();
// Neo4j is the store when NEO4J_URI or Neo4j:Uri is set; the dataset folder otherwise. A configured Neo4j that cannot
// be read is shown as the problem it is, never silently replaced by the folder. (docs/neo4j.md)
if (Neo4jStore.IsConfigured(builder.Configuration))
    builder.Services.AddSingleton(new PreloadedDataset(
        Neo4jStore.Describe(builder.Configuration), await Neo4jStore.LoadAsync(builder.Configuration)));
builder.Services.AddHostedService<DatasetWatcher>();
builder.Services.AddSingleton<ImportWorkspace>();
builder.Services.Configure<ImportOptions>(builder.Configuration.GetSection("TrustGraph:Import"));
builder.Services.AddSingleton<ReportFiles>();
builder.Services.AddSingleton<CircuitStatistics>();
builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitStatisticsHandler>();
builder.Services.AddHostedService<CircuitStatisticsLog>();
builder.Services.AddViewerSecurity(builder.Configuration);
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

var app = builder.Build();
app.Logger.LogInformation("Serving {Count} authorities from {DataPath}", app.Services.GetRequiredService<ViewerCatalog>().Authorities.Count,
    app.Services.GetRequiredService<ViewerCatalog>().DataPath);

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
public partial class Program
{
    /// <summary>Where the viewer listens when no address is configured.</summary>
    public const string DefaultAddress = "http://localhost:5156";
}
