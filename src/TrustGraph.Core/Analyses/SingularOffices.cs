using TrustGraph.Guidance;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Analyses;

/// <summary>
/// Posts that name one office in an authority ("Director of Children's Services", "Head of the Children's Trust"): a seat
/// named only by such a post is the same person on every body of the authority, even with no agency given. The list is
/// data (<c>data/guidance/singular-offices.csv</c>); representative seats ("VCS representative", "Primary head") are not
/// on it and stay distinct.
/// </summary>
public static class SingularOffices
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Embedded = new(() =>
    {
        var errors = new List<DatasetError>();
        var offices = Parse(GuidanceFiles.Read("singular-offices.csv"), errors);
        if (errors.Count > 0) throw new InvalidDataException("the embedded singular-offices.csv is invalid: " + string.Join("; ", errors));
        return offices;
    });

    /// <summary>The office <paramref name="post"/> names (as the list spells it), or null when the post is not a singular office.</summary>
    public static string? Of(string post) => Embedded.Value.GetValueOrDefault(Key(post));

    /// <summary>Each spelling's key to the office's name.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string csv, ICollection<DatasetError> errors)
    {
        var result = new Dictionary<string, string>();
        var table = CsvTable.FromText(csv, "guidance/singular-offices.csv", errors);
        if (table is null) return result;
        foreach (var row in table.Rows)
        {
            var r = new RowReader(table, row, errors);
            var office = r.Required("office", "the office's name");
            if (office is null) continue;
            result[Key(office)] = office;
            foreach (var also in (r.Optional("also_written") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                result[Key(also)] = office;
        }
        return result;
    }

    /// <summary>
    /// The post compared without case, punctuation, curly or straight apostrophes and the small words that do not change
    /// the office ("Head of the Children's Trust" is "Head of Children's Trust").
    /// </summary>
    public static string Key(string post)
    {
        var words = post.ToLowerInvariant().Replace('’', '\'')
            .Split([' ', '\t', '\u00a0', ',', '.', '(', ')', '/', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("the" or "a" or "an" or "of" or "for" or "and" or "&"));
        return string.Join(' ', words);
    }
}
