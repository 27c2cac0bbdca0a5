using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace TrustGraph.Web.Tests.Infrastructure;

/// <summary>The viewer on a dataset folder; <see cref="StartKestrel"/> serves it on a real loopback port for a browser.</summary>
public sealed class ViewerFactory(string dataPath) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("TrustGraph:DataPath", dataPath);
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
