using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TrustGraph.Web.Security;
using TrustGraph.Web.Services;

namespace TrustGraph.Web.Tests.Infrastructure;

/// <summary>
/// The viewer on a dataset folder, with any other settings a test needs (an admin password, rate limits, watching the
/// folder: off unless asked for with <c>TrustGraph:WatchDataPath=true</c>);
/// <see cref="StartKestrel"/> serves it on a real loopback port for a browser.
/// </summary>
public sealed class ViewerFactory(string dataPath, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>The admin password the tests sign in with, when <see cref="WithAdmin"/> configured its hash.</summary>
    public const string AdminPassword = "a long test password, not a default";

    public string DataPath { get; } = dataPath;

    /// <summary>Settings that configure the admin account with <see cref="AdminPassword"/>, and any others given.</summary>
    public static Dictionary<string, string?> WithAdmin(params (string Key, string? Value)[] more)
    {
        var settings = new Dictionary<string, string?> { [AdminAccount.HashKey] = AdminAccount.Hash(AdminPassword) };
        foreach (var (key, value) in more) settings[key] = value;
        return settings;
    }

    public ViewerCatalog Catalog => Services.GetRequiredService<ViewerCatalog>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("TrustGraph:DataPath", DataPath);
        builder.UseSetting("TrustGraph:ReloadDebounceMilliseconds", "300");
        // Each watcher holds one of the system's few inotify instances; only the tests of reloading need one.
        builder.UseSetting("TrustGraph:WatchDataPath", "false");
        // The folder, never a Neo4j the machine's environment may name.
        builder.UseSetting("NEO4J_URI", "");
        builder.UseSetting("Neo4j:Uri", "");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.UseEnvironment("Production");
    }

    /// <summary>Starts Kestrel on 127.0.0.1 with a free port and returns the address the browser should open.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }
}
