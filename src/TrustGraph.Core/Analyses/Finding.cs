using System.Text.Json.Serialization;
using TrustGraph.Model;

namespace TrustGraph.Analyses;

/// <summary>
/// Something wrong (or worth knowing) about a structure, as a reader will search for it: the ids and names
/// involved in <see cref="Subjects"/>, the source rows that prove it in <see cref="Sources"/>.
/// </summary>
public sealed record Finding(
    [property: JsonPropertyName("authority")] string Authority,
    [property: JsonPropertyName("arrangement")] string? Arrangement,
    [property: JsonPropertyName("check")] string Check,
    [property: JsonPropertyName("severity")] Severity Severity,
    [property: JsonPropertyName("subjects")] IReadOnlyList<string> Subjects,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("sources")] IReadOnlyList<string> Sources)
{
    /// <summary>The body ids the finding concerns, so a diagram can mark them (not part of the contract's required fields).</summary>
    [JsonPropertyName("bodies")]
    public IReadOnlyList<string> Bodies { get; init; } = [];

    /// <summary>What to do about it, in a sentence a board could minute.</summary>
    [JsonPropertyName("remedy")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Remedy { get; init; }

    /// <summary>The inferred rows the finding rests on (contract v1.1): empty when it rests on stated rows only.</summary>
    [JsonIgnore]
    public IReadOnlyList<InferredRow> Inferred { get; init; } = [];

    /// <summary><see cref="Inferred"/> as the findings JSON writes it: absent when empty, to keep national documents lean.</summary>
    [JsonPropertyName("inferred")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public IReadOnlyList<InferredRow>? InferredInJson
    {
        get => Inferred.Count == 0 ? null : Inferred;
        init => Inferred = value ?? [];
    }
}

/// <summary>
/// An inferred row a finding rests on, as a reader finds it: the dataset file (<c>suffolk/memberships.csv</c>), the line
/// (null when the dataset did not come from files, e.g. pulled from Neo4j) and the row's note.
/// </summary>
public sealed record InferredRow(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("note")] string? Note)
{
    /// <summary>
    /// The inferred rows among <paramref name="rows"/>, each row once, in the order given. Rows are told apart as rows, not by
    /// their entries: two seats with the same note are two entries even where no line is known (a dataset read from Neo4j).
    /// </summary>
    public static IReadOnlyList<InferredRow> Among(string authorityId, IEnumerable<IHasBasis> rows)
    {
        List<InferredRow>? result = null;
        HashSet<object>? seen = null;
        foreach (var row in rows)
        {
            if (row.Basis != Basis.Inferred) continue;
            seen ??= new HashSet<object>(ReferenceEqualityComparer.Instance);
            if (!seen.Add(row)) continue;
            var origin = RowOrigin.Of(row);
            (result ??= []).Add(new InferredRow(origin?.File ?? $"{authorityId}/{FileOf(row)}", origin?.Line, row.Note));
        }
        return result ?? (IReadOnlyList<InferredRow>)[];
    }

    private static string FileOf(IHasBasis row) => row switch
    {
        Seat => "memberships.csv",
        Body => "bodies.csv",
        AccountabilityLine => "accountability.csv",
        Duty => "duties.csv",
        _ => "unknown.csv",
    };

    public override string ToString() => Line is { } line ? $"{File} line {line}" : File;
}

/// <summary>The names of the checks, as the findings JSON writes them.</summary>
public static class Checks
{
    public const string DuplicatedMembership = "duplicated-membership";
    public const string MissingRelevantPartner = "missing-relevant-partner";
    public const string AccountabilityCycle = "accountability-cycle";
    public const string LspReportingGap = "lsp-reporting-gap";
    public const string Guidance = "guidance";

    public static readonly IReadOnlyList<string> Core = [DuplicatedMembership, MissingRelevantPartner, AccountabilityCycle, LspReportingGap];
}

internal static class FindingText
{
    /// <summary>The distinct references, in first-seen order, as text. A reference's text is unique to it (ids cannot hold '#').</summary>
    public static IReadOnlyList<string> SourcesOf(IEnumerable<SourceRef> refs)
    {
        var distinct = new List<SourceRef>();
        HashSet<SourceRef>? seen = null;
        foreach (var r in refs)
        {
            if (seen is not null ? !seen.Add(r) : distinct.Contains(r)) continue;
            distinct.Add(r);
            if (seen is null && distinct.Count > 16) seen = [.. distinct];
        }
        return distinct.ConvertAll(r => r.ToString());
    }

    public static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count switch
        {
            0 => "",
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1],
        };
    }
}
