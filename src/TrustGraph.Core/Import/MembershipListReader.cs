using CsvHelper;
using TrustGraph.Loading;
using TrustGraph.Model;
using CsvRow = TrustGraph.Loading.CsvRow;

namespace TrustGraph.Import;

/// <summary>
/// Reads a membership list exported from a spreadsheet: decodes it (<see cref="SpreadsheetText"/>), finds the separator
/// (comma, semicolon or tab, or Excel's <c>sep=</c> line) and the header row (title rows above it are skipped), matches
/// the headers through <see cref="ImportVocabulary"/>, and reads every row into the contract's terms. Every problem is
/// collected with its line and column; nothing is thrown for bad input.
/// </summary>
public static class MembershipListReader
{
    private static readonly char[] Candidates = [',', ';', '\t'];
    private const int HeaderSearchRows = 20;

    public static MembershipList? Read(string fileName, ReadOnlySpan<byte> content, ICollection<DatasetError> errors, ImportVocabulary? vocabulary = null)
    {
        var text = SpreadsheetText.Decode(fileName, content, errors);
        return text is null ? null : Read(fileName, text, errors, vocabulary ?? ImportVocabulary.Default);
    }

    public static MembershipList? Read(string fileName, DecodedText decoded, ICollection<DatasetError> errors, ImportVocabulary vocabulary)
    {
        var text = decoded.Text;
        var hint = SeparatorHint(text);
        var separator = hint ?? Candidates
            .Select(c => (Separator: c, Score: HeaderScore(Records(text, c, HeaderSearchRows, fileName, null, null), vocabulary), Count: CountOutsideQuotes(text, c)))
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Count).First().Separator;

        var warnings = new List<DatasetError>();
        var fileErrors = new List<DatasetError>();
        var records = Records(text, separator, int.MaxValue, fileName, fileErrors, warnings);
        if (records is null || fileErrors.Count > 0)
        {
            foreach (var e in fileErrors) errors.Add(e);
            return null;
        }
        if (hint is not null && records.Count > 0 && records[0].Line == 1) records.RemoveAt(0);
        records.RemoveAll(r => LastNonBlank(r.Fields) < 0);
        if (records.Count == 0)
        {
            errors.Add(new DatasetError(fileName, 0, 0, "the file has no rows, only separators; expected a header row and a row for each seat"));
            return null;
        }

        var headerIndex = FindHeader(records, vocabulary);
        var header = records[headerIndex];
        var before = errors.Count;
        var columns = MatchColumns(fileName, header, vocabulary, errors, out var ignored);
        if (!columns.Any(c => c.Field is ImportField.Person or ImportField.Post or ImportField.GivenName or ImportField.FamilyName))
        {
            var found = header.Fields.Select(f => f.Trim()).Where(f => f.Length > 0).Select(f => $"'{f}'");
            errors.Add(new DatasetError(fileName, header.Line, 0,
                $"the header has no column for the person's name or the post (found {string.Join(", ", found)}); expected a column named one of: "
                + $"{Aliases(vocabulary, ImportField.Person, ImportField.GivenName, ImportField.FamilyName)} (the name), or {Aliases(vocabulary, ImportField.Post)} (the post)"));
        }
        if (errors.Count > before) return null;

        var contractFormat = DatasetWriter.RequiredMembershipColumns.All(name => header.Fields.Any(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase)));
        var width = LastNonBlank(header.Fields) + 1;
        var rows = new List<MembershipRow>();
        foreach (var record in records.Skip(headerIndex + 1))
        {
            var used = LastNonBlank(record.Fields) + 1;
            if (used > width)
            {
                errors.Add(new DatasetError(fileName, record.Line, width + 1,
                    $"this row has {used} fields but the header has {width}; expected at most {width} "
                    + $"(is a {SeparatorWord(separator)} inside a value that is not in quotes?)"));
                continue;
            }
            if (ReadRow(fileName, record, columns, contractFormat, vocabulary, errors, warnings) is { } row) rows.Add(row);
        }
        if (headerIndex > 0)
            warnings.Insert(0, new DatasetError(fileName, header.Line, 0, $"the header is on line {header.Line}; the {headerIndex} row{(headerIndex == 1 ? "" : "s")} above it {(headerIndex == 1 ? "was" : "were")} taken as titles and ignored"));
        if (errors.Count > before) return null;
        return new MembershipList(fileName, decoded.Encoding, separator, header.Line, contractFormat, columns, ignored, rows)
        {
            Warnings = warnings,
        };
    }

    private static MembershipRow? ReadRow(string file, CsvRow record, IReadOnlyList<ColumnMatch> columns, bool literal,
        ImportVocabulary vocabulary, ICollection<DatasetError> errors, ICollection<DatasetError> notes)
    {
        var before = errors.Count;
        string? Cell(ImportField field)
        {
            var column = columns.FirstOrDefault(c => c.Field == field);
            if (column is null || column.Column > record.Fields.Length) return null;
            var raw = record.Fields[column.Column - 1];
            var value = FormulaGuard.Unescape(literal ? raw.Trim() : CollapseSpace(raw));
            return value.Length == 0 ? null : value;
        }
        void Error(ImportField field, string message) =>
            errors.Add(new DatasetError(file, record.Line, columns.First(c => c.Field == field).Column, message));

        var body = Cell(ImportField.Body);
        var post = Cell(ImportField.Post);
        var person = Cell(ImportField.Person);
        if (person is null && columns.All(c => c.Field != ImportField.Person))
        {
            var parts = new[] { Cell(ImportField.GivenName), Cell(ImportField.FamilyName) }.Where(p => p is not null);
            person = string.Join(' ', parts) is { Length: > 0 } joined ? joined : null;
        }
        var agency = Cell(ImportField.Agency);

        PartnerCategory? category = null;
        if (Cell(ImportField.PartnerCategory) is { } categoryText)
        {
            if (vocabulary.TryPartnerCategory(categoryText, out var c)) category = c;
            else Error(ImportField.PartnerCategory, $"unknown partner category '{categoryText}'; expected one of: {Vocabulary<PartnerCategory>.AllowedList}, or blank to infer it from the organisation");
        }

        var role = SeatRole.Member;
        if (Cell(ImportField.Role) is { } roleText)
        {
            if (vocabulary.TryRole(roleText, out var r)) role = r;
            else Error(ImportField.Role, $"unknown role '{roleText}'; expected one of: {Vocabulary<SeatRole>.AllowedList} (also accepted: {vocabulary.AcceptedValues("role")}), or blank for member");
        }

        bool? voting = null;
        if (Cell(ImportField.Voting) is { } votingText)
        {
            if (vocabulary.TryVoting(votingText, out var v)) voting = v;
            else Error(ImportField.Voting, $"unknown voting value '{votingText}'; expected one of: {vocabulary.AcceptedValues("voting")}, or blank when not stated");
        }

        SeatStatus? status = null;
        if (Cell(ImportField.Status) is { } statusText)
        {
            if (vocabulary.TryStatus(statusText, out var s)) status = s;
            else Error(ImportField.Status, $"unknown status '{statusText}'; expected one of: {vocabulary.AcceptedValues("status")}, or blank");
        }

        SourceRef? source = null;
        if (Cell(ImportField.Source) is { } sourceText)
        {
            var parsed = SourceRef.Parse(sourceText);
            if (Slug.IsValid(parsed.SourceId)) source = parsed;
            else Error(ImportField.Source, $"'{sourceText}' is not a source reference; expected a source id from sources.csv (a lower-case slug) optionally followed by #locator, or blank");
        }

        if (body is not null && !Slug.IsValid(body))
            Error(ImportField.Body, $"'{body}' is not a body id; expected a lower-case slug of a-z, 0-9 and '-', or blank");

        if (!literal && person is not null && SurnameFirst(person) is { } turned)
        {
            notes.Add(new DatasetError(file, record.Line, columns.First(c => c.Field == ImportField.Person).Column,
                $"the name '{person}' was read as '{turned}' (surname first)"));
            person = turned;
        }

        string? vacantBecause = null;
        if (!literal && person is not null && vocabulary.IsVacantName(person))
        {
            vacantBecause = $"the name is '{person}'";
            person = null;
        }
        else if (!literal && person is null && post is not null && columns.Any(c => c.Field is ImportField.Person or ImportField.GivenName or ImportField.FamilyName))
            vacantBecause = "the name is blank";

        if (post is null && person is null)
        {
            var column = columns.FirstOrDefault(c => c.Field == ImportField.Post) ?? columns.First(c => c.Field is ImportField.Person or ImportField.GivenName or ImportField.FamilyName);
            errors.Add(new DatasetError(file, record.Line, column.Column, vacantBecause is not null
                ? $"this row marks a vacant seat ({vacantBecause}) but gives no post; expected the post that is vacant"
                : "this row has neither a name nor a post; expected the person's name, the post, or both"));
        }
        if (errors.Count > before) return null;

        var finalStatus = status ?? (vacantBecause is not null ? SeatStatus.Vacant : SeatStatus.Filled);
        return new MembershipRow(record.Line, body, post, person, agency, category, role, voting, finalStatus, source)
        {
            VacantBecause = status is null ? vacantBecause : null,
        };
    }

    private static List<ColumnMatch> MatchColumns(string file, CsvRow header, ImportVocabulary vocabulary, ICollection<DatasetError> errors, out List<string> ignored)
    {
        var columns = new List<ColumnMatch>();
        ignored = [];
        for (var i = 0; i < header.Fields.Length; i++)
        {
            var name = header.Fields[i].Trim().TrimStart('\uFEFF').Trim();
            if (name.Length == 0) continue;
            if (vocabulary.FieldOf(name) is not { } field)
            {
                ignored.Add(name);
                continue;
            }
            if (columns.FirstOrDefault(c => c.Field == field) is { } first)
            {
                errors.Add(new DatasetError(file, header.Line, i + 1,
                    $"columns '{first.Header}' (column {first.Column}) and '{name}' (column {i + 1}) both mean {ImportVocabulary.ColumnName(field)}; expected one column for each field (rename or delete one)"));
                continue;
            }
            columns.Add(new ColumnMatch(i + 1, name, field));
        }
        return columns;
    }

    /// <summary>The first of the opening rows that names at least two known columns, one of them a name or post; else the first row.</summary>
    private static int FindHeader(List<CsvRow> records, ImportVocabulary vocabulary)
    {
        for (var i = 0; i < Math.Min(records.Count, HeaderSearchRows); i++)
            if (Score(records[i], vocabulary) >= 2 && NamesSeat(records[i], vocabulary)) return i;
        for (var i = 0; i < Math.Min(records.Count, HeaderSearchRows); i++)
            if (NamesSeat(records[i], vocabulary)) return i;
        return 0;
    }

    private static bool NamesSeat(CsvRow row, ImportVocabulary vocabulary) =>
        row.Fields.Any(f => vocabulary.FieldOf(f) is ImportField.Person or ImportField.Post or ImportField.GivenName or ImportField.FamilyName);

    private static int Score(CsvRow row, ImportVocabulary vocabulary) =>
        row.Fields.Select(vocabulary.FieldOf).Where(f => f is not null).Distinct().Count();

    private static int HeaderScore(List<CsvRow>? records, ImportVocabulary vocabulary) =>
        records is null || records.Count == 0 ? 0 : records.Max(r => NamesSeat(r, vocabulary) ? Score(r, vocabulary) : 0);

    private static List<CsvRow>? Records(string text, char separator, int limit, string file, ICollection<DatasetError>? errors, ICollection<DatasetError>? warnings)
    {
        var options = CsvTable.Options(separator);
        if (errors is not null && warnings is not null)
            options = options with
            {
                OnMalformedRecord = m =>
                {
                    if (m.Reason == CsvMalformedReason.UnterminatedQuote)
                        errors.Add(new DatasetError(file, (int)m.LineNumber, 0,
                            "a quoted value that starts in this row is never closed, so everything after it would be read as one cell; expected a closing \" (check for a stray quote mark)"));
                    else if (m.Reason is CsvMalformedReason.StrayQuote or CsvMalformedReason.TextAfterClosingQuote)
                        warnings.Add(new DatasetError(file, (int)m.LineNumber, 0,
                            "this row has a quote mark inside a value that is not quoted; it was kept as part of the text"));
                },
            };

        var rows = new List<CsvRow>();
        try
        {
            using var reader = CsvReader.FromText(text, options);
            while (rows.Count < limit && reader.Read())
            {
                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i) ?? "";
                rows.Add(new CsvRow((int)reader.LineNumber, fields));
            }
            return rows;
        }
        catch (CsvFormatException e)
        {
            errors?.Add(new DatasetError(file, (int)e.LineNumber, 0, $"the file is not valid CSV here: {e.Message}; expected a CSV export of a membership list"));
            return null;
        }
    }

    /// <summary>Excel's first line <c>sep=;</c> names the separator.</summary>
    private static char? SeparatorHint(string text)
    {
        var t = text.TrimStart('\uFEFF');
        if (t.Length < 5 || !t.StartsWith("sep=", StringComparison.OrdinalIgnoreCase)) return null;
        var end = t.Length == 5 || t[5] is '\r' or '\n';
        return end && t[4] is ',' or ';' or '\t' or '|' ? t[4] : (char?)null;
    }

    private static int CountOutsideQuotes(string text, char separator)
    {
        var count = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r' && count > 0) return count;
            else if (!quoted && c == separator) count++;
        }
        return count;
    }

    private static string Aliases(ImportVocabulary vocabulary, params ImportField[] fields) =>
        string.Join(", ", fields.SelectMany(f => vocabulary.Aliases.GetValueOrDefault(f) ?? []).Select(a => $"'{a}'"));

    private static string SeparatorWord(char separator) => separator switch { ',' => "comma", ';' => "semicolon", '\t' => "tab", _ => $"'{separator}'" };

    /// <summary>
    /// "Keble, Richard" → "Richard Keble": a one-word surname, a comma, and one to three given names. Not a name
    /// followed by honours ("Richard Keble, OBE"), nor one with several commas.
    /// </summary>
    internal static string? SurnameFirst(string name)
    {
        var parts = name.Split(',');
        if (parts.Length != 2) return null;
        var surname = parts[0].Trim();
        var given = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (surname.Length == 0 || surname.Contains(' ') || given.Length is 0 or > 3) return null;
        if (given.Any(w => w.Length >= 2 && w.All(c => char.IsUpper(c) || c == '.'))) return null;
        if (!surname.All(c => char.IsLetter(c) || c is '-' or '\'' or '\u2019')) return null;
        return $"{string.Join(' ', given)} {surname}";
    }

    private static string CollapseSpace(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static int LastNonBlank(string[] fields)
    {
        for (var i = fields.Length - 1; i >= 0; i--)
            if (!string.IsNullOrWhiteSpace(fields[i])) return i;
        return -1;
    }
}

/// <summary>
/// Spreadsheets run a cell that starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> as a formula, so exports put an
/// apostrophe in front of such a cell (Excel's mark for "this is text"). Reading takes that apostrophe off again, so
/// an exported list imports back unchanged.
/// </summary>
public static class FormulaGuard
{
    public static string Unescape(string cell) =>
        cell.Length >= 2 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;
}
