using System.Net;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Http;

public sealed class PagesTests : IClassFixture<PagesTests.Factory>
{
    public sealed class Factory() : IDisposable
    {
        public ViewerFactory Viewer { get; } = new(TestData.RealPath);
        public void Dispose() => Viewer.Dispose();
    }

    private readonly HttpClient _client;

    public PagesTests(Factory factory) => _client = factory.Viewer.CreateClient();

    [Theory]
    [InlineData("/", "Calderdale")]
    [InlineData("/authority/worcestershire", "Worcestershire")]
    [InlineData("/authority/worcestershire/proposed-2010", "proposed-2010")]
    [InlineData("/authority/suffolk/2009", "Suffolk")]
    [InlineData("/compare?a=suffolk/2009&a=york/current", "Structure metrics")]
    public async Task Pages_answer_200_with_their_content(string path, string expected)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/authority/nowhere")]
    [InlineData("/authority/suffolk/1066")]
    public async Task An_unknown_authority_or_arrangement_is_a_404_that_lists_the_real_ones(string path)
    {
        var response = await _client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html);
        Assert.Contains("authority/worcestershire", html);
    }

    [Fact]
    public async Task The_diagram_module_is_served_from_the_app_itself()
    {
        var response = await _client.GetAsync("/js/diagram.js");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("export function mount", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_invalid_dataset_is_explained_with_its_problems()
    {
        var dir = Path.Combine(Path.GetTempPath(), "trustgraph-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "authorities.csv"), "id,name\nbad id!,Somewhere\n");
        using var factory = new ViewerFactory(dir);
        var html = await (await factory.CreateClient().GetAsync("/")).Content.ReadAsStringAsync();
        Assert.Contains("The dataset cannot be shown", html);
        Assert.Contains("sources.csv", html);
    }
}
