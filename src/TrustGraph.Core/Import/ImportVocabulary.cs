using System.Collections.Frozen;
using System.Text;
using TrustGraph.Guidance;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Import;

/// <summary>The dataset field a column of a membership spreadsheet holds.</summary>
public enum ImportField { Body, Post, Person, GivenName, FamilyName, Agency, PartnerCategory, Role, Voting, Status, Source, SurnameFirstName, Honorific }

/// <summary>
/// The words a spreadsheet may use, read from <c>data/guidance/import-columns.csv</c> (header aliases such as
/// "Job title" for <c>post</c>) and <c>data/guidance/import-values.csv</c> (cell values such as "Chairman" for
/// <c>chair</c>, "Y" for <c>yes</c>, "TBC" for a vacant seat). Both are matched after <see cref="Normalise"/>.
/// The contract's own column names and enumeration words always work, whatever the tables say.
/// </summary>
public sealed class ImportVocabulary
{
    private readonly FrozenDictionary<string, ImportField> _columns;
    private readonly FrozenDictionary<(string Field, string Value), string> _values;

    private readonly IReadOnlyList<(string Field, string Value)> _order;

    private ImportVocabulary(Dictionary<string, ImportField> columns, Dictionary<(string, string), string> values, List<(string, string)> order)
    {
        _columns = columns.ToFrozenDictionary();
        _values = values.ToFrozenDictionary();
        _order = order;
        Aliases = columns.GroupBy(c => c.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(c => c.Key).ToList());
    }

    /// <summary>The accepted header names of each field (normalised), for messages that say what would have worked.</summary>
    public IReadOnlyDictionary<ImportField, IReadOnlyList<string>> Aliases { get; }

    private static readonly Lazy<ImportVocabulary> Embedded = new(() =>
    {
        var errors = new List<DatasetError>();
        var vocabulary = Parse(GuidanceFiles.Read("import-columns.csv"), GuidanceFiles.Read("import-values.csv"), errors);
        if (errors.Count > 0) throw new InvalidDataException("the embedded import vocabulary is invalid: " + string.Join("; ", errors));
        return vocabulary;
    });

    /// <summary>The vocabulary that ships with TrustGraph.</summary>
    public static ImportVocabulary Default => Embedded.Value;

    /// <summary>The field a header names, matched ignoring case, punctuation and spacing ("Voting?" = "voting", "Role on Board" = "role on board").</summary>
    public ImportField? FieldOf(string header) =>
        _columns.TryGetValue(HeaderKey(header), out var field) ? field : null;

    /// <summary>True for the fields that hold (part of) the person's name.</summary>
    public static bool IsNameField(ImportField field) =>
        field is ImportField.Person or ImportField.GivenName or ImportField.FamilyName or ImportField.SurnameFirstName;

    public bool TryRole(string text, out SeatRole role) => TryEnum(ImportField.Role, "role", text, out role);

    public bool TryStatus(string text, out SeatStatus status) => TryEnum(ImportField.Status, "status", text, out status);

    public bool TryPartnerCategory(string text, out PartnerCategory category) =>
        TryEnum(ImportField.PartnerCategory, "partner_category", text, out category);

    public bool TryVoting(string text, out bool voting)
    {
        voting = false;
        if (!_values.TryGetValue(("voting", Normalise(text)), out var means)) return false;
        voting = means == "yes";
        return true;
    }

    /// <summary>True when a name cell says the seat is empty ("Vacancy", "TBC").</summary>
    public bool IsVacantName(string text) => VacancyWord(text) is not null;

    /// <summary>
    /// The vacancy word a cell opens with, as the vocabulary spells it, or null when the cell does not say the seat is
    /// empty. Clerks add a reason after a dash, colon or bracket ("Vacant – awaiting nomination", "Vacancy - to be
    /// appointed") or put the word in brackets ("(vacant)"); the first part decides, so a name is never read as a vacancy
    /// because of words later in the cell.
    /// </summary>
    public string? VacancyWord(string text)
    {
        var whole = Normalise(StripBrackets(text));
        if (whole.Length > 0 && _values.ContainsKey(("vacant_name", whole))) return whole;
        var parts = text.Replace(" - ", " \u2013 ").Split(VacancySeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return null;
        var first = Normalise(parts[0]);
        return _values.ContainsKey(("vacant_name", first)) ? first : null;
    }

    private static readonly char[] VacancySeparators = ['(', ')', '[', ']', '\u2013', '\u2014', ':', ';', ',', '/'];

    private static string StripBrackets(string text) => text.Trim().Trim('(', ')', '[', ']').Trim();

    /// <summary>
    /// A role cell, with a voting qualifier it may carry read as well: "Member (non-voting)", "Non-voting member",
    /// "Chair (voting)". <paramref name="voting"/> is null when the cell says nothing about voting.
    /// </summary>
    public bool TryRoleAndVoting(string text, out SeatRole role, out bool? voting)
    {
        voting = null;
        if (TryRole(text, out role)) return true;
        var t = text.Trim();
        if (t.EndsWith(')') && t.LastIndexOf('(') is var open and > 0
            && TryVoting(t[(open + 1)..^1], out var v) && TryRole(t[..open], out role))
        {
            voting = v;
            return true;
        }
        var words = Normalise(t).Split(' ');
        for (var n = 1; n < words.Length && n <= 2; n++)
            if (TryVoting(string.Join(' ', words[..n]), out var w) && TryRole(string.Join(' ', words[n..]), out role))
            {
                voting = w;
                return true;
            }
        role = SeatRole.Member;
        return false;
    }

    /// <summary>The words accepted for a field's values, for messages.</summary>
    public string AcceptedValues(string field) =>
        string.Join(", ", _order.Where(k => k.Field == field).Select(k => k.Value));

    private bool TryEnum<TEnum>(ImportField field, string name, string text, out TEnum value) where TEnum : struct, Enum
    {
        var key = Normalise(text);
        if (Vocabulary<TEnum>.TryParse(key.Replace(' ', '-'), out value)) return true;
        return _values.TryGetValue((name, key), out var means) && Vocabulary<TEnum>.TryParse(means, out value);
    }

    /// <summary>
    /// How headers and cells are compared: lower case, '_' and '-' read as spaces, curly apostrophes as straight ones,
    /// runs of white space as one space, and trailing ':', '*' or '.' dropped ("Job Title:" = "job title").
    /// </summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var raw in text.Trim().TrimStart('\uFEFF'))
        {
            var c = raw switch { '_' or '-' or '\u2013' => ' ', '\u2019' or '\u2018' => '\'', _ => char.ToLowerInvariant(raw) };
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        while (sb.Length > 0 && sb[^1] is ':' or '*' or '.') sb.Length--;
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// How headers are compared: <see cref="Normalise"/>, then apostrophes dropped and every other mark that is not a
    /// letter or digit read as a space, so "Voting?", "Voting" and "VOTING:" are one header, and "Surname, Forename" is
    /// "surname forename".
    /// </summary>
    public static string HeaderKey(string header)
    {
        var sb = new StringBuilder(header.Length);
        foreach (var c in Normalise(header))
        {
            if (c == '\'') continue;
            var k = char.IsLetterOrDigit(c) ? c : ' ';
            if (k == ' ' && (sb.Length == 0 || sb[^1] == ' ')) continue;
            sb.Append(k);
        }
        return sb.ToString().TrimEnd();
    }

    private static readonly FrozenDictionary<string, ImportField> FieldWords = new Dictionary<string, ImportField>
    {
        ["body"] = ImportField.Body, ["post"] = ImportField.Post, ["person"] = ImportField.Person,
        ["given_name"] = ImportField.GivenName, ["family_name"] = ImportField.FamilyName, ["agency"] = ImportField.Agency,
        ["partner_category"] = ImportField.PartnerCategory, ["role"] = ImportField.Role, ["voting"] = ImportField.Voting,
        ["status"] = ImportField.Status, ["source"] = ImportField.Source, ["person_surname_first"] = ImportField.SurnameFirstName,
        ["honorific"] = ImportField.Honorific,
    }.ToFrozenDictionary();

    /// <summary>The contract's column name for a field (<c>partner_category</c>), as messages and exports use it.</summary>
    public static string ColumnName(ImportField field) => FieldWords.First(f => f.Value == field).Key;

    public static ImportVocabulary Parse(string columnsCsv, string valuesCsv, ICollection<DatasetError> errors)
    {
        var columns = new Dictionary<string, ImportField>();
        foreach (var (word, field) in FieldWords) columns[HeaderKey(word)] = field;
        var table = CsvTable.FromText(columnsCsv, "guidance/import-columns.csv", errors);
        foreach (var row in table?.Rows ?? [])
        {
            var r = new RowReader(table!, row, errors);
            var fieldWord = r.Required("field", "a field of memberships.csv, or given_name/family_name");
            var alias = r.Required("alias", "a header a spreadsheet may use");
            if (fieldWord is null || alias is null) continue;
            if (!FieldWords.TryGetValue(fieldWord, out var field))
            {
                r.Error("field", $"unknown field '{fieldWord}'; expected one of: {string.Join(", ", FieldWords.Keys)}");
                continue;
            }
            var key = HeaderKey(alias);
            if (columns.TryGetValue(key, out var existing) && existing != field)
                r.Error("alias", $"'{alias}' already means {ColumnName(existing)}; expected each alias once");
            else columns[key] = field;
        }

        var values = new Dictionary<(string, string), string>();
        var order = new List<(string, string)>();
        void Add((string Field, string Value) key, string means)
        {
            if (values.TryAdd(key, means)) order.Add(key);
        }
        foreach (var word in Vocabulary<SeatRole>.Words) Add(("role", Normalise(word)), word);
        foreach (var word in Vocabulary<SeatStatus>.Words) Add(("status", Normalise(word)), word);
        foreach (var word in Vocabulary<PartnerCategory>.Words) Add(("partner_category", Normalise(word)), word);
        Add(("voting", "yes"), "yes");
        Add(("voting", "no"), "no");
        table = CsvTable.FromText(valuesCsv, "guidance/import-values.csv", errors);
        foreach (var row in table?.Rows ?? [])
        {
            var r = new RowReader(table!, row, errors);
            var field = r.Required("field", "role, voting, status, partner_category or vacant_name");
            var value = r.Required("value", "the text a cell may hold");
            var means = r.Required("means", "the contract's word for it");
            if (field is null || value is null || means is null) continue;
            var valid = field switch
            {
                "role" => Vocabulary<SeatRole>.TryParse(means, out _),
                "status" => Vocabulary<SeatStatus>.TryParse(means, out _),
                "partner_category" => Vocabulary<PartnerCategory>.TryParse(means, out _),
                "voting" => means is "yes" or "no",
                "vacant_name" => means == "vacant",
                _ => false,
            };
            if (!valid)
            {
                r.Error("means", $"'{means}' is not a {field} word; expected a word of the data contract");
                continue;
            }
            var key = (field, Normalise(value));
            if (values.TryGetValue(key, out var existing) && existing != means)
                r.Error("value", $"'{value}' already means {existing}; expected each value once per field");
            else Add(key, means);
        }
        return new ImportVocabulary(columns, values, order);
    }
}
