using TrustGraph.Model;

namespace TrustGraph.Loading;

/// <summary>The outcome of loading a dataset: the dataset when it is valid, and every problem found.</summary>
public sealed record LoadResult(Dataset? Dataset, IReadOnlyList<DatasetError> Errors)
{
    public bool IsValid => Dataset is not null;
}

/// <summary>
/// Loads a dataset folder in the format of the data contract (v1), validating everything and
/// reporting every problem with its file, line and column. A dataset with any error is rejected whole.
/// </summary>
public static class DatasetLoader
{
    public static readonly string[] AuthorityFiles =
        ["arrangements.csv", "bodies.csv", "memberships.csv", "accountability.csv", "duties.csv"];

    public static LoadResult Load(string directory)
    {
        var stream = DatasetStream.Open(directory);
        var structures = stream.Structures().ToList();
        return stream.Errors.Count > 0
            ? new LoadResult(null, stream.Errors)
            : new LoadResult(new Dataset(structures, stream.Sources), stream.Errors);
    }

    /// <summary>The order errors are reported in: by file, then line, then column.</summary>
    internal static int ErrorOrder(DatasetError a, DatasetError b)
    {
        var byFile = string.CompareOrdinal(a.File, b.File);
        return byFile != 0 ? byFile : a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column);
    }

    private static CsvTable? Open(string path, string display, string[] requiredColumns, List<DatasetError> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add(new DatasetError(display, 0, 0, $"the file is missing; expected a CSV with columns {string.Join(",", requiredColumns)}"));
            return null;
        }
        var table = CsvTable.Read(path, display, errors);
        if (table is null) return null;
        var missing = requiredColumns.Where(c => table.IndexOf(c) < 0).ToList();
        if (missing.Count == 0) return table;
        foreach (var column in missing)
            errors.Add(new DatasetError(display, 1, 0,
                $"the header has no '{column}' column; expected columns {string.Join(",", requiredColumns)} (found {string.Join(",", table.ColumnNames)})"));
        return null;
    }

    internal static List<Source> ReadSources(string directory, List<DatasetError> errors)
    {
        var result = new List<Source>();
        var table = Open(Path.Combine(directory, "sources.csv"), "sources.csv", ["id", "title", "publisher", "date"], errors);
        if (table is null) return result;
        var seen = new Dictionary<string, int>();
        foreach (var row in table.Rows)
        {
            var r = new RowReader(table, row, errors);
            var id = r.Id("id", "a source id");
            var title = r.Required("title", "the document's title");
            if (id is null || title is null) continue;
            if (Unique(seen, id, r, "id", "source")) result.Add(new Source(id, title, r.Optional("publisher"), r.Optional("date")));
        }
        return result;
    }

    internal static List<Authority> ReadAuthorities(string directory, List<DatasetError> errors)
    {
        var result = new List<Authority>();
        var table = Open(Path.Combine(directory, "authorities.csv"), "authorities.csv", ["id", "name", "ons_code", "tier"], errors);
        if (table is null) return result;
        var seen = new Dictionary<string, int>();
        foreach (var row in table.Rows)
        {
            var r = new RowReader(table, row, errors);
            var id = r.Id("id", "an authority id");
            var name = r.Required("name", "the authority's name");
            var tier = r.Enum<AuthorityTier>("tier", required: false);
            if (id is null || name is null) continue;
            if (Unique(seen, id, r, "id", "authority")) result.Add(new Authority(id, name, r.Optional("ons_code"), tier));
        }
        return result;
    }

    internal static AuthorityStructure ReadAuthority(
        string folder, Authority authority, List<DatasetError> errors, SourceCatalogue references)
    {
        references.ForgetParsed();
        // The model keeps one string per distinct id, post and agency: they repeat on row after row, and are looked up as spans
        // in the reader's buffer, so a repeat allocates nothing.
        var pool = new StringPool();
        string Display(string file) => $"{authority.Id}/{file}";
        CsvCursor? Open(string file, string[] columns) => CsvCursor.Open(Path.Combine(folder, file), Display(file), columns, errors);

        var arrangements = new List<Arrangement>();
        var seen = new Dictionary<string, int>();
        using (var r = Open("arrangements.csv", ["id", "status", "in_force", "source"]))
        {
            if (r is not null)
            {
                var (idColumn, statusColumn, inForceColumn, sourceColumn, noteColumn) =
                    (r.Column("id"), r.Column("status"), r.Column("in_force"), r.Column("source"), r.Column("note"));
                while (r.Next())
                {
                    var id = r.Id(idColumn, "an arrangement id such as 2009 or proposed-2010", pool);
                    var status = r.Enum<ArrangementStatus>(statusColumn, required: true);
                    var inForce = r.Date(inForceColumn);
                    var source = r.SourceRef(sourceColumn, references);
                    if (id is null || status is null || source is null) continue;
                    if (Unique(seen, id, r, idColumn, "arrangement"))
                        arrangements.Add(new Arrangement(id, status.Value, inForce, source.Value) { Note = r.Text(noteColumn) });
                }
                if (r.Failed) arrangements.Clear();
            }
        }
        var arrangementIds = arrangements.Select(a => a.Id).ToHashSet();

        var bodies = new List<Body>();
        seen = new Dictionary<string, int>();
        var partOfRows = new List<(string File, int Line, int Column, string Parent)>();
        using (var r = Open("bodies.csv", ["id", "name", "kind", "layer", "arrangement", "meets_per_year", "source"]))
        {
            if (r is not null)
            {
                var (idColumn, nameColumn, kindColumn, layerColumn, arrangementColumn, meetsColumn, sourceColumn) =
                    (r.Column("id"), r.Column("name"), r.Column("kind"), r.Column("layer"), r.Column("arrangement"), r.Column("meets_per_year"), r.Column("source"));
                var (partOfColumn, listedColumn, basisColumn, noteColumn) =
                    (r.Column("part_of"), r.Column("membership_listed"), r.Column("basis"), r.Column("note"));
                while (r.Next())
                {
                    var id = r.Id(idColumn, "a body id", pool);
                    var name = r.Required(nameColumn, "the body's name");
                    var kind = r.Enum<BodyKind>(kindColumn, required: true);
                    var layer = r.Enum<OnionLayer>(layerColumn, required: true);
                    var arrangement = pool.Get(r.Value(arrangementColumn));
                    if (arrangement is not null && !arrangementIds.Contains(arrangement))
                    {
                        r.Error(arrangementColumn, $"arrangement '{arrangement}' is not in {authority.Id}/arrangements.csv; expected one of: {Listed(arrangementIds)}, or blank for every arrangement");
                        continue;
                    }
                    var meets = r.NonNegativeInt(meetsColumn);
                    var source = r.SourceRef(sourceColumn, references);
                    if (id is null || name.IsEmpty || kind is null || layer is null || source is null) continue;
                    if (!Unique(seen, id, r, idColumn, "body")) continue;
                    var listed = r.Value(listedColumn);
                    if (!listed.IsEmpty && !listed.SequenceEqual("full"u8) && !listed.SequenceEqual("partial"u8))
                        r.Error(listedColumn, $"unknown membership_listed '{r.Text(listedColumn)}'; expected full, partial, or blank (full)");
                    var partOf = pool.Get(r.Value(partOfColumn));
                    var body = new Body(id, r.Text(nameColumn)!, kind.Value, layer.Value, arrangement, meets, source.Value)
                    {
                        PartOf = partOf,
                        MembershipPartial = listed.SequenceEqual("partial"u8),
                        Basis = r.Basis(basisColumn),
                        Note = r.Text(noteColumn),
                    };
                    bodies.Add(r.Remember(body));
                    if (partOf is not null) partOfRows.Add((r.File, r.Line, partOfColumn.Index + 1, partOf));
                }
                if (r.Failed)
                {
                    bodies.Clear();
                    seen.Clear();
                    partOfRows.Clear();
                }
            }
        }
        var bodyIds = bodies.Select(b => b.Id).ToHashSet();
        foreach (var (file, line, column, parent) in partOfRows)
            if (!bodyIds.Contains(parent))
                errors.Add(new DatasetError(file, line, column,
                    $"body '{parent}' is not in {authority.Id}/bodies.csv; expected the id of the body this one is part of, or blank"));
        // Rows below name bodies tens of thousands of times: the pool's marks answer "a valid body?" in the lookup that finds the id.
        const int ListedBody = 1, ValidBody = 2;
        foreach (var id in seen.Keys) pool.Mark(id, ListedBody);
        foreach (var id in bodyIds) pool.Mark(id, ValidBody);

        // A reference to a body: the id kept once, or null (with the error recorded) when blank or not a body of this authority.
        bool KnownBody(CsvCursor r, CsvColumn column, string what, out string? id)
        {
            id = pool.Get(r.Required(column, what), out var mark);
            if (id is null) return false;
            if ((mark & ValidBody) != 0) return true;
            if ((mark & ListedBody) == 0)
                r.Error(column, $"body '{id}' is not in {authority.Id}/bodies.csv; expected the id of a body of {authority.Name}");
            return false;
        }

        var seats = new List<Seat>();
        using (var r = Open("memberships.csv", ["body", "post", "person", "agency", "partner_category", "role", "voting", "status", "source"]))
        {
            if (r is not null)
            {
                var (bodyColumn, postColumn, personColumn, agencyColumn, categoryColumn, roleColumn) =
                    (r.Column("body"), r.Column("post"), r.Column("person"), r.Column("agency"), r.Column("partner_category"), r.Column("role"));
                var (votingColumn, statusColumn, sourceColumn, basisColumn, noteColumn) =
                    (r.Column("voting"), r.Column("status"), r.Column("source"), r.Column("basis"), r.Column("note"));
                while (r.Next())
                {
                    var known = KnownBody(r, bodyColumn, "the id of the body the seat is on", out var body);
                    var named = r.Has(postColumn) || r.Has(personColumn);
                    if (!named) r.Error(postColumn, "both 'post' and 'person' are empty; expected the post, the person's name, or both");
                    var category = r.Enum<PartnerCategory>(categoryColumn, required: false);
                    var role = r.Enum<SeatRole>(roleColumn, required: false);
                    var voting = r.YesNo(votingColumn);
                    var status = r.Enum<SeatStatus>(statusColumn, required: false);
                    var source = r.SourceRef(sourceColumn, references);
                    if (!known || !named || source is null) continue;
                    if (r.Has(roleColumn) && role is null) continue;
                    if (r.Has(categoryColumn) && category is null) continue;
                    if (r.Has(statusColumn) && status is null) continue;
                    if (r.Has(votingColumn) && voting is null) continue;
                    var basis = r.Basis(basisColumn);
                    seats.Add(r.Remember(new Seat(body!, pool.Get(r.Value(postColumn)), r.Text(personColumn), pool.Get(r.Value(agencyColumn)), category,
                        role ?? SeatRole.Member, voting, status ?? SeatStatus.Filled, source.Value) { Basis = basis, Note = r.Text(noteColumn) }));
                }
                if (r.Failed) seats.Clear();
            }
        }

        var lines = new List<AccountabilityLine>();
        using (var r = Open("accountability.csv", ["from", "to", "kind", "source"]))
        {
            if (r is not null)
            {
                var (fromColumn, toColumn, kindColumn, sourceColumn, basisColumn, noteColumn) =
                    (r.Column("from"), r.Column("to"), r.Column("kind"), r.Column("source"), r.Column("basis"), r.Column("note"));
                while (r.Next())
                {
                    var fromKnown = KnownBody(r, fromColumn, "the id of the body that answers", out var from);
                    var toKnown = KnownBody(r, toColumn, "the id of the body it answers to", out var to);
                    var kind = r.Enum<AccountabilityKind>(kindColumn, required: true);
                    var source = r.SourceRef(sourceColumn, references);
                    var basis = r.Basis(basisColumn);
                    if (fromKnown && toKnown && kind is not null && source is not null)
                        lines.Add(r.Remember(new AccountabilityLine(from!, to!, kind.Value, source.Value) { Basis = basis, Note = r.Text(noteColumn) }));
                }
                if (r.Failed) lines.Clear();
            }
        }

        var duties = new List<Duty>();
        using (var r = Open("duties.csv", ["body", "duty", "outcome", "source"]))
        {
            if (r is not null)
            {
                var (bodyColumn, dutyColumn, outcomeColumn, sourceColumn, basisColumn, noteColumn) =
                    (r.Column("body"), r.Column("duty"), r.Column("outcome"), r.Column("source"), r.Column("basis"), r.Column("note"));
                while (r.Next())
                {
                    var known = KnownBody(r, bodyColumn, "the id of the body that holds the duty", out var body);
                    var duty = r.Required(dutyColumn, "a short statement of the duty");
                    var outcome = r.Enum<Outcome>(outcomeColumn, required: false);
                    var source = r.SourceRef(sourceColumn, references);
                    if (!known || duty.IsEmpty || source is null) continue;
                    if (r.Has(outcomeColumn) && outcome is null) continue;
                    duties.Add(r.Remember(new Duty(body!, r.Text(dutyColumn)!, outcome, source.Value) { Basis = r.Basis(basisColumn), Note = r.Text(noteColumn) }));
                }
                if (r.Failed) duties.Clear();
            }
        }

        return new AuthorityStructure(authority, arrangements, bodies, seats, lines, duties);
    }

    private static bool Unique(Dictionary<string, int> seen, string id, CsvCursor r, CsvColumn column, string what)
    {
        if (seen.TryAdd(id, r.Line)) return true;
        r.Error(column, $"duplicate {what} id '{id}': also defined at line {seen[id]}; expected each {what} id once");
        return false;
    }

    private static bool Unique(Dictionary<string, int> seen, string id, RowReader r, string column, string what)
    {
        if (seen.TryAdd(id, r.Line)) return true;
        r.Error(column, $"duplicate {what} id '{id}': also defined at line {seen[id]}; expected each {what} id once");
        return false;
    }

    private static string Listed(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return list.Count == 0 ? "(none defined)" : string.Join(", ", list);
    }
}
