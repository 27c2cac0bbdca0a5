using TrustGraph.Analyses;
using TrustGraph.Guidance;
using TrustGraph.Model;

namespace TrustGraph.Reports.Web.Components;

/// <summary>The class names the report's stylesheet (and the viewer's) colour verdicts, severities and coverage by.</summary>
public static class Css
{
    public static string Of(VerdictStatus status) => status switch
    {
        VerdictStatus.Met => "v-met",
        VerdictStatus.NotMet => "v-notmet",
        _ => "v-unknown",
    };

    public static string Of(Severity severity) => severity.ToString().ToLowerInvariant();

    public static string Of(CoverageStatus? status) => status switch
    {
        CoverageStatus.Present => "present",
        CoverageStatus.Vacant => "vacant",
        CoverageStatus.Absent => "absent",
        CoverageStatus.CannotAssess => "unknown",
        null => "unknown",
        _ => "na",
    };

    /// <summary>A reason as a sentence: capital first letter, full stop at the end.</summary>
    public static string Sentence(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");
}
