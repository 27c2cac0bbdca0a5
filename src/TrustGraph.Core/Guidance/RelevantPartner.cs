using System.Reflection;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Guidance;

/// <summary>
/// A statutory relevant partner under Children Act 2004 s10(4), in force from <see cref="InForce"/> until
/// <see cref="Repealed"/>. <see cref="Tiers"/> is empty when it applies to every tier; <see cref="OnlyWhereExists"/>
/// marks partners that exist only in some areas (academies, non-maintained special schools), whose absence cannot be judged.
/// </summary>
public sealed record RelevantPartner(
    string Letter, string Name, PartnerCategory Category, DateOnly InForce, DateOnly? Repealed,
    IReadOnlySet<AuthorityTier> Tiers, bool OnlyWhereExists, string Citation)
{
    public bool InForceOn(DateOnly day) => InForce <= day && (Repealed is null || day < Repealed);

    /// <summary>Null when the partner applies; otherwise why not. A null tier cannot rule a tier-specific partner in or out.</summary>
    public bool? AppliesToTier(AuthorityTier? tier) => Tiers.Count == 0 ? true : tier is null ? null : Tiers.Contains(tier.Value);

    public string Section => $"s10(4)({Letter})";
}

/// <summary>The statutory list, read from <c>data/guidance/relevant-partners.csv</c> (embedded in the program so it travels with it).</summary>
public static class RelevantPartners
{
    private static readonly Lazy<IReadOnlyList<RelevantPartner>> Embedded = new(() =>
    {
        var errors = new List<DatasetError>();
        var list = Parse(GuidanceFiles.Read("relevant-partners.csv"), errors);
        if (errors.Count > 0) throw new InvalidDataException("the embedded relevant-partners.csv is invalid: " + string.Join("; ", errors));
        return list;
    });

    /// <summary>The list that ships with TrustGraph.</summary>
    public static IReadOnlyList<RelevantPartner> Statutory => Embedded.Value;

    public static IReadOnlyList<RelevantPartner> Parse(string csv, ICollection<DatasetError> errors)
    {
        const string file = "guidance/relevant-partners.csv";
        var result = new List<RelevantPartner>();
        var table = CsvTable.FromText(csv, file, errors);
        if (table is null) return result;
        foreach (var row in table.Rows)
        {
            var r = new RowReader(table, row, errors);
            var letter = r.Required("letter", "the paragraph letter of s10(4)");
            var name = r.Required("partner", "the partner's name");
            var category = r.Enum<PartnerCategory>("partner_category", required: true);
            var inForce = r.Date("in_force");
            var repealed = r.Date("repealed");
            var tiers = new HashSet<AuthorityTier>();
            foreach (var word in (r.Optional("tiers") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (Vocabulary<AuthorityTier>.TryParse(word, out var t)) tiers.Add(t);
                else r.Error("tiers", $"unknown tier '{word}'; expected one of: {Vocabulary<AuthorityTier>.AllowedList}");
            var citation = r.Required("citation", "the statutory citation");
            if (letter is null || name is null || category is null || inForce is null || citation is null) continue;
            result.Add(new RelevantPartner(letter, name, category.Value, inForce.Value.Earliest, repealed?.Earliest, tiers,
                r.Optional("only_where_exists") == "yes", citation));
        }
        return result;
    }
}

/// <summary>The guidance files embedded from <c>data/guidance/</c>.</summary>
public static class GuidanceFiles
{
    public static string Read(string fileName)
    {
        var assembly = typeof(GuidanceFiles).Assembly;
        using var stream = assembly.GetManifestResourceStream("guidance/" + fileName)
            ?? throw new FileNotFoundException($"guidance file '{fileName}' is not embedded in {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>Dates in the law of Children's Trusts that change what is required.</summary>
public static class Law
{
    /// <summary>
    /// From 1 April 2010 every relevant partner must be represented on the Children's Trust Board
    /// (Children Act 2004 s12A, inserted by the Apprenticeships, Skills, Children and Learning Act 2009 s194).
    /// Before it the duty was to co-operate, and a board was not statutory.
    /// </summary>
    public static readonly DateOnly BoardBecameStatutory = new(2010, 4, 1);

    public const string BoardCitation = "Children Act 2004 s12A (inserted by the Apprenticeships, Skills, Children and Learning Act 2009 s194)";
}
