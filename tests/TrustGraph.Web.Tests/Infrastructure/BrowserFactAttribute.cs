namespace TrustGraph.Web.Tests.Infrastructure;

/// <summary>
/// A test that drives Debian's Chromium. Without /usr/bin/chromium it is skipped with the reason shown; with
/// TRUSTGRAPH_REQUIRE_BROWSER=1 (as CI sets) it runs anyway and fails.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(ChromiumPath) && Environment.GetEnvironmentVariable("TRUSTGRAPH_REQUIRE_BROWSER") != "1")
            Skip = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium); set TRUSTGRAPH_REQUIRE_BROWSER=1 to make this a failure.";
    }
}

/// <summary>A <see cref="BrowserFactAttribute"/> with data: skipped, or failed, on the same terms.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!File.Exists(BrowserFactAttribute.ChromiumPath) && Environment.GetEnvironmentVariable("TRUSTGRAPH_REQUIRE_BROWSER") != "1")
            Skip = $"Chromium is not installed at {BrowserFactAttribute.ChromiumPath} (apt-get install chromium); set TRUSTGRAPH_REQUIRE_BROWSER=1 to make this a failure.";
    }
}
