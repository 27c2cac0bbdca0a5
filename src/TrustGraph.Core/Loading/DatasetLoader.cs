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
            while (r is not null && r.Next())
            {
                var id = r.Id("id", "an arrangement id such as 2009 or proposed-2010", pool);
                var status = r.Enum<ArrangementStatus>("status", required: true);
                var inForce = r.Date("in_force");
                var source = r.SourceRef("source", references);
                if (id is null || status is null || source is null) continue;
                if (Unique(seen, id, r, "id", "arrangement")) arrangements.Add(new Arrangement(id, status.Value, inForce, source.Value) { Note = r.Text("note") });
            }
            if (r is { Failed: true }) arrangements.Clear();
        }
        var arrangementIds = arrangements.Select(a => a.Id).ToHashSet();

        var bodies = new List<Body>();
        seen = new Dictionary<string, int>();
        var partOfRows = new List<(string File, int Line, int Column, string Parent)>();
        using (var r = Open("bodies.csv", ["id", "name", "kind", "layer", "arrangement", "meets_per_year", "source"]))
        {
            while (r is not null && r.Next())
            {
                var id = r.Id("id", "a body id", pool);
                var name = r.Required("name", "the body's name");
                var kind = r.Enum<BodyKind>("kind", required: true);
                var layer = r.Enum<OnionLayer>("layer", required: true);
                var arrangement = pool.Get(r.Value("arrangement"));
                if (arrangement is not null && !arrangementIds.Contains(arrangement))
                {
                    r.Error("arrangement", $"arrangement '{arrangement}' is not in {authority.Id}/arrangements.csv; expected one of: {Listed(arrangementIds)}, or blank for every arrangement");
                    continue;
                }
                var meets = r.NonNegativeInt("meets_per_year");
                var source = r.SourceRef("source", references);
                if (id is null || name.IsEmpty || kind is null || layer is null || source is null) continue;
                if (Unique(seen, id, r, "id", "body"))
                {
                    var listed = r.Value("membership_listed");
                    if (!listed.IsEmpty && !listed.SequenceEqual("full") && !listed.SequenceEqual("partial"))
                        r.Error("membership_listed", $"unknown membership_listed '{listed}'; expected full, partial, or blank (full)");
                    var partOf = pool.Get(r.Value("part_of"));
                    var body = new Body(id, new string(name), kind.Value, layer.Value, arrangement, meets, source.Value)
                    {
                        PartOf = partOf,
                        MembershipPartial = listed.SequenceEqual("partial"),
                        Basis = r.Basis(),
                        Note = r.Text("note"),
                    };
                    bodies.Add(r.Remember(body));
                    if (partOf is not null) partOfRows.Add((r.File, r.Line, r.ColumnNumber("part_of"), partOf));
                }
            }
            if (r is { Failed: true })
            {
                bodies.Clear();
                seen.Clear();
                partOfRows.Clear();
            }
        }
        var bodyIds = bodies.Select(b => b.Id).ToHashSet();
        foreach (var (file, line, column, parent) in partOfRows)
            if (!bodyIds.Contains(parent))
                errors.Add(new DatasetError(file, line, column,
                    $"body '{parent}' is not in {authority.Id}/bodies.csv; expected the id of the body this one is part of, or blank"));
        var bodyIdsIncludingBroken = seen.Keys.ToHashSet();

        bool KnownBody(CsvCursor r, string column, string? id)
        {
            if (id is null) return false;
            if (bodyIds.Contains(id)) return true;
            if (!bodyIdsIncludingBroken.Contains(id))
                r.Error(column, $"body '{id}' is not in {authority.Id}/bodies.csv; expected the id of a body of {authority.Name}");
            return false;
        }
        string? RequiredKept(CsvCursor r, string column, string what) => pool.Get(r.Required(column, what));

        var seats = new List<Seat>();
        using (var r = Open("memberships.csv", ["body", "post", "person", "agency", "partner_category", "role", "voting", "status", "source"]))
        {
            while (r is not null && r.Next())
            {
                var body = RequiredKept(r, "body", "the id of the body the seat is on");
                var known = KnownBody(r, "body", body);
                var post = r.Value("post");
                var person = r.Value("person");
                var named = !post.IsEmpty || !person.IsEmpty;
                if (!named) r.Error("post", "both 'post' and 'person' are empty; expected the post, the person's name, or both");
                var category = r.Enum<PartnerCategory>("partner_category", required: false);
                var role = r.Enum<SeatRole>("role", required: false);
                var voting = r.YesNo("voting");
                var status = r.Enum<SeatStatus>("status", required: false);
                var source = r.SourceRef("source", references);
                if (!known || !named || source is null) continue;
                if (r.Has("role") && role is null) continue;
                if (r.Has("partner_category") && category is null) continue;
                if (r.Has("status") && status is null) continue;
                if (r.Has("voting") && voting is null) continue;
                var basis = r.Basis();
                seats.Add(r.Remember(new Seat(body!, pool.Get(post), r.Text("person"), pool.Get(r.Value("agency")), category, role ?? SeatRole.Member, voting,
                    status ?? SeatStatus.Filled, source.Value) { Basis = basis, Note = r.Text("note") }));
            }
            if (r is { Failed: true }) seats.Clear();
        }

        var lines = new List<AccountabilityLine>();
        using (var r = Open("accountability.csv", ["from", "to", "kind", "source"]))
        {
            while (r is not null && r.Next())
            {
                var from = RequiredKept(r, "from", "the id of the body that answers");
                var to = RequiredKept(r, "to", "the id of the body it answers to");
                var fromKnown = KnownBody(r, "from", from);
                var toKnown = KnownBody(r, "to", to);
                var kind = r.Enum<AccountabilityKind>("kind", required: true);
                var source = r.SourceRef("source", references);
                var basis = r.Basis();
                if (fromKnown && toKnown && kind is not null && source is not null)
                    lines.Add(r.Remember(new AccountabilityLine(from!, to!, kind.Value, source.Value) { Basis = basis, Note = r.Text("note") }));
            }
            if (r is { Failed: true }) lines.Clear();
        }

        var duties = new List<Duty>();
        using (var r = Open("duties.csv", ["body", "duty", "outcome", "source"]))
        {
            while (r is not null && r.Next())
            {
                var body = RequiredKept(r, "body", "the id of the body that holds the duty");
                var known = KnownBody(r, "body", body);
                var duty = r.Required("duty", "a short statement of the duty");
                var outcome = r.Enum<Outcome>("outcome", required: false);
                var source = r.SourceRef("source", references);
                if (!known || duty.IsEmpty || source is null) continue;
                if (r.Has("outcome") && outcome is null) continue;
                duties.Add(r.Remember(new Duty(body!, new string(duty), outcome, source.Value) { Basis = r.Basis(), Note = r.Text("note") }));
            }
            if (r is { Failed: true }) duties.Clear();
        }

        return new AuthorityStructure(authority, arrangements, bodies, seats, lines, duties);
    }

    private static bool Unique(Dictionary<string, int> seen, string id, CsvCursor r, string column, string what)
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
