using TrustGraph.Reports;

namespace TrustGraph.Cli.Tests;

/// <summary>The PDF tests change TRUSTGRAPH_CHROMIUM, so they run one at a time.</summary>
[CollectionDefinition("chromium", DisableParallelization = true)]
public sealed class ChromiumCollection;

/// <summary>
/// Runs only where Chromium is installed; elsewhere it is skipped with the reason, unless TRUSTGRAPH_REQUIRE_BROWSER=1
/// (set by .ci/run), where a missing Chromium makes the test fail instead.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        var saved = Environment.GetEnvironmentVariable(ChromiumPdf.EnvironmentVariable);
        var required = Environment.GetEnvironmentVariable("TRUSTGRAPH_REQUIRE_BROWSER") == "1";
        if (!required && saved is null && ChromiumPdf.Find().Path is null)
            Skip = "Chromium is not installed (apt-get install chromium); the PDF cannot be printed here.";
    }
}

[Collection("chromium")]
public sealed class ReportPdfTests
{
    [Fact]
    public void Without_Chromium_pdf_exits_2_and_says_how_to_install_it()
    {
        var file = Path.Combine(Path.GetTempPath(), $"trustgraph-{Guid.NewGuid():N}.pdf");
        var saved = Environment.GetEnvironmentVariable(ChromiumPdf.EnvironmentVariable);
        Environment.SetEnvironmentVariable(ChromiumPdf.EnvironmentVariable, "/nonexistent/chromium");
        try
        {
            var (code, output, error) = Trustgraph.Run("report", "--authority", "york", "--format", "pdf", "--out", file);

            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Contains("Chromium was not found (looked at TRUSTGRAPH_CHROMIUM=/nonexistent/chromium)", error);
            Assert.Contains("apt-get install chromium", error);
            Assert.False(File.Exists(file));
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChromiumPdf.EnvironmentVariable, saved);
        }
    }

    [ChromiumFact]
    public void With_Chromium_the_report_prints_to_a_pdf_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"trustgraph-{Guid.NewGuid():N}.pdf");
        try
        {
            var (code, output, error) = Trustgraph.Run("report", "--authority", "worcestershire", "--format", "pdf", "--out", file);

            Assert.True(code == 0, error);
            Assert.StartsWith($"Wrote {file}", output);
            var bytes = File.ReadAllBytes(file);
            Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
            Assert.True(bytes.Length > 20_000, $"the PDF is only {bytes.Length} bytes");

            using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
            var pages = pdf.GetPages().Select(p => p.Text).ToList();
            Assert.True(pages.Count > 2, $"{pages.Count} pages");
            for (var i = 0; i < pages.Count; i++)
            {
                Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i]);
                Assert.Contains("Worcestershire · 2009 (current, in force August 2009)", pages[i]);
            }
            Assert.Contains("Judged against the law in force on 1 August 2009", pages[0]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [ChromiumFact]
    public void With_Chromium_the_comparison_prints_to_a_pdf_file_too()
    {
        var file = Path.Combine(Path.GetTempPath(), $"trustgraph-{Guid.NewGuid():N}.pdf");
        try
        {
            var (code, _, error) = Trustgraph.Run("compare", "calderdale,anyplace", "--format", "pdf", "--out", file);

            Assert.True(code == 0, error);
            Assert.Equal("%PDF-"u8.ToArray(), File.ReadAllBytes(file)[..5]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
