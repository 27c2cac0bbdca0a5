using System.Net;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Http;

public sealed class Neo4jStoreTests
{
    [Fact]
    public async Task A_configured_Neo4j_that_cannot_be_reached_is_shown_as_the_problem_never_replaced_by_the_folder()
    {
        using var factory = new ViewerFactory(TestData.RealPath, new Dictionary<string, string?>
        {
            ["Neo4j:Uri"] = "http://127.0.0.1:1",
            ["Neo4j:Password"] = "not-used",
        });

        var response = await factory.CreateClient().GetAsync("/");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.True(factory.Catalog.UsesNeo4j);
        Assert.Contains("The dataset cannot be shown", html);
        Assert.Contains("Cannot reach Neo4j at http://127.0.0.1:1/", html);
        Assert.DoesNotContain("Worcestershire", html);
    }
}
