using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Http;

/// <summary>With NEO4J_URI set, the viewer shows the dataset in Neo4j (or why it cannot), never silently the folder, and imports nothing.</summary>
public sealed class Neo4jStoreTests
{
    [Fact]
    public async Task A_neo4j_that_cannot_be_reached_is_shown_as_the_problem_and_imports_are_off()
    {
        var data = TestData.CopyOf();
        using var factory = new ViewerFactory(data, ViewerFactory.WithAdmin(("NEO4J_URI", "http://127.0.0.1:1/"), ("NEO4J_PASSWORD", "secret-not-shown")));
        using var visitor = new Visitor(factory);

        var home = await visitor.Http.GetStringAsync("/");
        Assert.Contains("The dataset cannot be shown", home);
        Assert.Contains("Neo4j at http://127.0.0.1:1/", home);
        Assert.DoesNotContain("secret-not-shown", home);
        Assert.DoesNotContain("Calderdale", home);
        Assert.False(factory.Catalog.IsFolder);

        await visitor.SignInAsync();
        var import = await visitor.Http.GetStringAsync("/import");
        Assert.Contains("cannot import here", import);
        Assert.DoesNotContain("type=\"file\"", import);
    }
}
