using System.Globalization;
using TrustGraph.Guidance;
using TrustGraph.Model;

namespace TrustGraph.Reports;

/// <summary>Wording every report format shares, so the HTML, Markdown and CSV say the same things.</summary>
public static class ReportText
{
    public const string ReportKicker = "Children's Trust governance: gaps against the statutory guidance";
    public const string ComparisonKicker = "Children's Trust governance: comparator benchmark";

    /// <summary>
    /// The reason's first sentence, whole, for the summary table: a cell never stops mid-sentence ("… is not a
    /// sub-group of …"); the rest of the reason is in the gap's own section.
    /// </summary>
    public static string OneLine(Verdict verdict)
    {
        var text = verdict.Reason;
        var end = FirstSentenceEnd(text);
        return end > 0 ? text[..end] : text;
    }

    private static int FirstSentenceEnd(string text)
    {
        var depth = 0;
        for (var i = 0; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c is '“' or '(') depth++;
            else if (c is '”' or ')') depth = Math.Max(0, depth - 1);
            else if (c == '.' && depth == 0 && text[i + 1] == ' ') return i + 1;
        }
        return -1;
    }

    public static string SeverityLabel(Severity severity) => severity switch
    {
        Severity.Error => "Error",
        Severity.Warning => "Warning",
        _ => "Info",
    };

    /// <summary>
    /// The legal date a report judges by, kept apart from the day it was prepared: "Judged against the law in force on
    /// 1 August 2009", or, when the papers give no in-force date, "Judged against the law as it now stands (the
    /// arrangement's in-force date is not recorded)".
    /// </summary>
    public static string JudgedAgainst(ChosenArrangement subject)
    {
        var law = Analyses.LawInForce.For(subject.Arrangement);
        return law.Stated is null
            ? "Judged against the law as it now stands (the arrangement's in-force date is not recorded)"
            : $"Judged against the law in force on {Date(law.Day)}";
    }

    /// <summary>"Prepared on 4 December 2026": the day the report was made, never the legal date.</summary>
    public static string Prepared(DateOnly date) => $"Prepared on {Date(date)}";

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Arrangement(ChosenArrangement subject) => subject.Arrangement is null
        ? "all bodies (the papers describe no separate arrangements)"
        : $"{subject.Arrangement.Id} ({ChosenArrangement.Describe(subject.Arrangement)})";

    public static string Percent(double ratio) => (ratio * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>"4 met, 5 not met (2 errors, 3 warnings), 3 cannot assess".</summary>
    public static string Tally(IReadOnlyList<Verdict> verdicts)
    {
        int Count(VerdictStatus s) => verdicts.Count(v => v.Status == s);
        var gaps = verdicts.Where(v => v.Status == VerdictStatus.NotMet).ToList();
        var bySeverity = Enum.GetValues<Severity>().Reverse()
            .Select(s => (s, n: gaps.Count(g => g.Severity == s)))
            .Where(x => x.n > 0)
            .Select(x => Plural(x.n, SeverityLabel(x.s).ToLowerInvariant()));
        var detail = gaps.Count == 0 ? "" : $" ({string.Join(", ", bySeverity)})";
        return $"{Count(VerdictStatus.Met)} met, {gaps.Count} not met{detail}, {Count(VerdictStatus.CannotAssess)} cannot assess";
    }

    /// <summary>Names as a reader writes them: "A", "A and B", "A, B and C".</summary>
    public static string Names(IEnumerable<string> names) => Analyses.FindingText.Names(names);

    public static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

    public static string Seat(Seat seat)
    {
        var parts = new[] { seat.Post, seat.Agency }.Where(p => !string.IsNullOrWhiteSpace(p) && p != seat.Person).ToList();
        var who = seat.Person ?? (parts.Count > 0 ? parts[0] : "(unnamed seat)");
        if (seat.Person is null && parts.Count > 0) parts.RemoveAt(0);
        var details = parts.Concat([seat.Role.ToWord()]).Concat(seat.Status == SeatStatus.Vacant ? ["vacant"] : []);
        return $"{who} ({string.Join(", ", details)})";
    }

    public static string Line(Graph.GovernanceGraph graph, AccountabilityLine line)
    {
        string Name(string id) => graph.Contains(id) ? graph.Body(id).Name : id;
        return $"{Name(line.From)} {line.Kind.ToWord()} {Name(line.To)}";
    }
}
