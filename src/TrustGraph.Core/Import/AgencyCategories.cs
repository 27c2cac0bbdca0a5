using TrustGraph.Guidance;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Import;

/// <summary>Which text of a row a pattern is looked for in.</summary>
public enum PatternScope { Agency, Post, Person, Either, Any }

/// <summary>
/// One rule of <c>data/guidance/agency-categories.csv</c>: a word or phrase ("Constabulary") that, found whole in a row's
/// agency, post or name, suggests the partner category the seat represents.
/// </summary>
public sealed record AgencyPattern(string Pattern, PatternScope LookIn, PartnerCategory Category, string? Note);

/// <summary>
/// A partner category guessed from the text of a row, with the words that led to it, so that a person can see why
/// and correct it. A guess, never a fact: the preview marks every one.
/// </summary>
public sealed record CategoryInference(PartnerCategory Category, string Pattern, string FoundIn, string Text, string? Note)
{
    public string Explain() => $"inferred from \"{Pattern}\" in the {FoundIn} \"{Text}\"";
}

/// <summary>
/// Infers the partner category of a seat from its agency and post, by patterns kept as data and tried in order
/// (the first match wins, so specific phrases come before general ones: "Council for Voluntary Service" before "Council").
/// </summary>
public sealed class AgencyCategories
{
    private AgencyCategories(IReadOnlyList<AgencyPattern> patterns) => Patterns = patterns;

    public IReadOnlyList<AgencyPattern> Patterns { get; }

    private static readonly Lazy<AgencyCategories> Embedded = new(() =>
    {
        var errors = new List<DatasetError>();
        var categories = Parse(GuidanceFiles.Read("agency-categories.csv"), errors);
        if (errors.Count > 0) throw new InvalidDataException("the embedded agency-categories.csv is invalid: " + string.Join("; ", errors));
        return categories;
    });

    /// <summary>The patterns that ship with TrustGraph.</summary>
    public static AgencyCategories Default => Embedded.Value;

    /// <summary>
    /// The category the row's words suggest, or null when no pattern matches. A district or borough council outside a
    /// two-tier (county) area is the authority itself, so it is read as <c>local-authority</c> there.
    /// </summary>
    public CategoryInference? Infer(string? agency, string? post, string? person, AuthorityTier? tier)
    {
        foreach (var p in Patterns)
        {
            var found = p.LookIn switch
            {
                PatternScope.Agency => Match(p, "agency", agency),
                PatternScope.Post => Match(p, "post", post),
                PatternScope.Person => Match(p, "name", person),
                PatternScope.Either => Match(p, "agency", agency) ?? Match(p, "post", post),
                _ => Match(p, "agency", agency) ?? Match(p, "post", post) ?? Match(p, "name", person),
            };
            if (found is null) continue;
            if (found.Category == PartnerCategory.DistrictCouncil && tier is not null && tier != AuthorityTier.County)
                return found with { Category = PartnerCategory.LocalAuthority, Note = "a borough or district council outside a county area is the authority itself" };
            return found;
        }
        return null;
    }

    private static CategoryInference? Match(AgencyPattern p, string where, string? text) =>
        text is not null && ContainsWords(text, p.Pattern) ? new CategoryInference(p.Category, p.Pattern, where, text, p.Note) : null;

    /// <summary>True when <paramref name="phrase"/> occurs in <paramref name="text"/> as whole words (a plural 's' allowed), ignoring case and apostrophe style.</summary>
    public static bool ContainsWords(string text, string phrase)
    {
        var t = text.Replace('\u2019', '\'');
        var p = phrase.Replace('\u2019', '\'');
        for (var at = t.IndexOf(p, StringComparison.OrdinalIgnoreCase); at >= 0; at = t.IndexOf(p, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + p.Length;
            var startOk = at == 0 || !char.IsLetterOrDigit(t[at - 1]);
            var endOk = end >= t.Length || !char.IsLetterOrDigit(t[end])
                || (char.ToLowerInvariant(t[end]) == 's' && (end + 1 >= t.Length || !char.IsLetterOrDigit(t[end + 1])));
            if (startOk && endOk) return true;
        }
        return false;
    }

    public static AgencyCategories Parse(string csv, ICollection<DatasetError> errors)
    {
        var patterns = new List<AgencyPattern>();
        var table = CsvTable.FromText(csv, "guidance/agency-categories.csv", errors);
        foreach (var row in table?.Rows ?? [])
        {
            var r = new RowReader(table!, row, errors);
            var pattern = r.Required("pattern", "a word or phrase found in agency names or posts");
            var lookIn = r.Enum<PatternScope>("look_in", required: true);
            var category = r.Enum<PartnerCategory>("partner_category", required: true);
            if (pattern is null || lookIn is null || category is null) continue;
            patterns.Add(new AgencyPattern(pattern, lookIn.Value, category.Value, r.Optional("note")));
        }
        return new AgencyCategories(patterns);
    }
}
