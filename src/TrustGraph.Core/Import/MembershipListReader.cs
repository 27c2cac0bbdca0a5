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

    public static MembershipList? Read(string fileName, ReadOnlySpan<byte> content, ICollection<DatasetError> errors, ImportVocabulary? vocabulary = null,
        int maxRows = ImportLimits.DefaultMaxRows)
    {
        var text = SpreadsheetText.Decode(fileName, content, errors);
        return text is null ? null : Read(fileName, text, errors, vocabulary ?? ImportVocabulary.Default, maxRows);
    }

    /// <summary>
    /// Reads decoded text. At most <paramref name="maxRows"/> rows of members are read: a longer file is refused, at the
    /// line of the first row past the limit, before anything is planned, so memory stays bounded by the limit rather than
    /// by the file.
    /// </summary>
    public static MembershipList? Read(string fileName, DecodedText decoded, ICollection<DatasetError> errors, ImportVocabulary vocabulary,
        int maxRows = ImportLimits.DefaultMaxRows)
    {
        var text = decoded.Text;
        var hint = SeparatorHint(text);
        var separator = hint ?? Candidates
            .Select(c => (Separator: c, Score: HeaderScore(Records(text, c, HeaderSearchRows, fileName, null, null), vocabulary), Count: CountOutsideQuotes(text, c)))
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Count).First().Separator;

        var warnings = new List<DatasetError>();
        var fileErrors = new List<DatasetError>();
        var records = Records(text, separator, maxRows + HeaderSearchRows + 2, fileName, fileErrors, warnings, out var truncated);
        if (records is null || fileErrors.Count > 0)
        {
            foreach (var e in fileErrors) errors.Add(e);
            return null;
        }
        if (hint is not null && records.Count > 0 && records[0].Line == 1) records.RemoveAt(0);
        if (records.Count == 0)
        {
            errors.Add(new DatasetError(fileName, 0, 0, "the file has no rows, only separators; expected a header row and a row for each seat"));
            return null;
        }

        var headerIndex = FindHeader(records, vocabulary);
        var header = records[headerIndex];
        if (truncated || records.Count - headerIndex - 1 > maxRows)
        {
            var first = records[Math.Min(records.Count - 1, headerIndex + 1 + maxRows)];
            errors.Add(new DatasetError(fileName, first.Line, 0,
                $"the file has more than {maxRows:N0} rows of members (row {maxRows + 1:N0} is on this line), so it was not read further; expected one body's "
                + $"membership list, which has tens of rows (a large network has hundreds). Is this the right file? The limit is set in configuration "
                + $"(TrustGraph:Import:MaxRows; TRUSTGRAPH_IMPORT_MAX_ROWS for the command line)"));
            return null;
        }
        var before = errors.Count;
        var columns = MatchColumns(fileName, header, vocabulary, errors, out var ignored);
        if (!columns.Any(c => c.Field == ImportField.Post || ImportVocabulary.IsNameField(c.Field)))
        {
            var found = header.Fields.Select(f => f.Trim()).Where(f => f.Length > 0).Select(f => $"'{f}'");
            errors.Add(new DatasetError(fileName, header.Line, 0,
                $"the header has no column for the person's name or the post (found {string.Join(", ", found)}); expected a column named one of: "
                + $"{Aliases(vocabulary, ImportField.Person, ImportField.GivenName, ImportField.FamilyName, ImportField.SurnameFirstName)} (the name), or {Aliases(vocabulary, ImportField.Post)} (the post)"));
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
        if (errors.Count == before)
            foreach (var w in UnreadColumns(fileName, header, columns, records.Skip(headerIndex + 1).ToList(), vocabulary)) warnings.Add(w);
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
        int ColumnNumber(ImportField field) => columns.FirstOrDefault(c => c.Field == field)?.Column ?? 0;
        string? Cell(ImportField field)
        {
            var column = columns.FirstOrDefault(c => c.Field == field);
            if (column is null || column.Column > record.Fields.Length) return null;
            var raw = record.Fields[column.Column - 1];
            var text = literal ? raw.Trim() : CollapseSpace(raw);
            var value = FormulaGuard.Unescape(text);
            if (value.Length == 0 || (!literal && value.All(c => c is '-' or '\u2013' or '\u2014'))) return null;
            if (value != text) return value;
            if (FormulaGuard.DisplayText(value) is { } shown)
            {
                notes.Add(new DatasetError(file, record.Line, column.Column, $"the cell is a link, =HYPERLINK(…); its text '{shown}' was read"));
                value = shown;
            }
            if (FormulaGuard.RunsAsFormula(value))
            {
                errors.Add(new DatasetError(file, record.Line, column.Column, value[0] == '='
                    ? $"the cell holds a formula ({Shorten(value)}), not its value; expected text (in the spreadsheet, copy the column and Paste Special > Values, then save as CSV again)"
                    : $"the cell starts with '{value[0]}' ({Shorten(value)}), which a spreadsheet runs as a formula; expected text that starts with a letter or digit"));
                return null;
            }
            return value;
        }
        void Error(ImportField field, string message) =>
            errors.Add(new DatasetError(file, record.Line, ColumnNumber(field), message));

        var body = Cell(ImportField.Body);
        var post = Cell(ImportField.Post);
        var person = Cell(ImportField.Person);
        var personColumn = ColumnNumber(ImportField.Person);
        if (person is null && personColumn == 0 && Cell(ImportField.SurnameFirstName) is { } reversed)
        {
            personColumn = ColumnNumber(ImportField.SurnameFirstName);
            person = literal ? reversed : TurnSurnameFirst(reversed);
            if (person != reversed)
                notes.Add(new DatasetError(file, record.Line, personColumn, $"the name '{reversed}' was read as '{person}' (the column gives the surname first)"));
        }
        if (person is null && personColumn == 0)
        {
            var parts = new[] { Cell(ImportField.GivenName), Cell(ImportField.FamilyName) }.Where(p => p is not null);
            person = string.Join(' ', parts) is { Length: > 0 } joined ? joined : null;
            personColumn = ColumnNumber(ImportField.GivenName) is > 0 and var g ? g : ColumnNumber(ImportField.FamilyName);
        }
        if (person is not null && Cell(ImportField.Honorific) is { } honorific && !person.StartsWith(honorific + " ", StringComparison.OrdinalIgnoreCase))
            person = $"{honorific} {person}";
        var agency = Cell(ImportField.Agency);

        PartnerCategory? category = null;
        if (Cell(ImportField.PartnerCategory) is { } categoryText)
        {
            if (vocabulary.TryPartnerCategory(categoryText, out var c)) category = c;
            else Error(ImportField.PartnerCategory, $"unknown partner category '{categoryText}'; expected one of: {Vocabulary<PartnerCategory>.AllowedList}, or blank to infer it from the organisation");
        }

        bool? voting = null;
        if (Cell(ImportField.Voting) is { } votingText)
        {
            if (vocabulary.TryVoting(votingText, out var v)) voting = v;
            else Error(ImportField.Voting, $"unknown voting value '{votingText}'; expected one of: {vocabulary.AcceptedValues("voting")}, or blank when not stated");
        }

        SeatRole? role = null;
        if (Cell(ImportField.Role) is { } roleText)
        {
            if (vocabulary.TryRoleAndVoting(roleText, out var r, out var roleVoting))
            {
                role = r;
                if (roleVoting is not null && voting is null) voting = roleVoting;
            }
            else Error(ImportField.Role, $"unknown role '{roleText}'; expected one of: {Vocabulary<SeatRole>.AllowedList} (also accepted: {vocabulary.AcceptedValues("role")}), or blank for member");
        }

        SeatStatus? status = null;
        string? statusWord = null;
        if (Cell(ImportField.Status) is { } statusText)
        {
            if (vocabulary.TryStatus(statusText, out var s)) status = s;
            else if (!literal && vocabulary.VacancyWord(statusText) is { } word)
            {
                status = SeatStatus.Vacant;
                statusWord = word;
            }
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

        string? roleTakenFrom = null;
        if (!literal)
        {
            void TakeRole(RoleInCell found, string where, int column, Func<string, string> what)
            {
                if (role is { } stated && stated != found.Role)
                {
                    notes.Add(new DatasetError(file, record.Line, column,
                        $"the {where} '{found.Cell}' names the role {found.Role.ToWord()}, but the role column says {stated.ToWord()}; the role column was kept and the {where} read as '{found.Rest}'"));
                }
                else
                {
                    role = found.Role;
                    if (found.Voting is not null && voting is null) voting = found.Voting;
                    roleTakenFrom = $"the {where} '{found.Cell}'";
                    notes.Add(new DatasetError(file, record.Line, column,
                        $"the role {found.Role.ToWord()}{(found.Voting is { } fv ? (fv ? ", voting" : ", non-voting") : "")} was taken out of the {where} '{found.Cell}', leaving {what(found.Rest)}"));
                }
            }
            if (person is not null && RoleInCell.InName(person, vocabulary) is { } inName)
            {
                TakeRole(inName, "name", personColumn, rest => $"the name '{rest}'");
                person = inName.Rest;
            }
            if (post is not null && RoleInCell.InPost(post, vocabulary) is { } inPost)
            {
                TakeRole(inPost, "post", ColumnNumber(ImportField.Post), rest => $"the post '{rest}'");
                post = inPost.Rest;
            }
        }

        if (!literal && person is not null && columns.All(c => c.Field != ImportField.SurnameFirstName) && SurnameFirst(person) is { } turned)
        {
            notes.Add(new DatasetError(file, record.Line, personColumn, $"the name '{person}' was read as '{turned}' (surname first)"));
            person = turned;
        }

        string? vacantBecause = null;
        if (!literal && person is not null && vocabulary.VacancyWord(person) is { } vacancy)
        {
            vacantBecause = $"the name cell says '{person}' (read as the vacancy word '{vacancy}')";
            person = null;
        }
        else if (statusWord is not null)
            vacantBecause = $"the status says '{Cell(ImportField.Status)}' (read as the vacancy word '{statusWord}')";
        else if (!literal && person is null && post is not null && personColumn > 0)
            vacantBecause = "the name is blank";

        if (post is null && person is null)
        {
            var column = ColumnNumber(ImportField.Post) is > 0 and var p ? p : personColumn;
            errors.Add(new DatasetError(file, record.Line, column, vacantBecause is not null
                ? $"this row marks a vacant seat ({vacantBecause}) but gives no post; expected the post that is vacant"
                : "this row has neither a name nor a post; expected the person's name, the post, or both"));
        }
        if (errors.Count > before) return null;

        var finalStatus = status ?? (vacantBecause is not null ? SeatStatus.Vacant : SeatStatus.Filled);
        return new MembershipRow(record.Line, body, post, person, agency, category, role ?? SeatRole.Member, voting, finalStatus, source)
        {
            VacantBecause = status is null || statusWord is not null ? vacantBecause : null,
            RoleTakenFrom = roleTakenFrom,
        };
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..37] + "…";

    /// <summary>
    /// Warnings for columns the vocabulary does not know that hold what look like names or roles: a column headed
    /// "Rep" or "Deputy" full of people is as likely a mistake in the header as a column to ignore, so the preview says so.
    /// </summary>
    private static IEnumerable<DatasetError> UnreadColumns(string file, CsvRow header, IReadOnlyList<ColumnMatch> columns, List<CsvRow> rows, ImportVocabulary vocabulary)
    {
        for (var i = 0; i < header.Fields.Length; i++)
        {
            var name = header.Fields[i].Trim().TrimStart('\uFEFF').Trim();
            if (name.Length == 0 || columns.Any(c => c.Column == i + 1)) continue;
            var values = rows.Select(r => i < r.Fields.Length ? CollapseSpace(r.Fields[i]) : "").Where(v => v.Length > 0).ToList();
            if (values.Count == 0) continue;
            var names = values.Where(v => LooksLikeName(v, vocabulary)).ToList();
            var roles = values.Where(v => vocabulary.TryRoleAndVoting(v, out _, out _)).ToList();
            string? kind = null;
            string? example = null;
            if (names.Count * 2 >= values.Count) (kind, example) = ("names", names[0]);
            else if (roles.Count * 2 >= values.Count) (kind, example) = ("roles", roles[0]);
            if (kind is null) continue;
            var expected = kind == "names"
                ? Aliases(vocabulary, ImportField.Person).Split(", ").Take(4)
                : Aliases(vocabulary, ImportField.Role).Split(", ").Take(4);
            yield return new DatasetError(file, header.Line, i + 1,
                $"the column '{name}' was not read, but it holds what look like {kind} (e.g. '{example}'); if it is the {(kind == "names" ? "person's name" : "role")}, "
                + $"rename its header to one of {string.Join(", ", expected)} and import again");
        }
    }

    private static readonly string[] Honorifics = ["cllr", "councillor", "dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "revd", "rev", "sir", "dame", "lord", "lady"];

    /// <summary>Two to five words, each starting with a capital letter and made of letters, hyphens, apostrophes and full stops; not an organisation's name.</summary>
    private static bool LooksLikeName(string value, ImportVocabulary vocabulary)
    {
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0 && Honorifics.Contains(words[0].TrimEnd('.').ToLowerInvariant())) words.RemoveAt(0);
        if (words.Count is < 2 or > 4) return false;
        if (!words.All(w => char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c is '-' or '\'' or '\u2019' or '.'))) return false;
        if (vocabulary.IsVacantName(value) || vocabulary.TryRoleAndVoting(value, out _, out _)) return false;
        return AgencyCategories.Default.Infer(value, value, null, null) is null;
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
                // "Title" beside "Job title" is the person's title (Cllr, Dr), as in a mail-merge list.
                var titleHere = ImportVocabulary.HeaderKey(name) == "title";
                var titleFirst = ImportVocabulary.HeaderKey(first.Header) == "title";
                if (field == ImportField.Post && (titleHere || titleFirst) && columns.All(c => c.Field != ImportField.Honorific))
                {
                    if (titleFirst)
                    {
                        columns.Remove(first);
                        columns.Add(first with { Field = ImportField.Honorific });
                        columns.Add(new ColumnMatch(i + 1, name, field));
                    }
                    else columns.Add(new ColumnMatch(i + 1, name, ImportField.Honorific));
                    continue;
                }
                errors.Add(new DatasetError(file, header.Line, i + 1,
                    $"columns '{first.Header}' (column {first.Column}) and '{name}' (column {i + 1}) both mean {ImportVocabulary.ColumnName(field)}; expected one column for each field (rename or delete one)"));
                continue;
            }
            columns.Add(new ColumnMatch(i + 1, name, field));
        }
        columns.Sort((a, b) => a.Column.CompareTo(b.Column));
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
        row.Fields.Any(f => vocabulary.FieldOf(f) is { } field && (field == ImportField.Post || ImportVocabulary.IsNameField(field)));

    private static int Score(CsvRow row, ImportVocabulary vocabulary) =>
        row.Fields.Select(vocabulary.FieldOf).Where(f => f is not null).Distinct().Count();

    private static int HeaderScore(List<CsvRow>? records, ImportVocabulary vocabulary) =>
        records is null || records.Count == 0 ? 0 : records.Max(r => NamesSeat(r, vocabulary) ? Score(r, vocabulary) : 0);

    private static List<CsvRow>? Records(string text, char separator, int limit, string file, ICollection<DatasetError>? errors, ICollection<DatasetError>? warnings) =>
        Records(text, separator, limit, file, errors, warnings, out _);

    /// <summary>
    /// The rows of the text that are not blank, at most <paramref name="limit"/> of them; <paramref name="truncated"/>
    /// says whether there were more. Blank rows (a spreadsheet's trailing ";;;;") are skipped as they are read.
    /// </summary>
    private static List<CsvRow>? Records(string text, char separator, int limit, string file, ICollection<DatasetError>? errors, ICollection<DatasetError>? warnings, out bool truncated)
    {
        truncated = false;
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
            while (reader.Read())
            {
                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i) ?? "";
                if (LastNonBlank(fields) < 0) continue;
                if (rows.Count == limit)
                {
                    truncated = true;
                    break;
                }
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

    /// <summary>A cell of a "Surname, Forename" column: "Keble, Richard" → "Richard Keble"; honours after a second comma stay at the end.</summary>
    internal static string TurnSurnameFirst(string cell)
    {
        var parts = cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length < 2 ? cell : string.Join(' ', new[] { parts[1], parts[0] }.Concat(parts.Skip(2)));
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
/// Spreadsheets run a cell that starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> as a formula, and the dataset's
/// files are opened in spreadsheets, so no such cell is ever stored. Exports put an apostrophe in front of such a cell
/// (Excel's mark for "this is text"); reading takes it off. A link, <c>=HYPERLINK("url","Marcus Hart")</c>, is read as
/// the text it shows; any other formula is refused at its line and column.
/// </summary>
public static class FormulaGuard
{
    public static string Unescape(string cell) =>
        cell.Length >= 2 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;

    /// <summary>True when a spreadsheet would run the text as a formula.</summary>
    public static bool RunsAsFormula(string cell) => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@';

    private static readonly System.Text.RegularExpressions.Regex Hyperlink = new(
        @"^=\s*HYPERLINK\s*\(\s*""(?<url>(?:[^""]|"""")*)""\s*(?:[,;]\s*""(?<text>(?:[^""]|"""")*)""\s*)?\)\s*$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The text a <c>=HYPERLINK(…)</c> cell shows (its second argument, else its address), or null for any other cell.</summary>
    public static string? DisplayText(string cell)
    {
        var m = Hyperlink.Match(cell);
        if (!m.Success) return null;
        var shown = (m.Groups["text"].Success ? m.Groups["text"].Value : m.Groups["url"].Value).Replace("\"\"", "\"").Trim();
        return shown;
    }
}

/// <summary>
/// A role a clerk wrote into another cell: "Gail Quinton (Chair)" or "Cllr Marcus Hart (Vice-Chair)" in the name,
/// "Chair. Director of Children's Services" or "Head of Service (in attendance)" in the post. <see cref="Rest"/> is the
/// cell without it, so that the person still matches their seats on other bodies.
/// </summary>
public sealed record RoleInCell(string Cell, string Rest, SeatRole Role, bool? Voting)
{
    /// <summary>A role in brackets at the end of a name, or after a spaced dash or comma ("Gail Quinton – Chair").</summary>
    public static RoleInCell? InName(string cell, ImportVocabulary vocabulary) =>
        Bracketed(cell, vocabulary) ?? Trailing(cell, vocabulary, [", ", " - ", " \u2013 ", " \u2014 "]);

    /// <summary>A role in brackets at the end of a post, or before a full stop, colon or spaced dash at its start ("Chair. Director of…").</summary>
    public static RoleInCell? InPost(string cell, ImportVocabulary vocabulary) =>
        Bracketed(cell, vocabulary) ?? Leading(cell, vocabulary) ?? Trailing(cell, vocabulary, [" - ", " \u2013 ", " \u2014 "]);

    private static RoleInCell? Bracketed(string cell, ImportVocabulary vocabulary)
    {
        var t = cell.TrimEnd();
        if (t.Length < 4 || t[^1] is not (')' or ']')) return null;
        var open = t.LastIndexOf(t[^1] == ')' ? '(' : '[');
        if (open <= 0) return null;
        var rest = t[..open].Trim().TrimEnd(',', '-', '\u2013').Trim();
        return rest.Length > 0 && vocabulary.TryRoleAndVoting(t[(open + 1)..^1], out var role, out var voting)
            ? new RoleInCell(cell, rest, role, voting) : null;
    }

    private static RoleInCell? Leading(string cell, ImportVocabulary vocabulary)
    {
        foreach (var separator in new[] { ". ", ": ", " - ", " \u2013 ", " \u2014 " })
        {
            var at = cell.IndexOf(separator, StringComparison.Ordinal);
            if (at <= 0) continue;
            var rest = cell[(at + separator.Length)..].Trim();
            if (rest.Length > 0 && vocabulary.TryRoleAndVoting(cell[..at], out var role, out var voting))
                return new RoleInCell(cell, rest, role, voting);
        }
        return null;
    }

    private static RoleInCell? Trailing(string cell, ImportVocabulary vocabulary, string[] separators)
    {
        foreach (var separator in separators)
        {
            var at = cell.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0) continue;
            var rest = cell[..at].Trim();
            if (rest.Length > 0 && vocabulary.TryRoleAndVoting(cell[(at + separator.Length)..], out var role, out var voting))
                return new RoleInCell(cell, rest, role, voting);
        }
        return null;
    }
}

/// <summary>How long a membership list may be. A body's list has tens of rows and a large network hundreds, so a file with thousands is the wrong file.</summary>
public static class ImportLimits
{
    /// <summary>The default most rows of members a file may have; hosts read their own from configuration.</summary>
    public const int DefaultMaxRows = 5000;
}
