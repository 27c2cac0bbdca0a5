namespace TrustGraph.Metrics;

/// <summary>
/// Something one arrangement could take from another that does better on the same measure, in a sentence fit for a
/// slide: "Worcestershire (2009) seats every relevant partner but the Strategic Health Authority; Calderdale's Board
/// lacks five." <see cref="Learner"/> and <see cref="From"/> are the labels of the two arrangements.
/// </summary>
public sealed record Lesson(string Learner, string From, string Measure, string Text);

/// <summary>
/// Draws the lessons of a comparison from the figures counted from the findings (relevant partners absent or vacant,
/// bodies cut off from the LSP, accountability cycles, vacancies): for each measure, every arrangement that does worse
/// than the best is paired with the best. Nothing is said where the papers cannot settle the point (a partial or
/// missing membership list).
/// </summary>
public static class Lessons
{
    public static IReadOnlyList<Lesson> Draw(IReadOnlyList<(string Label, StructureMetrics Metrics)> columns)
    {
        var lessons = new List<Lesson>();
        if (columns.Count < 2) return lessons;

        // Relevant partners: only boards whose whole membership is given can be said to lack anyone.
        var judged = columns.Where(c => c.Metrics.BoardName is not null && c.Metrics.BoardMembershipKnown && !c.Metrics.BoardMembershipPartial).ToList();
        if (judged.Count >= 2)
        {
            var best = judged.MinBy(c => (c.Metrics.CoverageCounts.Absent, c.Metrics.CoverageCounts.Vacant))!;
            foreach (var c in judged.Where(c => c != best && Worse(c.Metrics.CoverageCounts, best.Metrics.CoverageCounts)))
                lessons.Add(new Lesson(c.Label, best.Label, "partner-coverage",
                    $"{best.Label} {Seated(best.Metrics)}; {Possessive(c.Label)} {BoardWord(c.Metrics)} {Lacks(c.Metrics)}."));
        }

        // Reaching the LSP.
        var withBodies = columns.Where(c => c.Metrics.BodiesExpectedToReachLsp > 0).ToList();
        if (withBodies.Count >= 2)
        {
            var best = withBodies.MaxBy(c => c.Metrics.ShareReachingLsp ?? 0)!;
            foreach (var c in withBodies.Where(c => c != best && (c.Metrics.ShareReachingLsp ?? 0) < (best.Metrics.ShareReachingLsp ?? 0)))
                lessons.Add(new Lesson(c.Label, best.Label, "reach-lsp",
                    $"{Reach(best.Label, best.Metrics)}; {Reach(c.Label, c.Metrics)}."));
        }

        // Accountability cycles.
        var noCycles = columns.Where(c => c.Metrics.Cycles == 0 && c.Metrics.Bodies > 0).ToList();
        if (noCycles.Count > 0)
            foreach (var c in columns.Where(c => c.Metrics.Cycles > 0))
                lessons.Add(new Lesson(c.Label, noCycles[0].Label, "cycles",
                    $"{noCycles[0].Label}'s lines of accountability run one way, up to the top; {c.Label} has {Measures.Count(c.Metrics.Cycles, "cycle", "cycles")} in which bodies answer, in the end, to themselves."));

        // Vacant seats: worth saying only when the gap is at least ten points.
        var seated = columns.Where(c => c.Metrics.VacancyRate is not null).ToList();
        if (seated.Count >= 2)
        {
            var best = seated.MinBy(c => c.Metrics.VacancyRate!.Value)!;
            foreach (var c in seated.Where(c => c.Metrics.VacancyRate!.Value - best.Metrics.VacancyRate!.Value >= 0.10))
                lessons.Add(new Lesson(c.Label, best.Label, "vacancy-rate",
                    $"{best.Label} has {Measures.Percent(best.Metrics.VacancyRate!.Value)} of its seats vacant; {c.Label} has {Measures.Percent(c.Metrics.VacancyRate!.Value)} ({Measures.Count(c.Metrics.VacantSeats, "seat", "seats")})."));
        }
        return lessons;
    }

    private static bool Worse(CoverageCounts a, CoverageCounts b) => a.Absent > b.Absent || (a.Absent == b.Absent && a.Vacant > b.Vacant);

    private static string Seated(StructureMetrics m)
    {
        var missing = m.AbsentPartners.Concat(m.VacantPartners).Select(p => p.Name).ToList();
        return missing.Count switch
        {
            0 => "seats every relevant partner in force on its date",
            <= 2 => $"seats every relevant partner but the {Join(missing)}",
            _ => $"lacks only {Words(missing.Count)} relevant partners",
        };
    }

    private static string Lacks(StructureMetrics m)
    {
        var absent = m.AbsentPartners;
        var vacant = m.VacantPartners;
        var parts = new List<string>();
        if (absent.Count > 0)
            parts.Add(absent.Count <= 2 ? $"has no seat for the {Join(absent.Select(p => p.Name).ToList())}" : $"lacks {Words(absent.Count)} ({Join(absent.Select(p => p.Name).ToList())})");
        if (vacant.Count > 0)
            parts.Add($"leaves the {Join(vacant.Select(p => p.Name).ToList())} seat{(vacant.Count == 1 ? "" : "s")} vacant");
        return string.Join(" and ", parts);
    }

    private static string Reach(string label, StructureMetrics m) => !m.HasLsp
        ? $"{label} records no LSP, so none of its {Measures.Count(m.BodiesExpectedToReachLsp, "body", "bodies")} can answer to one"
        : m.BodiesCutOff == 0
            ? $"all {Measures.Count(m.BodiesExpectedToReachLsp, "body", "bodies")} of {label} reach the LSP"
            : $"{m.BodiesReachingLsp} of {Possessive(label)} {Measures.Count(m.BodiesExpectedToReachLsp, "body", "bodies")} reach the LSP";

    private static string BoardWord(StructureMetrics m) => m.BoardName is { Length: <= 40 } name ? name : "Board";

    private static string Possessive(string label) => label + "'s";

    private static string Join(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };

    private static readonly string[] Small = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

    /// <summary>Numbers up to ten in words, as a sentence reads them; larger ones in figures.</summary>
    public static string Words(int n) => n >= 0 && n < Small.Length ? Small[n] : Measures.Number(n);
}
