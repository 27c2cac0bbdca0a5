using System.Diagnostics;
using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Http;

/// <summary>
/// The viewer's import under the loads and races real use brings: a list as long as the limit allows (paged), a file far
/// longer (refused before planning), a limit set in configuration, and a dataset changed between preview and commit.
/// </summary>
public sealed class ImportLimitsTests
{
    private static async Task<(ViewerFactory Factory, Visitor Visitor, string Data)> SignedInAsync(params (string Key, string? Value)[] settings)
    {
        var data = TestData.CopyOf();
        var factory = new ViewerFactory(data, ViewerFactory.WithAdmin(settings));
        var visitor = new Visitor(factory);
        Assert.Equal(HttpStatusCode.SeeOther, (await visitor.SignInAsync()).StatusCode);
        return (factory, visitor, data);
    }

    private static byte[] List(int rows)
    {
        var sb = new StringBuilder("Name,Job title,Organisation\n");
        for (var i = 1; i <= rows; i++) sb.Append($"Person Number{i},Officer {i},Suffolk Constabulary\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [Fact]
    public async Task A_preview_of_thousands_of_rows_is_shown_a_hundred_rows_a_page()
    {
        var (factory, visitor, _) = await SignedInAsync();
        using var _f = factory;

        var upload = await visitor.UploadAsync("suffolk/ctpb", "long.csv", List(2_500));
        var path = upload.Headers.Location!.OriginalString;
        var first = await visitor.Http.GetStringAsync(path);
        var doc = new HtmlParser().ParseDocument(first);
        var rows = doc.QuerySelectorAll("table.seats.added tbody tr");

        Assert.Equal(100, rows.Length);
        Assert.Equal("2", rows[0].GetAttribute("data-line"));
        Assert.Contains("2500", doc.QuerySelector(".tally .added")!.TextContent);
        Assert.Contains("Page 1 of 25", doc.QuerySelector("nav.pager")!.TextContent);
        Assert.True(first.Length < 1_000_000, $"the first page is {first.Length} characters");

        var last = new HtmlParser().ParseDocument(await visitor.Http.GetStringAsync(path + "?page=25"));
        var lastRows = last.QuerySelectorAll("table.seats.added tbody tr");
        Assert.Equal("2402", lastRows[0].GetAttribute("data-line"));
        Assert.Equal("2501", lastRows[^1].GetAttribute("data-line"));
        Assert.NotNull(last.QuerySelector("nav.pager a[rel=prev]"));
        Assert.Null(last.QuerySelector("nav.pager a[rel=next]"));
    }

    [Fact]
    public async Task A_million_row_upload_is_refused_at_the_limit_quickly_and_nothing_is_written()
    {
        var (factory, visitor, data) = await SignedInAsync();
        using var _f = factory;
        var before = TestData.Fingerprint(data);
        var sb = new StringBuilder("Name\n", 9_000_000);
        for (var i = 0; i < 1_000_000; i++) sb.Append("Someone\n");

        var clock = Stopwatch.StartNew();
        var upload = await visitor.UploadAsync("suffolk/ctpb", "million.csv", Encoding.UTF8.GetBytes(sb.ToString()));
        var page = await visitor.Http.GetStringAsync(upload.Headers.Location!.OriginalString);
        clock.Stop();

        Assert.Contains("more than 5,000 rows of members", page);
        Assert.True(page.Length < 200_000, $"the answer is {page.Length} characters");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(before, TestData.Fingerprint(data));
    }

    [Fact]
    public async Task The_row_limit_is_read_from_configuration()
    {
        var (factory, visitor, _) = await SignedInAsync(("TrustGraph:Import:MaxRows", "10"));
        using var _f = factory;

        var refused = await visitor.UploadAsync("suffolk/ctpb", "eleven.csv", List(11));
        var allowed = await visitor.UploadAsync("suffolk/ctpb", "ten.csv", List(10));

        Assert.Contains("more than 10 rows of members", await visitor.Http.GetStringAsync(refused.Headers.Location!.OriginalString));
        Assert.Contains("nothing has been written yet", await visitor.Http.GetStringAsync(allowed.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task Committing_a_preview_after_another_import_changed_the_dataset_answers_409_and_writes_nothing()
    {
        var (factory, visitor, data) = await SignedInAsync();
        using var _f = factory;
        var first = (await visitor.UploadAsync("suffolk/ctpb", "first.csv", List(3))).Headers.Location!.OriginalString;
        var second = (await visitor.UploadAsync("suffolk/ctpb", "second.csv", List(4))).Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.SeeOther, (await visitor.PostFormAsync(first + "/commit", first)).StatusCode);
        var afterFirst = TestData.Fingerprint(data);

        var conflict = await visitor.PostFormAsync(second + "/commit", second);

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("the dataset changed while this import was being planned; run it again", await conflict.Content.ReadAsStringAsync());
        Assert.Equal(afterFirst, TestData.Fingerprint(data));
        Assert.Single(TrustGraph.Storage.DatasetStore.History(data));
    }

    [Fact]
    public async Task Two_uploads_committed_at_the_same_moment_never_fail_with_500_one_is_written_and_the_other_answers_409()
    {
        var (factory, visitor, data) = await SignedInAsync();
        using var _f = factory;
        for (var round = 0; round < 3; round++)
        {
            var uploads = await Task.WhenAll(visitor.UploadAsync("suffolk/ctpb", $"a{round}.csv", List(3 + round)), visitor.UploadAsync("suffolk/ctpb", $"b{round}.csv", List(6 + round)));
            var paths = uploads.Select(u => u.Headers.Location!.OriginalString).ToList();
            Assert.All(paths, p => Assert.StartsWith("/import/", p));

            var commits = await Task.WhenAll(paths.Select(p => visitor.PostFormAsync(p + "/commit", p)));

            Assert.Equal([HttpStatusCode.SeeOther, HttpStatusCode.Conflict], commits.Select(c => c.StatusCode).Order());
            Assert.True(TrustGraph.Loading.DatasetLoader.Load(data).IsValid);
            Assert.Equal(round + 1, TrustGraph.Storage.DatasetStore.History(data).Count);
        }
    }
}
