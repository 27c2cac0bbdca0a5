using TrustGraph.Analyses;
using TrustGraph.Guidance;
using TrustGraph.Metrics;
using TrustGraph.Model;

namespace TrustGraph.Reports;

/// <summary>
/// One authority's column in a comparison: the arrangement judged, its verdicts and its structure metrics.
/// <see cref="Label"/> is the authority's name, with the arrangement when one authority is compared with itself.
/// </summary>
public sealed record ComparedArrangement(ChosenArrangement Subject, string Label, IReadOnlyList<Verdict> Verdicts, StructureMetrics Metrics)
{
    public Authority Authority => Subject.Authority;

    public Verdict VerdictFor(Requirement requirement) => Verdicts.First(v => v.Requirement.Id == requirement.Id);
}

/// <summary>
/// Something one authority does that others could copy: a requirement it meets, with the evidence, that the
/// authorities in <see cref="NotMetBy"/> do not meet.
/// </summary>
public sealed record Practice(ComparedArrangement By, Verdict Verdict, IReadOnlyList<ComparedArrangement> NotMetBy);

/// <summary>
/// The comparator benchmark: requirement × authority verdicts, the structure metrics of the viewer's compare page,
/// relevant-partner coverage per authority, and the practices each authority has that others lack.
/// </summary>
public sealed record Comparison(
    IReadOnlyList<Requirement> Requirements,
    IReadOnlyList<ComparedArrangement> Columns,
    IReadOnlyList<RelevantPartner> Partners,
    IReadOnlyList<Practice> Practices,
    IReadOnlyList<Source> Sources,
    DateOnly? Date)
{
    /// <summary>What each arrangement could learn from the others, drawn from the findings' figures.</summary>
    public IReadOnlyList<Lesson> Lessons => Metrics.Lessons.Draw(Columns.Select(c => (c.Label, c.Metrics)).ToList());

    public static Comparison Build(Dataset dataset, IReadOnlyList<ChosenArrangement> subjects, DateOnly? date = null,
        IReadOnlyList<Requirement>? requirements = null, IReadOnlyList<RelevantPartner>? partners = null)
    {
        requirements ??= Guidance.Requirements.Statutory;
        partners ??= RelevantPartners.Statutory;
        var repeated = subjects.GroupBy(s => s.Authority.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var columns = subjects
            .Select(s => new ComparedArrangement(s, repeated.Contains(s.Authority.Id) ? s.Graph.Title : s.Authority.Name,
                GuidanceChecks.Run(s.Graph, requirements), StructureMetrics.Compute(s.Graph, Analysis.Run(s.Graph, partners), partners)))
            .ToList();

        var practices = new List<Practice>();
        foreach (var column in columns)
            foreach (var requirement in requirements)
            {
                var verdict = column.VerdictFor(requirement);
                if (verdict.Status != VerdictStatus.Met) continue;
                var lacking = columns.Where(c => c != column && c.VerdictFor(requirement).Status == VerdictStatus.NotMet).ToList();
                if (lacking.Count > 0) practices.Add(new Practice(column, verdict, lacking));
            }

        var used = columns.SelectMany(c => c.Verdicts).SelectMany(v => v.Evidence.Sources).Select(s => s.SourceId)
            .Concat(columns.Select(c => c.Subject.Arrangement?.Source.SourceId).OfType<string>())
            .ToHashSet();
        return new Comparison(requirements, columns, partners, practices, dataset.Sources.Where(s => used.Contains(s.Id)).ToList(), date);
    }

    /// <summary>A partner's coverage on one authority's board, or null when the authority has no board to assess.</summary>
    public static PartnerCoverage? CoverageOf(ComparedArrangement column, RelevantPartner partner) =>
        column.Metrics.Coverage.FirstOrDefault(c => c.Partner == partner);

    /// <summary>How the coverage matrix reads a status.</summary>
    public static string Label(CoverageStatus? status) => status is { } known ? Diagrams.Wording.Coverage(known) : "No board";

    /// <summary>The rows of the metrics table: each measure and each column's value as text.</summary>
    public IReadOnlyList<(Measure Measure, IReadOnlyList<string> Values)> MetricRows() =>
        Measures.All.Select(m => (m, (IReadOnlyList<string>)Columns.Select(c => m.Value(c.Metrics)).ToList())).ToList();
}
