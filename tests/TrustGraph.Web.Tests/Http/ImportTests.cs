using System.Net;
using AngleSharp.Html.Parser;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Http;

/// <summary>The import page's posts over HTTP, on a copy of the repository's dataset: preview, commit, undo, rejections.</summary>
public sealed class ImportTests
{
    private static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(Repository.Fixtures, "import", name));

    private static async Task<(ViewerFactory Factory, Visitor Visitor, string Data)> SignedInAsync()
    {
        var data = TestData.CopyOf();
        var factory = new ViewerFactory(data, ViewerFactory.WithAdmin());
        var visitor = new Visitor(factory);
        Assert.Equal(HttpStatusCode.SeeOther, (await visitor.SignInAsync()).StatusCode);
        return (factory, visitor, data);
    }

    [Theory]
    [InlineData("bad-too-many-fields.csv", "york/icg", "this row has")]
    [InlineData("bad-empty.csv", "york/icg", "empty")]
    [InlineData("bad-workbook.xlsx", "york/icg", "")]
    [InlineData("bad-missing-column.csv", "york/icg", "expected a column named")]
    [InlineData("york-icg-utf8-bom.csv", "york/no-such-body", "no-such-body")]
    public async Task A_rejected_upload_lists_every_problem_with_line_and_column_and_changes_nothing(string file, string target, string expected)
    {
        var (factory, visitor, data) = await SignedInAsync();
        using var _ = factory;
        var before = TestData.Fingerprint(data);

        var response = await visitor.UploadAsync(target, file, Fixture(file));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var doc = new HtmlParser().ParseDocument(await visitor.Http.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("was not imported", doc.QuerySelector("h1")!.TextContent);
        var rows = doc.QuerySelectorAll("table.errors tbody tr");
        Assert.NotEmpty(rows);
        Assert.Contains(expected, doc.QuerySelector("table.errors")!.TextContent);
        Assert.Contains("Nothing was written", doc.QuerySelector(".import-errors")!.TextContent);
        Assert.Empty(doc.QuerySelectorAll("form[action$='/commit']"));
        Assert.Equal(before, TestData.Fingerprint(data));
    }

    [Fact]
    public async Task A_row_with_too_many_fields_is_reported_at_its_line_and_column()
    {
        var (factory, visitor, _) = await SignedInAsync();
        using var __ = factory;
        var response = await visitor.UploadAsync("york/icg", "bad-too-many-fields.csv", Fixture("bad-too-many-fields.csv"));
        var doc = new HtmlParser().ParseDocument(await visitor.Http.GetStringAsync(response.Headers.Location!.OriginalString));
        var cells = doc.QuerySelectorAll("table.errors tbody tr").First().QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        Assert.Equal("bad-too-many-fields.csv", cells[0]);
        Assert.True(int.Parse(cells[1]) > 1, "the line of the bad row");
        Assert.True(int.Parse(cells[2]) > 1, "the column where the extra field starts");
    }

    [Fact]
    public async Task A_preview_commits_once_reloads_the_viewer_and_undo_restores_the_files()
    {
        var (factory, visitor, data) = await SignedInAsync();
        using var _ = factory;
        var before = TestData.Fingerprint(data);
        var version = factory.Catalog.Current.Number;

        var upload = await visitor.UploadAsync("york/icg", "york-icg-utf8-bom.csv", Fixture("york-icg-utf8-bom.csv"));
        var previewPath = upload.Headers.Location!.OriginalString;
        var preview = new HtmlParser().ParseDocument(await visitor.Http.GetStringAsync(previewPath));
        Assert.Contains("nothing has been written yet", preview.QuerySelector("h1")!.TextContent);
        Assert.Contains("Linda Bramley", preview.QuerySelector("table.seats.added")!.TextContent);
        Assert.Equal(before, TestData.Fingerprint(data));

        var commit = await visitor.PostFormAsync(previewPath + "/commit", previewPath);
        Assert.Equal(HttpStatusCode.SeeOther, commit.StatusCode);
        var done = new HtmlParser().ParseDocument(await visitor.Http.GetStringAsync(commit.Headers.Location!.OriginalString));
        Assert.Contains("Imported york-icg-utf8-bom.csv", done.QuerySelector(".notice h2")!.TextContent);
        Assert.Equal("authority/york/current?body=icg", done.QuerySelector("a.see-body")!.GetAttribute("href"));
        Assert.Contains("upload york-icg-utf8-bom.csv into york/icg", done.QuerySelector(".history table")!.TextContent);
        Assert.NotEqual(before, TestData.Fingerprint(data));
        Assert.True(factory.Catalog.Current.Number > version, "the viewer serves the new dataset at once");
        Assert.Contains(factory.Catalog.Dataset!.Find("york")!.Seats, s => s.Person == "Dr Linda Bramley" || s.Person == "Linda Bramley");

        var again = await visitor.Http.PostAsync(previewPath + "/commit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await visitor.TokenFromAsync("/import"),
        }));
        var notice = await visitor.Http.GetStringAsync(again.Headers.Location!.OriginalString);
        Assert.Contains("Nothing was written", notice);
        Assert.Single(TrustGraph.Storage.DatasetStore.History(data));

        var undo = await visitor.PostFormAsync("/import/undo", "/import");
        var undone = await visitor.Http.GetStringAsync(undo.Headers.Location!.OriginalString);
        Assert.Contains("Undone: upload york-icg-utf8-bom.csv", undone);
        Assert.Equal(before, TestData.Fingerprint(data));
        Assert.DoesNotContain(factory.Catalog.Dataset!.Find("york")!.Seats, s => s.Person?.Contains("Linda Bramley") == true);
    }

    [Fact]
    public async Task Cancel_discards_the_preview_and_writes_nothing()
    {
        var (factory, visitor, data) = await SignedInAsync();
        using var _ = factory;
        var before = TestData.Fingerprint(data);
        var upload = await visitor.UploadAsync("york/icg", "york-icg-utf8-bom.csv", Fixture("york-icg-utf8-bom.csv"), mode: "merge");
        var previewPath = upload.Headers.Location!.OriginalString;
        Assert.Contains("merge", await visitor.Http.GetStringAsync(previewPath));

        var cancel = await visitor.PostFormAsync(previewPath + "/cancel", previewPath);

        Assert.Contains("Cancelled", await visitor.Http.GetStringAsync(cancel.Headers.Location!.OriginalString));
        Assert.Contains("No such preview", await visitor.Http.GetStringAsync(previewPath));
        Assert.Equal(before, TestData.Fingerprint(data));
    }

    [Fact]
    public async Task A_preview_belongs_to_its_session_and_cannot_be_guessed_by_a_visitor()
    {
        var (factory, visitor, _) = await SignedInAsync();
        using var __ = factory;
        var upload = await visitor.UploadAsync("york/icg", "york-icg-utf8-bom.csv", Fixture("york-icg-utf8-bom.csv"));
        var previewPath = upload.Headers.Location!.OriginalString;
        Assert.Matches("^/import/[0-9a-f]{32}$", previewPath);

        using var stranger = new Visitor(factory);
        var html = await stranger.Http.GetStringAsync(previewPath);
        Assert.DoesNotContain("Linda Bramley", html);
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.Http.PostAsync(previewPath + "/commit", null)).StatusCode);
    }
}
