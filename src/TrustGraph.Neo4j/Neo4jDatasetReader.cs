using System.Text.Json;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Neo4j;

/// <summary>One statement the reader runs: the label or relationship type it reads (where its errors point) and its text.</summary>
public sealed record ReadStatement(string Label, string Text);

/// <summary>
/// Reads a dataset back out of Neo4j: the graph <see cref="GraphPusher"/> wrote, rebuilt record by record into the same
/// <see cref="LoadResult"/> the folder loader gives. Seven fixed statements (no data in their text, none in parameters
/// either) run in one read transaction; rows are put in file order by the <c>ord</c> each carries. Nothing read is
/// trusted: every value is checked as the loader checks a CSV cell (ids are slugs, enumerations are the contract's words,
/// references resolve; <c>basis</c> is <c>stated</c> or <c>inferred</c>, absent meaning stated as in a v1.0 graph), and each problem becomes a <see cref="DatasetError"/> with file <c>neo4j:&lt;label&gt;</c>,
/// line 0, naming the node or relationship by its key. A graph with any problem gives no dataset. A broken environment
/// (unreachable, refused password) is a <see cref="Neo4jException"/>, as everywhere in this adapter.
/// </summary>
public static class Neo4jDatasetReader
{
    private const string FilePrefix = "neo4j:";

    public static readonly ReadStatement Authorities = new(GraphModel.Authority, $"""
        MATCH (a:{GraphModel.Authority})
        RETURN a.key AS key, a.id AS id, a.name AS name, a.ons_code AS ons_code, a.tier AS tier, a.ord AS ord
        ORDER BY ord, id
        """);

    public static readonly ReadStatement Sources = new(GraphModel.Source, $"""
        MATCH (s:{GraphModel.Source})
        RETURN s.key AS key, s.id AS id, s.title AS title, s.publisher AS publisher, s.date AS date, s.ord AS ord
        ORDER BY ord, id
        """);

    public static readonly ReadStatement Arrangements = new(GraphModel.Arrangement, $"""
        MATCH (r:{GraphModel.Arrangement})
        RETURN r.key AS key, r.authority AS authority, r.id AS id, r.status AS status, r.in_force AS in_force, r.source AS source, r.note AS note, r.ord AS ord
        ORDER BY authority, ord
        """);

    public static readonly ReadStatement Bodies = new(GraphModel.Body, $"""
        MATCH (b:{GraphModel.Body})
        RETURN b.key AS key, b.authority AS authority, b.id AS id, b.name AS name, b.kind AS kind, b.layer AS layer,
               b.arrangement AS arrangement, b.meets_per_year AS meets_per_year, b.part_of AS part_of,
               b.membership_partial AS membership_partial, b.source AS source, b.basis AS basis, b.note AS note, b.ord AS ord
        ORDER BY authority, ord
        """);

    public static readonly ReadStatement Seats = new(GraphModel.HoldsSeat, $"""
        MATCH (holder)-[s:{GraphModel.HoldsSeat}]->(b:{GraphModel.Body})
        RETURN s.key AS key, b.authority AS authority, b.id AS body, s.post AS post, s.person AS person, s.agency AS agency,
               s.partner_category AS partner_category, s.role AS role, s.voting AS voting, s.status AS status, s.source AS source,
               s.basis AS basis, s.note AS note, s.ord AS ord
        ORDER BY authority, ord
        """);

    public static readonly ReadStatement Lines = new("accountability", $"""
        MATCH (a:{GraphModel.Body})-[l:{string.Join("|", GraphModel.LineTypes)}]->(b:{GraphModel.Body})
        RETURN l.key AS key, a.authority AS authority, b.authority AS to_authority, a.id AS from_body, b.id AS to_body,
               type(l) AS type, l.kind AS kind, l.source AS source, l.basis AS basis, l.note AS note, l.ord AS ord
        ORDER BY authority, ord
        """);

    public static readonly ReadStatement Duties = new(GraphModel.Duty, $"""
        MATCH (d:{GraphModel.Duty})
        RETURN d.key AS key, d.authority AS authority, d.body AS body, d.text AS text, d.outcome AS outcome, d.source AS source, d.basis AS basis, d.note AS note, d.ord AS ord
        ORDER BY authority, ord
        """);

    /// <summary>Every statement, in the order they run.</summary>
    public static IReadOnlyList<ReadStatement> Statements { get; } = [Authorities, Sources, Arrangements, Bodies, Seats, Lines, Duties];

    /// <summary>
    /// Reads the whole graph in one transaction (retried whole on <c>Neo.TransientError.*</c>) and rebuilds the dataset,
    /// or returns every problem found in it.
    /// </summary>
    public static async Task<LoadResult> ReadAsync(QueryApiClient client, TransientRetry? retry = null, CancellationToken cancel = default)
    {
        retry ??= new TransientRetry(client.Options);
        var results = await retry.RunAsync(async c =>
        {
            var tx = await client.BeginAsync(c);
            try
            {
                var answers = new Dictionary<ReadStatement, QueryResult>();
                foreach (var statement in Statements) answers[statement] = await tx.RunAsync(statement.Text, null, c);
                await tx.CommitAsync(c);
                return answers;
            }
            catch
            {
                await tx.RollbackAsync(CancellationToken.None);
                throw;
            }
        }, cancel);
        return Rebuild(results, client.Options);
    }

    /// <summary>The dataset from the answers to <see cref="Statements"/>, checked as the loader checks a folder.</summary>
    internal static LoadResult Rebuild(IReadOnlyDictionary<ReadStatement, QueryResult> answers, Neo4jOptions options)
    {
        var errors = new List<DatasetError>();
        var authorities = new Dictionary<string, Building>(StringComparer.Ordinal);

        // Rows are taken in dataset order whatever order Neo4j gives them, so the problems are listed in that order too.
        IEnumerable<Cells> RowsOf(ReadStatement statement, bool relationship) =>
            answers[statement].Rows
                .Select(row => (Row: row, Authority: RawText(row, "authority"), Ord: RawOrd(row), Key: RawText(row, "key")))
                .OrderBy(r => authorities.TryGetValue(r.Authority, out var a) ? a.Ord : long.MaxValue)
                .ThenBy(r => r.Authority, StringComparer.Ordinal).ThenBy(r => r.Ord).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new Cells(r.Row, statement.Label, relationship, errors));

        var sources = new List<(long Ord, Source Source)>();
        var sourceIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in RowsOf(Sources, relationship: false))
        {
            var id = c.Id("id", "a source id");
            var title = c.Required("title", "the document's title");
            var ord = c.Ord(required: false);
            if (id is null || title is null) continue;
            if (!sourceIds.Add(id)) { c.Error($"duplicate source id '{id}'; expected each source once"); continue; }
            sources.Add((ord ?? long.MaxValue, new Source(id, title, c.Optional("publisher"), c.Optional("date"))));
        }

        foreach (var c in RowsOf(Authorities, relationship: false))
        {
            var id = c.Id("id", "an authority id");
            var name = c.Required("name", "the authority's name");
            var tier = c.Enum<AuthorityTier>("tier", required: false);
            var ord = c.Ord(required: true);
            if (id is null || name is null || ord is null) continue;
            if (authorities.ContainsKey(id)) { c.Error($"duplicate authority id '{id}'; expected each authority once"); continue; }
            authorities[id] = new Building(new Authority(id, name, c.Optional("ons_code"), tier), ord.Value);
        }
        if (authorities.Count == 0 && errors.Count == 0)
            errors.Add(new DatasetError(FilePrefix + GraphModel.Authority, 0, 0,
                $"Neo4j at {options} holds no TrustGraph authority (no :{GraphModel.Authority} node); expected a graph written by "
                + "'trustgraph neo4j push' (push a dataset first, or check NEO4J_DATABASE)"));

        Building? AuthorityOf(Cells c, string field = "authority")
        {
            var id = c.Required(field, "the id of the authority the row belongs to");
            if (id is null) return null;
            if (authorities.TryGetValue(id, out var building)) return building;
            c.Error($"'{field}' is '{id}', which has no :{GraphModel.Authority} node; expected one of: {Listed(authorities.Keys)}");
            return null;
        }

        SourceRef? Cited(Cells c) => c.SourceRef("source", sourceIds);

        foreach (var c in RowsOf(Arrangements, relationship: false))
        {
            var a = AuthorityOf(c);
            var id = c.Id("id", "an arrangement id such as 2009 or proposed-2010");
            var status = c.Enum<ArrangementStatus>("status", required: true);
            var inForce = c.Date("in_force");
            var source = Cited(c);
            var ord = c.Ord(required: true);
            if (a is null || id is null || status is null || source is null || ord is null) continue;
            if (!a.ArrangementIds.Add(id)) { c.Error($"duplicate arrangement id '{id}' in {a.Authority.Id}; expected each arrangement once"); continue; }
            a.Arrangements.Add((ord.Value, c.Key, new Arrangement(id, status.Value, inForce, source.Value) { Note = c.Optional("note") }));
        }

        var partOf = new List<(Cells Cells, Building Authority, string Parent)>();
        foreach (var c in RowsOf(Bodies, relationship: false))
        {
            var a = AuthorityOf(c);
            var id = c.Id("id", "a body id");
            if (a is not null && id is not null) a.AllBodyIds.Add(id);
            var name = c.Required("name", "the body's name");
            var kind = c.Enum<BodyKind>("kind", required: true);
            var layer = c.Enum<OnionLayer>("layer", required: true);
            var arrangement = c.Optional("arrangement");
            var meets = c.NonNegativeInt("meets_per_year");
            var parent = c.Optional("part_of");
            var partial = c.Bool("membership_partial");
            var basis = c.Enum<Basis>("basis", required: false, out var badBasis);
            var note = c.Optional("note");
            var source = Cited(c);
            var ord = c.Ord(required: true);
            if (a is not null && arrangement is not null && !a.ArrangementIds.Contains(arrangement))
            {
                c.Error($"'arrangement' is '{arrangement}', which is not an arrangement of {a.Authority.Id}; "
                    + $"expected one of: {Listed(a.ArrangementIds)}, or none for every arrangement");
                continue;
            }
            if (a is null || id is null || name is null || kind is null || layer is null || source is null || ord is null || badBasis) continue;
            if (!a.BodyIds.Add(id)) { c.Error($"duplicate body id '{id}' in {a.Authority.Id}; expected each body once"); continue; }
            a.Bodies.Add((ord.Value, c.Key, new Body(id, name, kind.Value, layer.Value, arrangement, meets, source.Value)
            {
                PartOf = parent,
                MembershipPartial = partial ?? false,
                Basis = basis ?? Basis.Stated,
                Note = note,
            }));
            if (parent is not null) partOf.Add((c, a, parent));
        }
        foreach (var (c, a, parent) in partOf)
            if (!a.BodyIds.Contains(parent))
                c.Error($"'part_of' is '{parent}', which is not a body of {a.Authority.Id}; expected the id of the body this one is part of, or none");

        bool KnownBody(Cells c, Building a, string field, string? id)
        {
            if (id is null) return false;
            if (a.BodyIds.Contains(id)) return true;
            if (!a.AllBodyIds.Contains(id))
                c.Error($"'{field}' is '{id}', which is not a body of {a.Authority.Id}; expected the id of a body of {a.Authority.Name}");
            return false;
        }

        foreach (var c in RowsOf(Seats, relationship: true))
        {
            var a = AuthorityOf(c);
            var body = c.Required("body", "the id of the body the seat is on");
            var known = a is not null && KnownBody(c, a, "body", body);
            var post = c.Optional("post");
            var person = c.Optional("person");
            if (post is null && person is null) c.Error("both 'post' and 'person' are empty; expected the post, the person's name, or both");
            var agency = c.Optional("agency");
            var category = c.Enum<PartnerCategory>("partner_category", required: false, out var badCategory);
            var role = c.Enum<SeatRole>("role", required: false, out var badRole);
            var voting = c.Bool("voting", out var badVoting);
            var status = c.Enum<SeatStatus>("status", required: false, out var badStatus);
            var basis = c.Enum<Basis>("basis", required: false, out var badBasis);
            var source = Cited(c);
            var ord = c.Ord(required: true);
            if (!known || (post is null && person is null) || source is null || ord is null || badCategory || badRole || badVoting || badStatus || badBasis) continue;
            a!.Seats.Add((ord.Value, c.Key, new Seat(body!, post, person, agency, category, role ?? SeatRole.Member, voting,
                status ?? SeatStatus.Filled, source.Value) { Basis = basis ?? Basis.Stated, Note = c.Optional("note") }));
        }

        foreach (var c in RowsOf(Lines, relationship: true))
        {
            var a = AuthorityOf(c);
            var toAuthority = c.Optional("to_authority");
            if (a is not null && toAuthority != a.Authority.Id)
            {
                c.Error($"the line runs from a body of {a.Authority.Id} to a body of '{toAuthority}'; expected both bodies in one authority");
                continue;
            }
            var from = c.Required("from_body", "the id of the body that answers");
            var to = c.Required("to_body", "the id of the body it answers to");
            var fromKnown = a is not null && KnownBody(c, a, "from_body", from);
            var toKnown = a is not null && KnownBody(c, a, "to_body", to);
            var kind = c.Enum<AccountabilityKind>("kind", required: true);
            var type = c.Optional("type");
            if (kind is not null && type != GraphModel.LineType(kind.Value))
            {
                c.Error($"a {type} relationship has kind '{kind.Value.ToWord()}'; expected a {GraphModel.LineType(kind.Value)} relationship for that kind");
                continue;
            }
            var basis = c.Enum<Basis>("basis", required: false, out var badBasis);
            var source = Cited(c);
            var ord = c.Ord(required: true);
            if (fromKnown && toKnown && kind is not null && source is not null && ord is not null && !badBasis)
                a!.Lines.Add((ord.Value, c.Key, new AccountabilityLine(from!, to!, kind.Value, source.Value)
                {
                    Basis = basis ?? Basis.Stated,
                    Note = c.Optional("note"),
                }));
        }

        foreach (var c in RowsOf(Duties, relationship: false))
        {
            var a = AuthorityOf(c);
            var body = c.Required("body", "the id of the body that holds the duty");
            var known = a is not null && KnownBody(c, a, "body", body);
            var text = c.Required("text", "a short statement of the duty");
            var outcome = c.Enum<Outcome>("outcome", required: false, out var badOutcome);
            var basis = c.Enum<Basis>("basis", required: false, out var badBasis);
            var source = Cited(c);
            var ord = c.Ord(required: true);
            if (!known || text is null || source is null || ord is null || badOutcome || badBasis) continue;
            a!.Duties.Add((ord.Value, c.Key, new Duty(body!, text, outcome, source.Value) { Basis = basis ?? Basis.Stated, Note = c.Optional("note") }));
        }

        if (errors.Count > 0) return new LoadResult(null, errors);
        var dataset = new Dataset(
            authorities.Values.OrderBy(a => a.Ord).ThenBy(a => a.Authority.Id, StringComparer.Ordinal).Select(a => a.Build()).ToList(),
            sources.OrderBy(s => s.Ord).ThenBy(s => s.Source.Id, StringComparer.Ordinal).Select(s => s.Source).ToList());
        return new LoadResult(dataset, errors);
    }

    private static string RawText(IReadOnlyDictionary<string, JsonElement> row, string field) =>
        row.TryGetValue(field, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "";

    private static long RawOrd(IReadOnlyDictionary<string, JsonElement> row) =>
        row.TryGetValue("ord", out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var n) ? n : long.MaxValue;

    private static string Listed(IEnumerable<string> ids)
    {
        var list = ids.ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }

    /// <summary>One authority's rows as they are read, each with its <c>ord</c> and key, to be put in file order.</summary>
    private sealed class Building(Authority authority, long ord)
    {
        public Authority Authority { get; } = authority;
        public long Ord { get; } = ord;
        public HashSet<string> ArrangementIds { get; } = new(StringComparer.Ordinal);
        public HashSet<string> BodyIds { get; } = new(StringComparer.Ordinal);

        /// <summary>Every body id seen, valid or not: a seat on a body that has its own error is not reported twice.</summary>
        public HashSet<string> AllBodyIds { get; } = new(StringComparer.Ordinal);

        public List<(long Ord, string Key, Arrangement Value)> Arrangements { get; } = [];
        public List<(long Ord, string Key, Body Value)> Bodies { get; } = [];
        public List<(long Ord, string Key, Seat Value)> Seats { get; } = [];
        public List<(long Ord, string Key, AccountabilityLine Value)> Lines { get; } = [];
        public List<(long Ord, string Key, Duty Value)> Duties { get; } = [];

        public AuthorityStructure Build() =>
            new(Authority, InFileOrder(Arrangements), InFileOrder(Bodies), InFileOrder(Seats), InFileOrder(Lines), InFileOrder(Duties));

        private static List<T> InFileOrder<T>(List<(long Ord, string Key, T Value)> rows) =>
            rows.OrderBy(r => r.Ord).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value).ToList();
    }

    /// <summary>
    /// The cells of one row, read as the loader reads a CSV row: text trimmed (empty is absent), ids checked as slugs,
    /// enumerations parsed with the contract's <see cref="Vocabulary{TEnum}"/>. Problems are recorded, never thrown.
    /// </summary>
    private sealed class Cells(IReadOnlyDictionary<string, JsonElement> row, string label, bool relationship, List<DatasetError> errors)
    {
        /// <summary>The node's or relationship's key, for error messages and to order rows that share an <c>ord</c>.</summary>
        public string Key { get; } = row.TryGetValue("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "";

        public void Error(string message) =>
            errors.Add(new DatasetError(FilePrefix + label, 0, 0,
                $"{(relationship ? "relationship" : "node")} {(Key.Length > 0 ? $"'{Key}'" : "with no key")}: {message}"));

        private JsonElement Get(string field) => row.TryGetValue(field, out var e) ? e : default;

        public string? Optional(string field)
        {
            var e = Get(field);
            switch (e.ValueKind)
            {
                case JsonValueKind.Undefined or JsonValueKind.Null:
                    return null;
                case JsonValueKind.String:
                    var text = e.GetString()!.Trim();
                    return text.Length == 0 ? null : text;
                default:
                    Error($"'{field}' is {Describe(e)}; expected text");
                    return null;
            }
        }

        public string? Required(string field, string what)
        {
            var textOrNothing = Get(field).ValueKind is JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String;
            var value = Optional(field);
            if (value is null && textOrNothing) Error($"'{field}' is empty; expected {what}");
            return value;
        }

        public string? Id(string field, string what)
        {
            var value = Required(field, what);
            if (value is null || Slug.IsValid(value)) return value;
            Error($"'{field}' is '{value}', not a valid id; expected {what} as a lower-case slug of a-z, 0-9 and '-'");
            return null;
        }

        public TEnum? Enum<TEnum>(string field, bool required) where TEnum : struct, Enum => Enum<TEnum>(field, required, out _);

        /// <summary><paramref name="bad"/> is true when a value was there but is not one of the words (absent is not bad).</summary>
        public TEnum? Enum<TEnum>(string field, bool required, out bool bad) where TEnum : struct, Enum
        {
            var kind = Get(field).ValueKind;
            var value = Optional(field);
            bad = kind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String);
            if (value is null)
            {
                if (required && !bad) Error($"'{field}' is empty; expected one of: {Vocabulary<TEnum>.AllowedList}");
                return null;
            }
            if (Vocabulary<TEnum>.TryParse(value, out var parsed)) return parsed;
            Error($"unknown {field} '{value}'; expected one of: {Vocabulary<TEnum>.AllowedList}");
            bad = true;
            return null;
        }

        public int? NonNegativeInt(string field)
        {
            var e = Get(field);
            if (e.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return null;
            if (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var n) && n is >= 0 and <= 1000) return (int)n;
            Error($"'{field}' is {Describe(e)}, not a number of meetings; expected a whole number from 0 to 1000, or none when not stated");
            return null;
        }

        public bool? Bool(string field) => Bool(field, out _);

        public bool? Bool(string field, out bool bad)
        {
            var e = Get(field);
            bad = false;
            switch (e.ValueKind)
            {
                case JsonValueKind.Undefined or JsonValueKind.Null: return null;
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                default:
                    Error($"'{field}' is {Describe(e)}; expected true, false, or none when not stated");
                    bad = true;
                    return null;
            }
        }

        /// <summary>The row's position in its file, which the pusher writes on every row.</summary>
        public long? Ord(bool required)
        {
            var e = Get("ord");
            if (e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var n) && n >= 0) return n;
            if (e.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                if (required) Error("'ord' is missing; expected the row's position in its file, which 'trustgraph neo4j push' writes");
                return null;
            }
            Error($"'ord' is {Describe(e)}; expected the row's position in its file, a whole number from 0");
            return null;
        }

        public PartialDate? Date(string field)
        {
            var value = Optional(field);
            if (value is null) return null;
            if (PartialDate.TryParse(value, out var date)) return date;
            Error($"'{field}' is '{value}', not a date; expected YYYY, YYYY-MM or YYYY-MM-DD, or none when not stated");
            return null;
        }

        /// <summary>A citation that names no pushed source is reported but kept, as the loader does, so the row's dependants are not reported too.</summary>
        public SourceRef? SourceRef(string field, IReadOnlySet<string> sourceIds)
        {
            var value = Required(field, "a source id, optionally followed by #locator");
            if (value is null) return null;
            var reference = Model.SourceRef.Parse(value);
            if (!Slug.IsValid(reference.SourceId))
            {
                Error($"'{field}' is '{value}', not a source reference; expected a source id (lower-case slug) optionally followed by #locator");
                return null;
            }
            if (!sourceIds.Contains(reference.SourceId))
                Error($"source '{reference.SourceId}' has no :{GraphModel.Source} node; expected the id of a source pushed with the dataset");
            return reference;
        }

        private static string Describe(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Number => "the number " + e.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
            JsonValueKind.String => $"'{e.GetString()}'",
            JsonValueKind.Array => "a list",
            JsonValueKind.Object => "a map",
            _ => e.ValueKind.ToString().ToLowerInvariant(),
        };
    }
}
