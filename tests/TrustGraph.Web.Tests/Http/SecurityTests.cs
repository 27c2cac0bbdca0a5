using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TrustGraph.Web.Security;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Http;

/// <summary>Who may change data: sign-in, the write endpoints, antiforgery, rate limits, the upload limit, headers.</summary>
public sealed class SecurityTests
{
    private static string Fixture(string name) => Path.Combine(Repository.Fixtures, "import", name);

    [Fact]
    public async Task Without_a_password_hash_writing_is_off_and_the_pages_say_exactly_how_to_turn_it_on()
    {
        using var factory = new ViewerFactory(TestData.CopyOf());
        using var visitor = new Visitor(factory);

        foreach (var page in new[] { "/import", "/sign-in" })
        {
            var html = await visitor.Http.GetStringAsync(page);
            Assert.Contains("Changing data is turned off", html);
            Assert.Contains("no admin password hash is configured", html);
            Assert.Contains("dotnet run --project src/TrustGraph.Web -- hash-password", html);
            Assert.Contains("TrustGraph__AdminPasswordHash", html);
            Assert.DoesNotContain("type=\"file\"", html);
            Assert.DoesNotContain("type=\"password\"", html);
        }
        var admin = factory.Services.GetRequiredService<AdminAccount>();
        Assert.False(admin.WritesEnabled);
        foreach (var guess in new[] { "", "admin", "password", "trustgraph", ViewerFactory.AdminPassword })
            Assert.False(admin.Verify("admin", guess), $"'{guess}' must not sign anyone in");
    }

    [Fact]
    public async Task A_hash_that_is_not_a_hash_keeps_writing_off_and_says_why()
    {
        using var factory = new ViewerFactory(TestData.CopyOf(), new Dictionary<string, string?> { ["TrustGraph:AdminPasswordHash"] = "password123" });
        var html = await new Visitor(factory).Http.GetStringAsync("/import");
        Assert.Contains("Changing data is turned off", html);
        Assert.Contains("is set but is not a password hash", html);
    }

    [Theory]
    [InlineData("/import/upload")]
    [InlineData("/import/0123456789abcdef0123456789abcdef/commit")]
    [InlineData("/import/0123456789abcdef0123456789abcdef/cancel")]
    [InlineData("/import/undo")]
    public async Task Write_endpoints_refuse_a_visitor_who_has_not_signed_in(string path)
    {
        var data = TestData.CopyOf();
        var before = TestData.Fingerprint(data);
        using var factory = new ViewerFactory(data, ViewerFactory.WithAdmin());
        using var visitor = new Visitor(factory);

        var response = await visitor.Http.PostAsync(path, new MultipartFormDataContent { { new ByteArrayContent("Name\nEve\n"u8.ToArray()), "file", "x.csv" } });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Sign in", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, TestData.Fingerprint(data));
    }

    [Fact]
    public async Task The_import_page_offers_a_visitor_only_the_way_to_sign_in()
    {
        using var factory = new ViewerFactory(TestData.CopyOf(), ViewerFactory.WithAdmin());
        var html = await new Visitor(factory).Http.GetStringAsync("/import");
        Assert.Contains("sign-in?returnUrl=", html);
        Assert.DoesNotContain("type=\"file\"", html);
        Assert.DoesNotContain("History", html);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_the_right_one_signs_the_admin_in()
    {
        using var factory = new ViewerFactory(TestData.CopyOf(), ViewerFactory.WithAdmin());
        using var visitor = new Visitor(factory);

        var wrong = await visitor.SignInAsync(password: "not the password at all");
        Assert.Equal(HttpStatusCode.SeeOther, wrong.StatusCode);
        Assert.StartsWith("/sign-in?failed=1", wrong.Headers.Location!.OriginalString);
        Assert.False(await visitor.IsSignedInAsync());
        Assert.Contains("The user name or password is wrong", await visitor.Http.GetStringAsync(wrong.Headers.Location.OriginalString));

        var wrongUser = await visitor.SignInAsync(user: "root");
        Assert.StartsWith("/sign-in?failed=1", wrongUser.Headers.Location!.OriginalString);
        Assert.False(await visitor.IsSignedInAsync());

        var right = await visitor.SignInAsync();
        Assert.Equal(HttpStatusCode.SeeOther, right.StatusCode);
        Assert.Equal("/import", right.Headers.Location!.OriginalString);
        Assert.True(await visitor.IsSignedInAsync());
        Assert.Contains("type=\"file\"", await visitor.Http.GetStringAsync("/import"));
    }

    [Fact]
    public async Task Sign_in_goes_back_only_to_a_page_of_this_site()
    {
        using var factory = new ViewerFactory(TestData.CopyOf(), ViewerFactory.WithAdmin());
        using var visitor = new Visitor(factory);
        var token = await visitor.TokenFromAsync("/sign-in");
        var response = await visitor.Http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = "admin", ["password"] = ViewerFactory.AdminPassword, ["returnUrl"] = "//evil.example/x",
        }));
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Wrong_passwords_beyond_the_free_ones_make_the_next_try_wait_and_the_right_one_works_once_the_wait_is_over()
    {
        var clock = new ManualClock();
        using var factory = new ViewerFactory(TestData.CopyOf(), ViewerFactory.WithAdmin(("TrustGraph:RateLimits:SignInFreeFailures", "3")));
        using var withClock = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        using var visitor = new Visitor(withClock);

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.SeeOther, (await visitor.SignInAsync(password: $"guess number {i}")).StatusCode);
        var waiting = await visitor.SignInAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        Assert.Equal("1", waiting.Headers.GetValues("Retry-After").Single());
        Assert.Contains("Wait 1 second", await waiting.Content.ReadAsStringAsync());
        Assert.False(await visitor.IsSignedInAsync());

        clock.Advance(TimeSpan.FromSeconds(1.1));
        var right = await visitor.SignInAsync();
        Assert.Equal(HttpStatusCode.SeeOther, right.StatusCode);
        Assert.Equal("/import", right.Headers.Location!.OriginalString);
        Assert.True(await visitor.IsSignedInAsync());
    }

    [Fact]
    public async Task The_right_password_given_many_times_never_counts_towards_the_back_off()
    {
        using var factory = new ViewerFactory(TestData.CopyOf(), ViewerFactory.WithAdmin(("TrustGraph:RateLimits:SignInFreeFailures", "2")));
        using var visitor = new Visitor(factory);
        for (var i = 0; i < 8; i++)
        {
            var response = await visitor.SignInAsync();
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
            Assert.Equal("/import", response.Headers.Location!.OriginalString);
        }
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example/x")]
    [InlineData("/\t/evil.example")]
    [InlineData("/\r\nSet-Cookie: x=1")]
    [InlineData("/\n/evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/javascript:alert(1)")]
    [InlineData("import")]
    [InlineData("")]
    public async Task Sign_in_goes_back_only_to_a_plain_path_of_this_site(string returnUrl)
    {
        using var factory = new ViewerFactory(TestData.CopyOf(), ViewerFactory.WithAdmin());
        using var visitor = new Visitor(factory);
        var token = await visitor.TokenFromAsync("/sign-in");
        var response = await visitor.Http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = "admin", ["password"] = ViewerFactory.AdminPassword,
            ["returnUrl"] = returnUrl,
        }));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.True(await visitor.IsSignedInAsync());
    }

    [Fact]
    public async Task Sign_in_returns_to_a_local_page_with_its_query()
    {
        using var factory = new ViewerFactory(TestData.CopyOf(), ViewerFactory.WithAdmin());
        using var visitor = new Visitor(factory);
        var token = await visitor.TokenFromAsync("/sign-in");
        var response = await visitor.Http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["userName"] = "admin", ["password"] = ViewerFactory.AdminPassword,
            ["returnUrl"] = "/import?target=york%2Ficg",
        }));
        Assert.Equal("/import?target=york%2Ficg", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_footer_shows_the_data_folder_to_the_signed_in_admin_only()
    {
        var data = TestData.CopyOf();
        using var factory = new ViewerFactory(data, ViewerFactory.WithAdmin());
        using var visitor = new Visitor(factory);
        Assert.DoesNotContain(data, await visitor.Http.GetStringAsync("/authority/york"));
        await visitor.SignInAsync();
        Assert.Contains(data, await visitor.Http.GetStringAsync("/authority/york"));
    }

    [Fact]
    public async Task Uploads_beyond_the_limit_are_refused()
    {
        var data = TestData.CopyOf();
        using var factory = new ViewerFactory(data, ViewerFactory.WithAdmin(("TrustGraph:RateLimits:UploadsPerMinute", "2")));
        using var visitor = new Visitor(factory);
        await visitor.SignInAsync();
        var file = await File.ReadAllBytesAsync(Fixture("york-icg-utf8-bom.csv"));

        Assert.Equal(HttpStatusCode.SeeOther, (await visitor.UploadAsync("york/icg", "a.csv", file)).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await visitor.UploadAsync("york/icg", "b.csv", file)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await visitor.UploadAsync("york/icg", "c.csv", file)).StatusCode);
    }

    [Theory]
    [InlineData("/import/undo")]
    [InlineData("/import/upload")]
    [InlineData("/account/sign-out")]
    public async Task A_form_posted_without_this_sites_antiforgery_token_is_rejected(string path)
    {
        var data = TestData.CopyOf();
        var before = TestData.Fingerprint(data);
        using var factory = new ViewerFactory(data, ViewerFactory.WithAdmin());
        using var visitor = new Visitor(factory);
        await visitor.SignInAsync();

        var response = await visitor.Http.PostAsync(path, new MultipartFormDataContent
        {
            { new StringContent("york/icg"), "target" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Fixture("york-icg-utf8-bom.csv"))), "file", "york.csv" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", await response.Content.ReadAsStringAsync());
        Assert.True(await visitor.IsSignedInAsync());
        Assert.Equal(before, TestData.Fingerprint(data));
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_is_rejected()
    {
        using var factory = new ViewerFactory(TestData.CopyOf(), ViewerFactory.WithAdmin());
        using var visitor = new Visitor(factory);
        var response = await visitor.Http.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "admin", ["password"] = ViewerFactory.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await visitor.IsSignedInAsync());
    }

    [Fact]
    public async Task An_upload_declared_over_ten_megabytes_is_refused_before_its_body_is_read()
    {
        var data = TestData.CopyOf();
        using var factory = new ViewerFactory(data, ViewerFactory.WithAdmin());
        using var visitor = new Visitor(factory);
        await visitor.SignInAsync();
        var body = new CountingStream(11 * 1024 * 1024);
        var content = new StreamContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data") { Parameters = { new("boundary", "x") } };
        content.Headers.ContentLength = body.Length;

        var response = await visitor.Http.PostAsync("/import/upload", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 10 MB", await response.Content.ReadAsStringAsync());
        Assert.True(body.Consumed < body.Length / 2, $"the server read {body.Consumed} of {body.Length} bytes before refusing");
        Assert.Empty(Directory.EnumerateDirectories(data, ".history"));
    }

    [Fact]
    public async Task A_file_just_over_ten_megabytes_is_rejected_by_the_importer_and_nothing_changes()
    {
        var data = TestData.CopyOf();
        var before = TestData.Fingerprint(data);
        using var factory = new ViewerFactory(data, ViewerFactory.WithAdmin());
        using var visitor = new Visitor(factory);
        await visitor.SignInAsync();
        var big = new byte[Import.SpreadsheetText.MaxBytes + 1];
        Encoding.ASCII.GetBytes("Name,Post\n").CopyTo(big, 0);
        big.AsSpan(10).Fill((byte)'a');

        var response = await visitor.UploadAsync("york/icg", "huge.csv", big);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var preview = await visitor.Http.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("huge.csv was not imported", preview);
        Assert.Contains("expected at most 10 MB", preview);
        Assert.Equal(before, TestData.Fingerprint(data));
    }

    [Fact]
    public async Task Every_response_forbids_framing_sniffing_and_scripts_from_elsewhere()
    {
        using var factory = new ViewerFactory(TestData.RealPath);
        var response = await factory.CreateClient().GetAsync("/authority/york");
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
    }

    /// <summary>A clock the test moves by hand, so a back-off can be waited out without waiting.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }

    /// <summary>A request body of zeros that counts how much of it the server read.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long Consumed { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => Consumed; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Consumed);
            Array.Clear(buffer, offset, n);
            Consumed += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
