using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Guidance;
using TrustGraph.Model;

namespace TrustGraph.Neo4j;

/// <summary>
/// The labels, relationship types and keys of TrustGraph's graph in Neo4j (docs/neo4j.md draws it). Every label has
/// one string key property, <c>key</c>, with a uniqueness constraint; composite identities are joined into it
/// (<c>Body.key = "suffolk/ecg"</c>, <c>Person.key = "suffolk/rosalind turner"</c>). Statement text is built only
/// from these names, never from data.
/// </summary>
public static class GraphModel
{
    public const string Authority = "Authority";
    public const string Arrangement = "Arrangement";
    public const string Body = "Body";
    public const string Post = "Post";
    public const string Person = "Person";
    public const string Agency = "Agency";
    public const string Duty = "Duty";
    public const string Source = "Source";
    public const string RelevantPartner = "RelevantPartner";

    public static readonly IReadOnlyList<string> Labels = [Authority, Arrangement, Body, Post, Person, Agency, Duty, Source, RelevantPartner];

    /// <summary>The labels whose nodes belong to one authority (they carry an <c>authority</c> property).</summary>
    public static readonly IReadOnlyList<string> AuthorityLabels = [Arrangement, Body, Post, Person, Agency, Duty];

    public const string HasArrangement = "HAS_ARRANGEMENT";
    public const string HasBody = "HAS_BODY";
    public const string InArrangement = "IN_ARRANGEMENT";
    public const string PartOf = "PART_OF";
    public const string HoldsSeat = "HOLDS_SEAT";
    public const string HoldsPost = "HOLDS_POST";
    public const string OfAgency = "OF_AGENCY";
    public const string Represents = "REPRESENTS";
    public const string HasDuty = "HAS_DUTY";
    public const string Cites = "CITES";

    /// <summary>One relationship type per kind of accountability line.</summary>
    public static string LineType(AccountabilityKind kind) => kind switch
    {
        AccountabilityKind.AccountableTo => "ACCOUNTABLE_TO",
        AccountabilityKind.ReportsTo => "REPORTS_TO",
        AccountabilityKind.Advises => "ADVISES",
        _ => "OBSERVES",
    };

    public static readonly IReadOnlyList<string> LineTypes = Enum.GetValues<AccountabilityKind>().Select(LineType).ToList();

    public static readonly IReadOnlyList<string> RelationshipTypes =
        [HasArrangement, HasBody, InArrangement, PartOf, HoldsSeat, HoldsPost, OfAgency, Represents, HasDuty, Cites, .. LineTypes];

    /// <summary>True for a name this model defines; statements are only ever built from such names.</summary>
    public static bool IsModelName(string name) => Labels.Contains(name) || RelationshipTypes.Contains(name);

    public static string BodyKey(string authority, string body) => $"{authority}/{body}";
    public static string ArrangementKey(string authority, string arrangement) => $"{authority}/{arrangement}";

    /// <summary>People are identified per authority, by <see cref="PersonName.Key"/>: "Cllr Ann Smith" and "ann smith" are one.</summary>
    public static string PersonKey(string authority, string name) => $"{authority}/{PersonName.Key(name)}";

    public static string AgencyKey(string authority, string agency) => $"{authority}/{PersonName.Key(agency)}";

    /// <summary>
    /// A post is an office of an agency: "Director of Children's Services" of Suffolk County Council. A singular office of the
    /// authority (<see cref="SingularOffices"/>) is one post however it is written and whatever agency a seat gives.
    /// </summary>
    public static string PostKey(string authority, string post, string? agency) =>
        SingularOffices.Of(post) is { } office
            ? $"{authority}/office:{SingularOffices.Key(office)}"
            : $"{authority}/{PersonName.Key(post)}|{(agency is null ? "" : PersonName.Key(agency))}";

    /// <summary>Seats, lines and duties have no identity but their row: the key is the authority and the row's position.</summary>
    public static string RowKey(string authority, string what, int ord) => $"{authority}/{what}/{ord}";

    public static string RelevantPartnerKey(RelevantPartner p) => $"{p.Letter}/{p.Category.ToWord()}";
}

/// <summary>A node to write: its label, its key, and its properties (null values are removed from the node).</summary>
public sealed record GraphNode(string Label, string Key, IReadOnlyDictionary<string, object?> Properties);

/// <summary>
/// A relationship to write between two nodes given by label and key. <see cref="Key"/> is set where two nodes may be
/// joined by several relationships of one type (two seats of one person on one body, two lines); else null.
/// </summary>
public sealed record GraphRelationship(
    string Type, string StartLabel, string StartKey, string EndLabel, string EndKey, string? Key, IReadOnlyDictionary<string, object?> Properties);

/// <summary>The dataset as a property graph: what the pusher writes to Neo4j and what the exporters write to files.</summary>
public sealed record PropertyGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphRelationship> Relationships)
{
    public static PropertyGraph Concat(IEnumerable<PropertyGraph> parts)
    {
        var list = parts.ToList();
        return new PropertyGraph(list.SelectMany(p => p.Nodes).ToList(), list.SelectMany(p => p.Relationships).ToList());
    }
}

/// <summary>
/// Turns the dataset into TrustGraph's graph model. Seats are <c>HOLDS_SEAT</c> relationships from the person, or from the
/// post where the paper names only the post, to the body; vacant seats keep <c>status: 'vacant'</c>, so a vacancy
/// survives and is never mistaken for an absence. Properties use the dataset's column names; <c>ord</c> keeps each
/// row's position in its file, so Cypher can list things in the order the papers give them. Provenance travels too:
/// bodies, seats, lines and duties carry <c>basis</c> (always written, <c>stated</c> or <c>inferred</c>, so a query can
/// filter on it) and <c>note</c>; arrangements carry <c>note</c>.
/// </summary>
public static class GraphProjection
{
    /// <summary>The nodes every authority shares: the source documents and the statutory relevant-partner list.</summary>
    public static PropertyGraph Shared(Dataset dataset, IReadOnlyList<RelevantPartner> partners)
    {
        var nodes = new List<GraphNode>();
        for (var i = 0; i < dataset.Sources.Count; i++)
        {
            var s = dataset.Sources[i];
            nodes.Add(new GraphNode(GraphModel.Source, s.Id, Props(("id", s.Id), ("title", s.Title), ("publisher", s.Publisher), ("date", s.Date), ("ord", (long)i))));
        }
        for (var i = 0; i < partners.Count; i++)
        {
            var p = partners[i];
            nodes.Add(new GraphNode(GraphModel.RelevantPartner, GraphModel.RelevantPartnerKey(p), Props(
                ("letter", p.Letter), ("section", p.Section), ("name", p.Name), ("category", p.Category.ToWord()),
                ("in_force", Iso(p.InForce)), ("repealed", p.Repealed is { } r ? Iso(r) : null),
                ("tiers", p.Tiers.Count == 0 ? null : p.Tiers.Select(t => t.ToWord()).ToArray()),
                ("only_where_exists", p.OnlyWhereExists), ("citation", p.Citation), ("ord", (long)i))));
        }
        return new PropertyGraph(nodes, []);
    }

    public static PropertyGraph Of(Dataset dataset, string? authority = null) =>
        PropertyGraph.Concat(dataset.Authorities
            .Select((a, i) => (a, i))
            .Where(x => authority is null || x.a.Id == authority)
            .Select(x => Authority(x.a, x.i)));

    /// <summary>One authority's subgraph; <paramref name="ord"/> is its position in authorities.csv.</summary>
    public static PropertyGraph Authority(AuthorityStructure structure, int ord)
    {
        var a = structure.Authority;
        var id = a.Id;
        var nodes = new List<GraphNode>();
        var rels = new List<GraphRelationship>();

        nodes.Add(new GraphNode(GraphModel.Authority, id, Props(("id", id), ("name", a.Name), ("ons_code", a.OnsCode), ("tier", a.Tier?.ToWord()), ("ord", (long)ord))));

        for (var i = 0; i < structure.Arrangements.Count; i++)
        {
            var arr = structure.Arrangements[i];
            var key = GraphModel.ArrangementKey(id, arr.Id);
            nodes.Add(new GraphNode(GraphModel.Arrangement, key, Props(
                ("authority", id), ("id", arr.Id), ("status", arr.Status.ToWord()), ("in_force", arr.InForce?.ToString()),
                ("in_force_earliest", arr.InForce is { } d ? Iso(d.Earliest) : null), ("in_force_latest", arr.InForce is { } l ? Iso(l.Latest) : null),
                ("source", arr.Source.ToString()), ("note", arr.Note), ("ord", (long)i))));
            rels.Add(Rel(GraphModel.HasArrangement, GraphModel.Authority, id, GraphModel.Arrangement, key));
            rels.Add(Cite(GraphModel.Arrangement, key, arr.Source));
        }

        for (var i = 0; i < structure.Bodies.Count; i++)
        {
            var b = structure.Bodies[i];
            var key = GraphModel.BodyKey(id, b.Id);
            nodes.Add(new GraphNode(GraphModel.Body, key, Props(
                ("authority", id), ("id", b.Id), ("name", b.Name), ("kind", b.Kind.ToWord()), ("layer", b.Layer.ToWord()),
                ("arrangement", b.Arrangement), ("meets_per_year", b.MeetsPerYear is int m ? (long)m : null), ("part_of", b.PartOf),
                ("membership_partial", b.MembershipPartial), ("source", b.Source.ToString()), ("basis", b.Basis.ToWord()), ("note", b.Note),
                ("ord", (long)i))));
            rels.Add(Rel(GraphModel.HasBody, GraphModel.Authority, id, GraphModel.Body, key));
            if (b.Arrangement is not null)
                rels.Add(Rel(GraphModel.InArrangement, GraphModel.Body, key, GraphModel.Arrangement, GraphModel.ArrangementKey(id, b.Arrangement)));
            if (b.PartOf is not null)
                rels.Add(Rel(GraphModel.PartOf, GraphModel.Body, key, GraphModel.Body, GraphModel.BodyKey(id, b.PartOf)));
            rels.Add(Cite(GraphModel.Body, key, b.Source));
        }

        var people = new Dictionary<string, string>();
        var posts = new Dictionary<string, (string Title, string? Agency)>();
        var agencies = new Dictionary<string, string>();
        var links = new HashSet<(string Type, string Start, string End)>();
        for (var i = 0; i < structure.Seats.Count; i++)
        {
            var s = structure.Seats[i];
            string? personKey = s.Person is null ? null : GraphModel.PersonKey(id, s.Person);
            string? postKey = s.Post is null ? null : GraphModel.PostKey(id, s.Post, s.Agency);
            string? agencyKey = s.Agency is null ? null : GraphModel.AgencyKey(id, s.Agency);
            if (personKey is not null) people.TryAdd(personKey, s.Person!);
            if (postKey is not null) posts.TryAdd(postKey, (s.Post!, s.Agency));
            if (agencyKey is not null) agencies.TryAdd(agencyKey, s.Agency!);

            var (holderLabel, holderKey) = personKey is not null ? (GraphModel.Person, personKey) : (GraphModel.Post, postKey!);
            rels.Add(new GraphRelationship(GraphModel.HoldsSeat, holderLabel, holderKey, GraphModel.Body, GraphModel.BodyKey(id, s.Body),
                GraphModel.RowKey(id, "seat", i), Props(
                    ("role", s.Role.ToWord()), ("voting", s.Voting), ("status", s.Status.ToWord()), ("post", s.Post), ("person", s.Person),
                    ("agency", s.Agency), ("partner_category", s.PartnerCategory?.ToWord()), ("source", s.Source.ToString()),
                    ("basis", s.Basis.ToWord()), ("note", s.Note), ("ord", (long)i))));

            if (personKey is not null && postKey is not null && links.Add((GraphModel.HoldsPost, personKey, postKey)))
                rels.Add(Rel(GraphModel.HoldsPost, GraphModel.Person, personKey, GraphModel.Post, postKey));
            if (postKey is not null && agencyKey is not null && links.Add((GraphModel.OfAgency, postKey, agencyKey)))
                rels.Add(Rel(GraphModel.OfAgency, GraphModel.Post, postKey, GraphModel.Agency, agencyKey));
            if (personKey is not null && agencyKey is not null && links.Add((GraphModel.Represents, personKey, agencyKey)))
                rels.Add(Rel(GraphModel.Represents, GraphModel.Person, personKey, GraphModel.Agency, agencyKey));
        }
        nodes.AddRange(people.Select(p => new GraphNode(GraphModel.Person, p.Key, Props(("authority", id), ("name", p.Value)))));
        nodes.AddRange(posts.Select(p => new GraphNode(GraphModel.Post, p.Key, Props(("authority", id), ("title", p.Value.Title), ("agency", p.Value.Agency),
            ("office", SingularOffices.Of(p.Value.Title))))));
        nodes.AddRange(agencies.Select(p => new GraphNode(GraphModel.Agency, p.Key, Props(("authority", id), ("name", p.Value)))));

        for (var i = 0; i < structure.Lines.Count; i++)
        {
            var l = structure.Lines[i];
            rels.Add(new GraphRelationship(GraphModel.LineType(l.Kind), GraphModel.Body, GraphModel.BodyKey(id, l.From), GraphModel.Body,
                GraphModel.BodyKey(id, l.To), GraphModel.RowKey(id, "line", i),
                Props(("kind", l.Kind.ToWord()), ("source", l.Source.ToString()), ("basis", l.Basis.ToWord()), ("note", l.Note), ("ord", (long)i))));
        }

        for (var i = 0; i < structure.Duties.Count; i++)
        {
            var d = structure.Duties[i];
            var key = GraphModel.RowKey(id, "duty", i);
            nodes.Add(new GraphNode(GraphModel.Duty, key, Props(
                ("authority", id), ("body", d.Body), ("text", d.Text), ("outcome", d.Outcome?.ToWord()), ("source", d.Source.ToString()),
                ("basis", d.Basis.ToWord()), ("note", d.Note), ("ord", (long)i))));
            rels.Add(Rel(GraphModel.HasDuty, GraphModel.Body, GraphModel.BodyKey(id, d.Body), GraphModel.Duty, key));
            rels.Add(Cite(GraphModel.Duty, key, d.Source));
        }
        return new PropertyGraph(nodes, rels);
    }

    private static GraphRelationship Rel(string type, string startLabel, string startKey, string endLabel, string endKey) =>
        new(type, startLabel, startKey, endLabel, endKey, null, new Dictionary<string, object?>());

    private static GraphRelationship Cite(string label, string key, SourceRef source) =>
        new(GraphModel.Cites, label, key, GraphModel.Source, source.SourceId, null, Props(("locator", source.Locator)));

    private static Dictionary<string, object?> Props(params (string Name, object? Value)[] properties) =>
        properties.ToDictionary(p => p.Name, p => p.Value);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
