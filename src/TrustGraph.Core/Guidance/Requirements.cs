using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Guidance;

/// <summary>
/// One thing the statutory guidance asks of a Children's Trust that a structure graph can be checked against:
/// a short statement in our words, where it comes from, how much a gap matters, and the check that judges it.
/// Before <see cref="StatutoryFrom"/> a statutory requirement was guidance only, and its gaps are warnings.
/// </summary>
public sealed record Requirement(
    string Id, string Title, string Statement, string Citation, Severity Severity, DateOnly? StatutoryFrom, string Check);

/// <summary>The requirements, read from <c>data/guidance/requirements.csv</c> (embedded in the program so they travel with it).</summary>
public static class Requirements
{
    public const string FileName = "requirements.csv";

    private static readonly Lazy<IReadOnlyList<Requirement>> Embedded = new(() =>
    {
        var errors = new List<DatasetError>();
        var list = Parse(GuidanceFiles.Read(FileName), errors);
        if (errors.Count > 0) throw new InvalidDataException($"the embedded {FileName} is invalid: " + string.Join("; ", errors));
        return list;
    });

    /// <summary>The requirements that ship with TrustGraph, in the order the reports list them.</summary>
    public static IReadOnlyList<Requirement> Statutory => Embedded.Value;

    /// <summary>
    /// Reads a requirements file. Every row needs an id, title, statement, citation, severity and a check that
    /// TrustGraph implements (<see cref="GuidanceChecks.Names"/>); problems are returned with their line and column.
    /// </summary>
    public static IReadOnlyList<Requirement> Parse(string csv, ICollection<DatasetError> errors)
    {
        const string file = "guidance/" + FileName;
        var result = new List<Requirement>();
        var table = CsvTable.FromText(csv, file, errors);
        if (table is null) return result;
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var r = new RowReader(table, row, errors);
            var id = r.Id("id", "the requirement's id");
            var title = r.Required("title", "a short title for tables");
            var statement = r.Required("statement", "the requirement in a sentence");
            var citation = r.Required("citation", "the statute or guidance it comes from");
            var severity = r.Enum<Severity>("severity", required: true);
            var statutoryFrom = r.Date("statutory_from");
            var check = r.Required("check", "the name of the check that implements it");
            if (check is not null && !GuidanceChecks.Names.Contains(check))
            {
                r.Error("check", $"unknown check '{check}'; expected one of: {string.Join(", ", GuidanceChecks.Names)}");
                check = null;
            }
            if (id is not null && !seen.TryAdd(id, row.Line))
            {
                r.Error("id", $"requirement '{id}' is listed twice (also on line {seen[id]})");
                continue;
            }
            var badDate = statutoryFrom is null && r.Optional("statutory_from") is not null;
            if (id is null || title is null || statement is null || citation is null || severity is null || check is null || badDate) continue;
            result.Add(new Requirement(id, title, statement, citation, severity.Value, statutoryFrom?.Earliest, check));
        }
        return result;
    }
}
