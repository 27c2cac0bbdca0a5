using System.Text.Json;
using System.Text.Json.Nodes;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Neo4j.Export;

/// <summary>
/// The dataset as a Kumu blueprint (Kumu's JSON import: <c>{"elements": [...], "connections": [...]}</c>), for policy
/// teams who keep their systems maps in Kumu. Bodies, people and partner agencies are elements (and posts, where a seat
/// names only the post, so every seat has someone to start from); each seat is a connection from its holder to the body,
/// each line of accountability a connection from the body that answers to the body it answers to, each body that is part
/// of another a <c>Part of</c> connection, and each person who represents an agency a <c>Represents</c> connection.
/// <para>
/// Kumu reads <c>label</c>, <c>type</c>, <c>description</c> and <c>tags</c> itself and shows every other key as a field,
/// so fields have readable names (<c>Layer</c>, <c>Source</c>) and flat values (text, numbers, lists of text), which is
/// what its field editor and filters work on. Ids are unique across elements and connections, as Kumu requires, and are
/// built like the Popolo ids (<c>suffolk/body/ecg</c>), so two people of one name in different authorities stay two
/// elements. Provenance travels as the <c>Basis</c> and <c>Note</c> fields, and an inferred row is also tagged
/// <c>inferred</c> so a map view can pick such rows out with one filter.
/// </para>
/// </summary>
public static class KumuExporter
{
    public static JsonObject Build(Dataset dataset, string? authority = null)
    {
        var elements = new JsonArray();
        var connections = new JsonArray();
        var sources = dataset.Sources.ToDictionary(s => s.Id);

        foreach (var a in dataset.Authorities.Where(a => authority is null || a.Id == authority))
        {
            var id = a.Id;
            var arrangements = a.Arrangements.ToDictionary(r => r.Id);
            foreach (var b in a.Bodies)
            {
                var duties = a.Duties.Where(d => d.Body == b.Id).ToList();
                var element = new JsonObject
                {
                    ["id"] = PopoloExporter.BodyId(id, b.Id),
                    ["label"] = b.Name,
                    ["type"] = "Body",
                    ["description"] = duties.Count == 0 ? null : "Duties:\n" + string.Join("\n", duties.Select(Duty)),
                    ["tags"] = Tags(b.Basis, b.Layer.ToWord(), b.Kind.ToWord()),
                    ["Authority"] = a.Authority.Name,
                    ["Kind"] = b.Kind.ToWord(),
                    ["Layer"] = b.Layer.ToWord(),
                    ["Arrangement"] = b.Arrangement ?? "every arrangement",
                    ["Arrangement status"] = b.Arrangement is { } ar && arrangements.TryGetValue(ar, out var r) ? r.Status.ToWord() : null,
                    ["Arrangement note"] = b.Arrangement is { } an && arrangements.TryGetValue(an, out var rn) ? rn.Note : null,
                    ["Meets per year"] = b.MeetsPerYear,
                    ["Part of"] = b.PartOf,
                    ["Membership listed"] = b.MembershipPartial ? "partial" : "full",
                    ["Source"] = b.Source.ToString(),
                    ["Source title"] = Title(sources, b.Source),
                    ["Basis"] = b.Basis.ToWord(),
                    ["Note"] = b.Note,
                };
                elements.Add(Compact(element));
                if (b.PartOf is not null)
                    connections.Add(Compact(new JsonObject
                    {
                        ["id"] = $"{id}/part-of/{b.Id}",
                        ["from"] = PopoloExporter.BodyId(id, b.Id),
                        ["to"] = PopoloExporter.BodyId(id, b.PartOf),
                        ["type"] = "Part of",
                        ["direction"] = "directed",
                        ["Source"] = b.Source.ToString(),
                    }));
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < a.Seats.Count; i++)
            {
                var s = a.Seats[i];
                string? agencyId = s.Agency is null ? null : PopoloExporter.AgencyId(id, s.Agency);
                if (agencyId is not null && seen.Add(agencyId))
                    elements.Add(Compact(new JsonObject
                    {
                        ["id"] = agencyId, ["label"] = s.Agency, ["type"] = "Agency", ["Authority"] = a.Authority.Name,
                    }));
                string holderId;
                if (s.Person is not null)
                {
                    holderId = PopoloExporter.PersonId(id, s.Person);
                    if (seen.Add(holderId))
                        elements.Add(Compact(new JsonObject
                        {
                            ["id"] = holderId, ["label"] = s.Person, ["type"] = "Person", ["Authority"] = a.Authority.Name,
                        }));
                }
                else
                {
                    holderId = PostId(id, s.Post!, s.Agency);
                    if (seen.Add(holderId))
                        elements.Add(Compact(new JsonObject
                        {
                            ["id"] = holderId, ["label"] = s.Post, ["type"] = "Post", ["Agency"] = s.Agency, ["Authority"] = a.Authority.Name,
                        }));
                }

                connections.Add(Compact(new JsonObject
                {
                    ["id"] = $"{id}/seat/{i}",
                    ["from"] = holderId,
                    ["to"] = PopoloExporter.BodyId(id, s.Body),
                    ["type"] = "Membership",
                    ["direction"] = "directed",
                    ["tags"] = Tags(s.Basis, s.Role.ToWord(), s.Status.ToWord()),
                    ["Role"] = s.Role.ToWord(),
                    ["Post"] = s.Post,
                    ["Agency"] = s.Agency,
                    ["Partner category"] = s.PartnerCategory?.ToWord(),
                    ["Voting"] = s.Voting switch { true => "yes", false => "no", _ => null },
                    ["Status"] = s.Status.ToWord(),
                    ["Source"] = s.Source.ToString(),
                    ["Source title"] = Title(sources, s.Source),
                    ["Basis"] = s.Basis.ToWord(),
                    ["Note"] = s.Note,
                }));
                if (s.Person is not null && agencyId is not null && seen.Add($"{holderId}|{agencyId}"))
                    connections.Add(Compact(new JsonObject
                    {
                        ["id"] = $"{id}/represents/{PersonName.Key(s.Person)}|{PersonName.Key(s.Agency!)}",
                        ["from"] = holderId,
                        ["to"] = agencyId,
                        ["type"] = "Represents",
                        ["direction"] = "directed",
                    }));
            }

            for (var i = 0; i < a.Lines.Count; i++)
            {
                var l = a.Lines[i];
                connections.Add(Compact(new JsonObject
                {
                    ["id"] = $"{id}/line/{i}",
                    ["from"] = PopoloExporter.BodyId(id, l.From),
                    ["to"] = PopoloExporter.BodyId(id, l.To),
                    ["type"] = "Accountability",
                    ["direction"] = "directed",
                    ["tags"] = Tags(l.Basis, l.Kind.ToWord()),
                    ["Kind"] = l.Kind.ToWord(),
                    ["Source"] = l.Source.ToString(),
                    ["Source title"] = Title(sources, l.Source),
                    ["Basis"] = l.Basis.ToWord(),
                    ["Note"] = l.Note,
                }));
            }
        }
        return new JsonObject { ["elements"] = elements, ["connections"] = connections };
    }

    public static void Write(Dataset dataset, string? authority, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        Build(dataset, authority).WriteTo(writer);
    }

    /// <summary>A post element's id: the post and its agency, as the graph keys a post.</summary>
    public static string PostId(string authority, string post, string? agency) =>
        $"{authority}/post/{PersonName.Key(post)}|{(agency is null ? "" : PersonName.Key(agency))}";

    private static string Duty(Duty d)
    {
        var outcome = d.Outcome is { } o ? $" [{o.ToWord()}]" : "";
        var basis = d.Basis == Basis.Inferred ? "; inferred" : "";
        var note = d.Note is null ? "" : $"; {d.Note}";
        return $"- {d.Text}{outcome} ({d.Source}{basis}{note})";
    }

    private static JsonArray Tags(Basis basis, params string[] words) =>
        new([.. words.Select(w => (JsonNode)JsonValue.Create(w)), .. basis == Basis.Inferred ? [(JsonNode)JsonValue.Create("inferred")] : Array.Empty<JsonNode>()]);

    private static string? Title(Dictionary<string, Source> sources, SourceRef source) =>
        sources.TryGetValue(source.SourceId, out var s) ? s.Title : null;

    /// <summary>Drops empty fields: Kumu shows a field that is present as blank, which reads as "not known" twice over.</summary>
    private static JsonObject Compact(JsonObject o)
    {
        foreach (var name in o.Where(p => p.Value is null).Select(p => p.Key).ToList()) o.Remove(name);
        return o;
    }
}
