using TrustGraph.Core.Tests.Guidance;
using TrustGraph.Reports;

namespace TrustGraph.Core.Tests.Reports;

/// <summary>Comparisons of the shipped data for report tests (also linked into TrustGraph.Reports.Web.Tests).</summary>
internal static class Comparisons
{
    /// <summary>The shipped authorities (or those named, "id:arrangement" for another arrangement) compared on a fixed day.</summary>
    public static Comparison All(params string[] ids)
    {
        ids = ids.Length > 0 ? ids : ["calderdale", "suffolk", "york", "worcestershire", "anyplace"];
        var subjects = ids.Select(item =>
        {
            var parts = item.Split(':');
            return ChosenArrangement.Pick(ShippedData.Dataset.Find(parts[0])!, parts.Length > 1 ? parts[1] : null).Choice!;
        }).ToList();
        return Comparison.Build(ShippedData.Dataset, subjects, new DateOnly(2026, 1, 31));
    }
}
