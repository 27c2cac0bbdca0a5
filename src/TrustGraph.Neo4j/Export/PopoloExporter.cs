using System.Text.Json;
using System.Text.Json.Nodes;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Neo4j.Export;

/// <summary>
/// The dataset as Popolo JSON (persons, organizations, posts, memberships, areas), the shape policy-data tools read.
/// Each authority is an area; each body and each partner agency an organization. <c>parent_id</c> is kept for
/// containment only (a body that is part of another); lines of accountability go in the custom field
/// <c>accountability</c> (<c>[{organization_id, kind, source}]</c>). Every seat naming a post is a post of the body;
/// every filled seat is a membership whose <c>on_behalf_of_id</c> is the partner agency it represents. A vacant seat is
/// a post with no membership (or, where it names only a person, a membership marked <c>"status": "vacant"</c>).
/// <para>
/// Popolo's <c>sources</c> are links, and a link's <c>url</c> must be a URI. TrustGraph's sources are papers with an id
/// and a title but no address, so no object gets a <c>sources</c> entry (writing the citation
/// <c>calderdale-model-2#ice</c> as a URL would be a lie the popolo-spec schemas catch). Where the citation is, every
/// cited object carries a <c>citation</c> object instead: <c>{source_id, locator, title, note}</c>, whose <c>note</c> reads
/// as the paper and the place in it. Provenance travels beside it: <c>basis</c> (<c>stated</c> or <c>inferred</c>) and
/// <c>note</c> on organizations (bodies), posts and memberships (seats), accountability lines and duties; each area lists
/// its <c>arrangements</c> with their notes. Fields Popolo does not define are allowed by its schemas and ignored by
/// readers that do not know them.
/// </para>
/// </summary>
public static class PopoloExporter
{
    public static JsonObject Build(Dataset dataset, string? authority = null)
    {
        var areas = new JsonArray();
        var persons = new JsonArray();
        var organizations = new JsonArray();
        var posts = new JsonArray();
        var memberships = new JsonArray();
        var sources = dataset.Sources.ToDictionary(s => s.Id);

        foreach (var a in dataset.Authorities.Where(a => authority is null || a.Id == authority))
        {
            var id = a.Id;
            var area = new JsonObject
            {
                ["id"] = id,
                ["name"] = a.Authority.Name,
                ["identifier"] = a.Authority.OnsCode,
                ["classification"] = a.Authority.Tier?.ToWord(),
                ["arrangements"] = new JsonArray(a.Arrangements.Select(r => (JsonNode)new JsonObject
                {
                    ["id"] = r.Id,
                    ["status"] = r.Status.ToWord(),
                    ["in_force"] = r.InForce?.ToString(),
                    ["citation"] = Citation(sources, r.Source),
                    ["note"] = r.Note,
                }).ToArray()),
            };
            areas.Add(area);

            foreach (var b in a.Bodies)
            {
                var org = new JsonObject
                {
                    ["id"] = BodyId(id, b.Id),
                    ["name"] = b.Name,
                    ["classification"] = b.Kind.ToWord(),
                    ["area_id"] = id,
                    ["parent_id"] = b.PartOf is null ? null : BodyId(id, b.PartOf),
                    ["layer"] = b.Layer.ToWord(),
                    ["arrangement"] = b.Arrangement,
                    ["meets_per_year"] = b.MeetsPerYear,
                    ["accountability"] = new JsonArray(a.Lines.Where(l => l.From == b.Id).Select(l => (JsonNode)new JsonObject
                    {
                        ["organization_id"] = BodyId(id, l.To),
                        ["kind"] = l.Kind.ToWord(),
                        ["source"] = l.Source.ToString(),
                        ["citation"] = Citation(sources, l.Source),
                        ["basis"] = l.Basis.ToWord(),
                        ["note"] = l.Note,
                    }).ToArray()),
                    ["duties"] = new JsonArray(a.Duties.Where(d => d.Body == b.Id).Select(d => (JsonNode)new JsonObject
                    {
                        ["text"] = d.Text,
                        ["outcome"] = d.Outcome?.ToWord(),
                        ["citation"] = Citation(sources, d.Source),
                        ["basis"] = d.Basis.ToWord(),
                        ["note"] = d.Note,
                    }).ToArray()),
                    ["citation"] = Citation(sources, b.Source),
                    ["basis"] = b.Basis.ToWord(),
                    ["note"] = b.Note,
                };
                organizations.Add(org);
            }

            var agencies = new HashSet<string>();
            var people = new HashSet<string>();
            for (var i = 0; i < a.Seats.Count; i++)
            {
                var s = a.Seats[i];
                string? agencyId = s.Agency is null ? null : AgencyId(id, s.Agency);
                if (agencyId is not null && agencies.Add(agencyId))
                    organizations.Add(new JsonObject { ["id"] = agencyId, ["name"] = s.Agency, ["classification"] = "partner-agency", ["area_id"] = id });
                string? personId = s.Person is null ? null : PersonId(id, s.Person);
                if (personId is not null && people.Add(personId))
                    persons.Add(new JsonObject { ["id"] = personId, ["name"] = s.Person });

                string? postId = null;
                if (s.Post is not null)
                {
                    postId = $"{id}/seat/{i}";
                    posts.Add(new JsonObject
                    {
                        ["id"] = postId,
                        ["label"] = s.Post,
                        ["role"] = s.Role.ToWord(),
                        ["organization_id"] = BodyId(id, s.Body),
                        ["partner_category"] = s.PartnerCategory?.ToWord(),
                        ["status"] = s.Status.ToWord(),
                        ["citation"] = Citation(sources, s.Source),
                        ["basis"] = s.Basis.ToWord(),
                        ["note"] = s.Note,
                    });
                }
                if (!s.IsFilled && postId is not null) continue;
                memberships.Add(new JsonObject
                {
                    ["id"] = $"{id}/membership/{i}",
                    ["person_id"] = personId,
                    ["organization_id"] = BodyId(id, s.Body),
                    ["post_id"] = postId,
                    ["on_behalf_of_id"] = agencyId,
                    ["role"] = s.Role.ToWord(),
                    ["label"] = s.Post,
                    ["voting"] = s.Voting,
                    ["partner_category"] = s.PartnerCategory?.ToWord(),
                    ["status"] = s.Status.ToWord(),
                    ["citation"] = Citation(sources, s.Source),
                    ["basis"] = s.Basis.ToWord(),
                    ["note"] = s.Note,
                });
            }
        }
        return new JsonObject
        {
            ["areas"] = areas,
            ["persons"] = persons,
            ["organizations"] = organizations,
            ["posts"] = posts,
            ["memberships"] = memberships,
        };
    }

    public static void Write(Dataset dataset, string? authority, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        Build(dataset, authority).WriteTo(writer);
    }

    public static string BodyId(string authority, string body) => $"{authority}/body/{body}";
    public static string AgencyId(string authority, string agency) => $"{authority}/agency/{PersonName.Key(agency)}";
    public static string PersonId(string authority, string person) => $"{authority}/person/{PersonName.Key(person)}";

    /// <summary>Where a fact comes from: the source's id, the place in it, its title, and a note that reads as both.</summary>
    private static JsonObject Citation(Dictionary<string, Source> sources, SourceRef source)
    {
        var title = sources.TryGetValue(source.SourceId, out var s) ? s.Title : null;
        var place = source.Locator is null ? "" : $", at '{source.Locator}'";
        return new JsonObject
        {
            ["source_id"] = source.SourceId,
            ["locator"] = source.Locator,
            ["title"] = title,
            ["note"] = $"{title ?? source.SourceId}{place} (TrustGraph source {source})",
        };
    }
}
