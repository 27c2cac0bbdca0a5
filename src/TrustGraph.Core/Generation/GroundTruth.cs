using TrustGraph.Analyses;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Generation;

/// <summary>
/// What identifies a finding when it is compared with the truth file: where it is, which check and how severe, the thing it is
/// about (<see cref="Subject"/>) and the bodies it marks. Messages and sources are left out: they are for readers, and wording may change.
/// </summary>
public readonly record struct FindingKey(string Authority, string Arrangement, string Check, Severity Severity, string Subject, string Bodies)
{
    /// <summary>
    /// The key of a finding. The subject is the person's name (or the post) for duplicated-membership, the partner category for
    /// missing-relevant-partner, the body ids of the cycle (sorted, space-separated) for accountability-cycle, and the body id for
    /// lsp-reporting-gap. Bodies are the finding's body ids, sorted and joined with ';'.
    /// </summary>
    public static FindingKey Of(Finding finding)
    {
        var bodies = finding.Bodies.Order(StringComparer.Ordinal).ToList();
        var subject = finding.Check switch
        {
            Checks.MissingRelevantPartner when finding.Subjects.Count > 2 => finding.Subjects[2],
            Checks.AccountabilityCycle => string.Join(' ', bodies),
            _ => finding.Subjects.Count > 0 ? finding.Subjects[0] : "",
        };
        return new FindingKey(finding.Authority, finding.Arrangement ?? "", finding.Check, finding.Severity, subject, string.Join(';', bodies));
    }

    public bool IsDefect => Severity != Severity.Info;

    public override string ToString() => $"{Authority}/{Arrangement} {Check} {Severity.ToString().ToLowerInvariant()} '{Subject}' [{Bodies}]";
}

/// <summary>
/// A finding the generator expects the analyses to make, and why: <see cref="Defect"/> names what was injected
/// (<c>cycle</c>, <c>cut-off</c>, <c>missing-partner</c>, …) or, for an <c>info</c> finding, the deliberate feature that explains it.
/// </summary>
public sealed record ExpectedFinding(FindingKey Key, string Defect);

/// <summary>The truth file (<c>truth.csv</c>) written beside a generated dataset: every finding the analyses should make, and nothing else.</summary>
public static class GroundTruth
{
    public const string FileName = "truth.csv";

    public static readonly string[] Columns = ["authority", "arrangement", "check", "severity", "subject", "bodies", "defect"];

    public static void Write(IEnumerable<ExpectedFinding> truth, string path) =>
        DatasetWriter.WriteFile(path, Columns, truth.Select(t => new string?[]
        {
            t.Key.Authority, t.Key.Arrangement, t.Key.Check, t.Key.Severity.ToString().ToLowerInvariant(), t.Key.Subject, t.Key.Bodies, t.Defect,
        }));

    public static IReadOnlyList<ExpectedFinding> Read(string path)
    {
        var errors = new List<DatasetError>();
        var table = CsvTable.Read(path, FileName, errors) ?? throw new InvalidDataException(string.Join("; ", errors));
        var result = new List<ExpectedFinding>();
        foreach (var row in table.Rows)
        {
            string Get(string column) => table.IndexOf(column) is var i and >= 0 && i < row.Fields.Length ? row.Fields[i] : "";
            var severity = Get("severity") switch
            {
                "error" => Severity.Error,
                "warning" => Severity.Warning,
                "info" => Severity.Info,
                var other => throw new InvalidDataException($"{FileName}:{row.Line}: unknown severity '{other}'; expected error, warning or info"),
            };
            result.Add(new ExpectedFinding(
                new FindingKey(Get("authority"), Get("arrangement"), Get("check"), severity, Get("subject"), Get("bodies")), Get("defect")));
        }
        return result;
    }
}
