using System.Text;
using System.Text.RegularExpressions;
using TrustGraph.Analyses;
using TrustGraph.Guidance;
using TrustGraph.Model;

namespace TrustGraph.Reports;

/// <summary>
/// The reports as Markdown that reads well in a plain viewer: headings, short paragraphs, pipe tables for the
/// summary and the matrices. Every string from the data is escaped, so a name cannot become markup or break a table.
/// </summary>
public static partial class MarkdownReport
{
    public static string Write(GuidanceReport report)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {E(report.Authority.Name)}: gaps against the statutory guidance").AppendLine();
        md.AppendLine($"*{ReportText.ReportKicker}.*").AppendLine();
        md.AppendLine($"- **Arrangement judged:** {E(report.Subject.Why)}.");
        if (report.Authority.Tier is { } tier) md.AppendLine($"- **Tier:** {E(tier.ToWord())}");
        md.AppendLine($"- **Law applied:** {ReportText.JudgedAgainst(report.Subject)}.");
        if (report.Date is { } date) md.AppendLine($"- **Prepared on:** {ReportText.Date(date)}");
        md.AppendLine();

        md.AppendLine("## Summary").AppendLine();
        md.AppendLine($"Requirements: {E(ReportText.Tally(report.Verdicts))}. "
            + $"Findings of the four analyses: {Counts(report.Findings)}.").AppendLine();
        md.AppendLine("| Requirement | Verdict | Severity | In one line |");
        md.AppendLine("|---|---|---|---|");
        foreach (var v in report.Verdicts)
            md.AppendLine($"| {Cell(v.Requirement.Title)} | {v.Status.Label()} | {(v.Status == VerdictStatus.Met ? "" : ReportText.SeverityLabel(v.Severity))} | {Cell(ReportText.OneLine(v))} |");
        md.AppendLine();

        md.AppendLine("## Gaps and remedies").AppendLine();
        if (report.Gaps.Count == 0) md.AppendLine("No requirement is unmet on the evidence of the papers.").AppendLine();
        var n = 0;
        foreach (var v in report.Gaps)
        {
            md.AppendLine($"### {++n}. {E(v.Requirement.Title)} ({ReportText.SeverityLabel(v.Severity).ToLowerInvariant()})").AppendLine();
            md.AppendLine($"**Requirement.** {E(v.Requirement.Statement)}").AppendLine();
            md.AppendLine($"**Citation.** {E(v.Requirement.Citation)}").AppendLine();
            md.AppendLine($"**What the papers show.** {E(v.Reason)}").AppendLine();
            md.AppendLine($"**Remedy.** {E(v.Remedy ?? "")}").AppendLine();
            WriteEvidence(md, report, v.Evidence);
        }

        md.AppendLine("## What the papers do not say").AppendLine();
        if (report.Unassessed.Count == 0) md.AppendLine("Every requirement could be assessed from the papers.").AppendLine();
        foreach (var v in report.Unassessed)
        {
            md.AppendLine($"### {E(v.Requirement.Title)}").AppendLine();
            md.AppendLine($"{E(v.Reason)}").AppendLine();
            md.AppendLine($"*Citation:* {E(v.Requirement.Citation)}").AppendLine();
        }

        md.AppendLine("## Requirements met").AppendLine();
        if (report.MetRequirements.Count == 0) md.AppendLine("None.").AppendLine();
        foreach (var v in report.MetRequirements)
            md.AppendLine($"- **{E(v.Requirement.Title)}.** {E(v.Reason)} *Sources:* {E(string.Join("; ", v.Evidence.Sources.Select(s => s.ToString())))}");
        md.AppendLine();

        md.AppendLine("## Findings of the four analyses").AppendLine();
        if (report.Findings.Count == 0) md.AppendLine("No findings.").AppendLine();
        foreach (var group in report.Findings.GroupBy(f => f.Check))
        {
            md.AppendLine($"### {E(CheckTitles.Of(group.Key))}").AppendLine();
            foreach (var f in group.OrderByDescending(f => f.Severity))
            {
                md.Append($"- **{ReportText.SeverityLabel(f.Severity)}.** {E(f.Message)}");
                if (f.Remedy is not null) md.Append($" *Remedy:* {E(f.Remedy)}");
                md.AppendLine($" *Sources:* {E(string.Join("; ", f.Sources))}");
            }
            md.AppendLine();
        }

        md.AppendLine("### Inferred facts these findings rely on").AppendLine();
        var facts = report.InferredFacts;
        if (facts.Count == 0) md.AppendLine("None: every row the findings rest on is stated in the papers in so many words.").AppendLine();
        foreach (var fact in facts)
            md.AppendLine($"- `{fact.Row}`: {E(fact.Row.Note ?? "no note given")} ({E(string.Join("; ", fact.Findings.Select(f => CheckTitles.Of(f.Check)).Distinct()))}, {ReportText.Plural(fact.Findings.Count, "finding")})");
        if (facts.Count > 0) md.AppendLine();

        md.AppendLine("## Diagrams").AppendLine();
        md.AppendLine("The hierarchy and onion diagrams are drawn in the HTML and PDF versions of this report.").AppendLine();

        WriteSources(md, report.Sources);
        return md.ToString();
    }

    public static string Write(Comparison comparison)
    {
        var md = new StringBuilder();
        var names = comparison.Columns.Select(c => c.Label).ToList();
        md.AppendLine($"# Comparator benchmark: {E(string.Join(", ", names))}").AppendLine();
        md.AppendLine($"*{ReportText.ComparisonKicker}.*").AppendLine();
        if (comparison.Date is { } date) md.AppendLine($"Prepared on {ReportText.Date(date)}.").AppendLine();
        md.AppendLine("## Arrangements compared").AppendLine();
        foreach (var c in comparison.Columns) md.AppendLine($"- **{E(c.Label)}:** {E(c.Subject.Why)}. {ReportText.JudgedAgainst(c.Subject)}.");
        md.AppendLine();

        md.AppendLine("## Requirements by authority").AppendLine();
        md.AppendLine("| Requirement | " + string.Join(" | ", names.Select(Cell)) + " |");
        md.AppendLine("|---|" + string.Concat(names.Select(_ => "---|")));
        foreach (var r in comparison.Requirements)
            md.AppendLine($"| {Cell(r.Title)} | " + string.Join(" | ", comparison.Columns.Select(c => c.VerdictFor(r).Status.Label())) + " |");
        md.AppendLine();

        md.AppendLine("## Structure metrics").AppendLine();
        md.AppendLine("| Metric | " + string.Join(" | ", names.Select(Cell)) + " |");
        md.AppendLine("|---|" + string.Concat(names.Select(_ => "---:|")));
        foreach (var (measure, values) in comparison.MetricRows())
            md.AppendLine($"| {Cell(measure.Label)} | " + string.Join(" | ", values.Select(Cell)) + " |");
        md.AppendLine();
        md.AppendLine("What each measure means:").AppendLine();
        foreach (var measure in Metrics.Measures.All) md.AppendLine($"- **{E(measure.Label)}:** {E(measure.Definition)}");
        md.AppendLine();

        md.AppendLine("## What each could learn from the others").AppendLine();
        if (comparison.Lessons.Count == 0) md.AppendLine("On these measures no arrangement does better than another.").AppendLine();
        foreach (var l in comparison.Lessons) md.AppendLine($"- **{E(l.Learner)}, from {E(l.From)}:** {E(l.Text)}");
        if (comparison.Lessons.Count > 0) md.AppendLine();

        md.AppendLine("## Relevant partners on the Board").AppendLine();
        md.AppendLine("| Relevant partner | " + string.Join(" | ", names.Select(Cell)) + " |");
        md.AppendLine("|---|" + string.Concat(names.Select(_ => "---|")));
        foreach (var p in comparison.Partners)
            md.AppendLine($"| {Cell($"{p.Name} ({p.Section})")} | "
                + string.Join(" | ", comparison.Columns.Select(c => Comparison.Label(Comparison.CoverageOf(c, p)?.Status))) + " |");
        md.AppendLine();

        md.AppendLine("## What each authority does that the others could copy").AppendLine();
        if (comparison.Practices.Count == 0) md.AppendLine("No authority meets a requirement that another does not.").AppendLine();
        foreach (var group in comparison.Practices.GroupBy(p => p.By))
        {
            md.AppendLine($"### {E(group.Key.Label)}").AppendLine();
            foreach (var p in group)
                md.AppendLine($"- **{E(p.Verdict.Requirement.Title)}.** {E(p.Verdict.Reason)} "
                    + $"*Not met by:* {E(string.Join(", ", p.NotMetBy.Select(c => c.Label)))}. "
                    + $"*Sources:* {E(string.Join("; ", p.Verdict.Evidence.Sources.Select(s => s.ToString())))}");
            md.AppendLine();
        }

        md.AppendLine("## Reasons, requirement by requirement").AppendLine();
        foreach (var r in comparison.Requirements)
        {
            md.AppendLine($"### {E(r.Title)}").AppendLine();
            md.AppendLine($"{E(r.Statement)} *Citation:* {E(r.Citation)}").AppendLine();
            foreach (var c in comparison.Columns)
            {
                var v = c.VerdictFor(r);
                md.AppendLine($"- **{E(c.Label)}: {v.Status.Label()}.** {E(v.Reason)}" + (v.Remedy is null ? "" : $" *Remedy:* {E(v.Remedy)}"));
            }
            md.AppendLine();
        }
        WriteSources(md, comparison.Sources);
        return md.ToString();
    }

    private static void WriteEvidence(StringBuilder md, GuidanceReport report, Evidence evidence)
    {
        if (evidence.IsEmpty) return;
        md.AppendLine("**Evidence.**").AppendLine();
        var graph = report.Subject.Graph;
        if (evidence.Bodies.Count > 0) md.AppendLine($"- Bodies: {E(string.Join("; ", evidence.Bodies.Select(b => $"{b.Name} ({b.Kind.ToWord()})")))}");
        if (evidence.Seats.Count > 0) md.AppendLine($"- Seats: {E(string.Join("; ", evidence.Seats.Select(s => $"{ReportText.Seat(s)} on {Body(graph, s.Body)}")))}");
        if (evidence.Duties.Count > 0) md.AppendLine($"- Duties: {E(string.Join("; ", evidence.Duties.Select(d => $"{Body(graph, d.Body)}: “{d.Text}”")))}");
        if (evidence.Lines.Count > 0) md.AppendLine($"- Lines: {E(string.Join("; ", evidence.Lines.Select(l => ReportText.Line(graph, l))))}");
        foreach (var s in SourceText.Grouped(report.Sources, evidence.Sources)) md.AppendLine($"- Source: {E(s)}");
        md.AppendLine();
    }

    private static string Body(Graph.GovernanceGraph graph, string id) => graph.Contains(id) ? graph.Body(id).Name : id;

    private static void WriteSources(StringBuilder md, IReadOnlyList<Source> sources)
    {
        md.AppendLine("## Sources").AppendLine();
        foreach (var s in sources) md.AppendLine($"- `{s.Id.Replace("`", "'")}`: {E(SourceText.Describe(s))}");
        md.AppendLine();
    }

    private static string Counts(IReadOnlyList<Finding> findings) =>
        string.Join(", ", Enum.GetValues<Severity>().Reverse().Select(s => $"{findings.Count(f => f.Severity == s)} {ReportText.SeverityLabel(s).ToLowerInvariant()}"));

    [GeneratedRegex(@"[\\`*_\[\]<>|]|&(?=#?[A-Za-z0-9]+;)")]
    private static partial Regex Special();

    [GeneratedRegex(@"^(\s*)(#|[-+]\s|\d+[.)]\s)")]
    private static partial Regex BlockStart();

    /// <summary>
    /// Escapes a data string for Markdown text: no emphasis, links, HTML or table breaks, one line, and nothing at its
    /// start that would make a heading or a list.
    /// </summary>
    public static string E(string text)
    {
        var escaped = Special().Replace(text.ReplaceLineEndings(" "), m => "\\" + m.Value);
        return BlockStart().Replace(escaped, m => m.Groups[1].Value + (m.Groups[2].Value[0] is '#' or '-' or '+'
            ? "\\" + m.Groups[2].Value
            : m.Groups[2].Value.Insert(m.Groups[2].Value.Length - 2, "\\")));
    }

    private static string Cell(string text) => E(text);
}
