using TrustGraph.Analyses;
using TrustGraph.Guidance;
using TrustGraph.Model;

namespace TrustGraph.Reports;

/// <summary>
/// What a policy lead takes to the board: one arrangement judged against every requirement, the four analyses'
/// findings for it, and the source documents behind them. Writers turn it into HTML, Markdown or CSV.
/// </summary>
public sealed record GuidanceReport(
    ChosenArrangement Subject,
    IReadOnlyList<Verdict> Verdicts,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Source> Sources,
    DateOnly? Date)
{
    public Authority Authority => Subject.Authority;

    /// <summary>"Worcestershire (2009)".</summary>
    public string Title => Subject.Graph.Title;

    public IReadOnlyList<Verdict> Gaps => Verdicts.Where(v => v.Status == VerdictStatus.NotMet).OrderByDescending(v => v.Severity).ToList();
    public IReadOnlyList<Verdict> Unassessed => Verdicts.Where(v => v.Status == VerdictStatus.CannotAssess).ToList();
    public IReadOnlyList<Verdict> MetRequirements => Verdicts.Where(v => v.Status == VerdictStatus.Met).ToList();

    /// <summary>
    /// The inferred rows (contract v1.1, <c>basis=inferred</c>) the findings rest on, each once, with the findings that
    /// rest on it: what a reader should check in the papers before relying on the report.
    /// </summary>
    public IReadOnlyList<InferredFact> InferredFacts => Findings
        .SelectMany(f => f.Inferred.Select(row => (row, f)))
        .GroupBy(x => x.row)
        .Select(g => new InferredFact(g.Key, g.Select(x => x.f).Distinct().ToList()))
        .ToList();

    public int Count(VerdictStatus status) => Verdicts.Count(v => v.Status == status);
    public int GapCount(Severity severity) => Verdicts.Count(v => v.Status == VerdictStatus.NotMet && v.Severity == severity);
    public int FindingCount(Severity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>"Suffolk Children's Trust Executive Commissioning Group: agenda … (suffolk-ecg-2009#tor-7)", or the bare reference when the source is unknown.</summary>
    public string Describe(SourceRef source) => SourceText.Describe(Sources, source);

    public static GuidanceReport Build(Dataset dataset, ChosenArrangement subject, DateOnly? date = null, IReadOnlyList<Requirement>? requirements = null)
    {
        var verdicts = GuidanceChecks.Run(subject.Graph, requirements);
        var findings = Analysis.Run(subject.Graph);
        var used = verdicts.SelectMany(v => v.Evidence.Sources).Select(s => s.SourceId)
            .Concat(findings.SelectMany(f => f.Sources).Select(s => SourceRef.Parse(s).SourceId))
            .Concat(subject.Arrangement is null ? [] : [subject.Arrangement.Source.SourceId])
            .ToHashSet();
        var sources = dataset.Sources.Where(s => used.Contains(s.Id)).ToList();
        return new GuidanceReport(subject, verdicts, findings, sources, date);
    }
}

/// <summary>An inferred row a report relies on, and the findings that rest on it.</summary>
public sealed record InferredFact(InferredRow Row, IReadOnlyList<Finding> Findings);

/// <summary>How reports name a source document: its title from <c>sources.csv</c>, with the reference a reader can look up.</summary>
public static class SourceText
{
    public static string Describe(IEnumerable<Source> sources, SourceRef source)
    {
        var found = sources.FirstOrDefault(s => s.Id == source.SourceId);
        return found is null ? source.ToString() : $"{found.Title} ({source})";
    }

    /// <summary>
    /// References grouped by document, for a reader: "Title — tor-1, agenda, tor-4" (the bare id where the source is unknown).
    /// </summary>
    public static IReadOnlyList<string> Grouped(IEnumerable<Source> sources, IEnumerable<SourceRef> refs) =>
        refs.GroupBy(r => r.SourceId)
            .Select(g =>
            {
                var found = sources.FirstOrDefault(s => s.Id == g.Key);
                var locators = g.Select(r => r.Locator).OfType<string>().Distinct().ToList();
                var at = locators.Count == 0 ? "" : $" — {string.Join(", ", locators.Select(l => "#" + l))}";
                return found is null ? $"{g.Key}{at}" : $"{found.Title} ({g.Key}){at}";
            })
            .ToList();

    public static string Describe(Source source) =>
        source.Title + string.Concat(new[] { source.Publisher, source.Date }.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => ", " + x));
}

/// <summary>The labels reports use for the four analyses' checks.</summary>
public static class CheckTitles
{
    public static string Of(string check) => check switch
    {
        Checks.DuplicatedMembership => "Duplicated membership",
        Checks.MissingRelevantPartner => "Relevant partners (Children Act 2004 s10)",
        Checks.AccountabilityCycle => "Accountability cycles",
        Checks.LspReportingGap => "Reporting path to the LSP",
        Checks.Guidance => "Statutory guidance",
        _ => check,
    };
}
