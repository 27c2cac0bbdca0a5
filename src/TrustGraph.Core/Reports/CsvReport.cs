using System.Text;
using CsvHelper;
using TrustGraph.Analyses;
using TrustGraph.Guidance;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Reports;

/// <summary>
/// The reports as one CSV table for a spreadsheet: a row per requirement verdict and per finding (and, for a
/// comparison, per metric, partner and practice), all with the same columns. Cells that a spreadsheet would run as a
/// formula (starting =, +, -, @, tab or carriage return) are neutralised with CsvHelper's injection escaping.
/// </summary>
public static class CsvReport
{
    public static readonly string[] Columns =
        ["section", "authority", "arrangement", "id", "title", "status", "severity", "detail", "remedy", "citation", "bodies", "sources"];

    public static string Write(GuidanceReport report)
    {
        var rows = new List<string?[]>();
        rows.AddRange(report.Verdicts.Select(VerdictRow));
        rows.AddRange(report.Findings.Select(f => FindingRow(report, f)));
        return Csv(rows);
    }

    public static string Write(Comparison comparison)
    {
        var rows = new List<string?[]>();
        foreach (var c in comparison.Columns) rows.AddRange(c.Verdicts.Select(VerdictRow));
        var metrics = comparison.MetricRows();
        for (var i = 0; i < comparison.Columns.Count; i++)
        {
            var c = comparison.Columns[i];
            foreach (var (measure, values) in metrics)
                rows.Add(["metric", c.Authority.Id, c.Subject.Graph.ArrangementId, measure.Id, measure.Label, values[i], null, measure.Definition, null, null, null, null]);
            foreach (var p in comparison.Partners)
            {
                var coverage = Comparison.CoverageOf(c, p);
                rows.Add(["partner", c.Authority.Id, c.Subject.Graph.ArrangementId, p.Category.ToWord(), p.Name,
                    Comparison.Label(coverage?.Status), null, null, null, p.Citation,
                    null, string.Join("; ", (coverage?.Seats ?? []).Select(s => s.Source.ToString()).Distinct())]);
            }
        }
        foreach (var l in comparison.Lessons)
        {
            var learner = comparison.Columns.First(c => c.Label == l.Learner);
            rows.Add(["lesson", learner.Authority.Id, learner.Subject.Graph.ArrangementId, l.Measure, Metrics.Measures.All.First(m => m.Id == l.Measure).Label,
                null, null, l.Text, "Learn from: " + l.From, null, null, null]);
        }
        foreach (var p in comparison.Practices)
        {
            var v = p.Verdict;
            rows.Add(["practice", p.By.Authority.Id, p.By.Subject.Graph.ArrangementId, v.Requirement.Id, v.Requirement.Title,
                v.Status.Label(), null, v.Reason, "Not met by: " + string.Join(", ", p.NotMetBy.Select(c => c.Label)),
                v.Requirement.Citation, string.Join("; ", v.Evidence.Bodies.Select(b => b.Name)),
                string.Join("; ", v.Evidence.Sources.Select(s => s.ToString()))]);
        }
        return Csv(rows);
    }

    private static string?[] VerdictRow(Verdict v) =>
    [
        "requirement", v.Authority, v.Arrangement, v.Requirement.Id, v.Requirement.Title, v.Status.Label(),
        v.Status == VerdictStatus.Met ? null : ReportText.SeverityLabel(v.Severity).ToLowerInvariant(),
        v.Reason, v.Remedy, v.Requirement.Citation,
        string.Join("; ", v.Evidence.Bodies.Select(b => b.Name)),
        string.Join("; ", v.Evidence.Sources.Select(s => s.ToString())),
    ];

    private static string?[] FindingRow(GuidanceReport report, Finding f)
    {
        var graph = report.Subject.Graph;
        return
        [
            "finding", f.Authority, f.Arrangement, f.Check, CheckTitles.Of(f.Check), null,
            ReportText.SeverityLabel(f.Severity).ToLowerInvariant(), f.Message, f.Remedy, null,
            string.Join("; ", f.Bodies.Select(id => graph.Contains(id) ? graph.Body(id).Name : id)),
            string.Join("; ", f.Sources),
        ];
    }

    private static string Csv(IEnumerable<string?[]> rows)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var writer = CsvWriter.Create(text, new CsvWriterOptions { NewLine = "\n", Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            writer.WriteHeader(Columns);
            foreach (var row in rows) writer.WriteRecord(row.Select(v => v ?? "").ToArray());
            writer.Flush();
        }
        return text.ToString();
    }
}
