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
            var area = new JsonObject { ["id"] = id, ["name"] = a.Authority.Name, ["classification"] = a.Authority.Tier?.ToWord() };
            if (a.Authority.OnsCode is not null)
                area["identifiers"] = new JsonArray(new JsonObject { ["scheme"] = "ons", ["identifier"] = a.Authority.OnsCode });
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
                    }).ToArray()),
                    ["sources"] = Sources(sources, b.Source),
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
                        ["sources"] = Sources(sources, s.Source),
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
                    ["sources"] = Sources(sources, s.Source),
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

    private static JsonArray Sources(Dictionary<string, Source> sources, SourceRef source)
    {
        var title = sources.TryGetValue(source.SourceId, out var s) ? s.Title : null;
        return new JsonArray(new JsonObject { ["url"] = source.ToString(), ["note"] = title });
    }
}
