using TrustGraph.Web.Components;
using TrustGraph.Web.Services;

var builder = WebApplication.CreateBuilder(args);

// Serve the build's static web assets (the bundled diagram module, scoped CSS) in every environment, not only Development.
builder.WebHost.UseStaticWebAssets();

builder.Services.Configure<ViewerOptions>(builder.Configuration.GetSection("TrustGraph"));
builder.Services.AddSingleton<ViewerCatalog>();
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();

app.MapStaticAssets();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();

/// <summary>The viewer's entry point (public so tests can host it).</summary>
public partial class Program;
