using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TrustGraph.Neo4j.Tests;

/// <summary>
/// The rules of the popolo-spec JSON schemas (draft-03) for the objects TrustGraph writes, restated in code from
/// reading those schemas (<c>schemas/area.json</c>, <c>person.json</c>, <c>organization.json</c>, <c>post.json</c>,
/// <c>membership.json</c> and the <c>link</c>, <c>identifier</c>, <c>other_name</c> and <c>contact_detail</c> schemas their
/// arrays hold): each property's JSON types, the fields draft-03 marks <c>"required": true</c>, the <c>uri</c> and
/// <c>date-time</c> formats and the date patterns. Properties the schemas do not define are allowed, as draft-03 allows
/// them unless a schema says <c>additionalProperties: false</c>, which none of these does.
/// </summary>
internal static partial class PopoloRules
{
    private const string Text = "string|null";
    private const string List = "array";

    private sealed record Rule(string Types, string? Format = null, bool Required = false, string? Items = null);

    private static readonly Dictionary<string, Rule> Common = new()
    {
        ["id"] = new(Text), ["created_at"] = new(Text, "date-time"), ["updated_at"] = new(Text, "date-time"),
        ["sources"] = new(List, Items: "link"), ["links"] = new(List, Items: "link"), ["contact_details"] = new(List, Items: "contact_detail"),
    };

    private static readonly Dictionary<string, Dictionary<string, Rule>> Schemas = new()
    {
        ["area"] = new()
        {
            ["name"] = new(Text), ["identifier"] = new(Text), ["classification"] = new(Text), ["parent_id"] = new(Text),
            ["parent"] = new("object"), ["geometry"] = new("object|null"), ["memberships"] = new(List), ["organizations"] = new(List),
            ["posts"] = new(List), ["children"] = new(List),
        },
        ["person"] = new()
        {
            ["name"] = new(Text), ["other_names"] = new(List, Items: "other_name"), ["identifiers"] = new(List, Items: "identifier"),
            ["family_name"] = new(Text), ["given_name"] = new(Text), ["additional_name"] = new(Text), ["honorific_prefix"] = new(Text),
            ["honorific_suffix"] = new(Text), ["patronymic_name"] = new(Text), ["sort_name"] = new(Text), ["email"] = new(Text, "email"),
            ["gender"] = new(Text), ["pronouns"] = new("array|null"), ["birth_date"] = new(Text, "date"), ["death_date"] = new(Text, "date"),
            ["image"] = new(Text, "uri"), ["summary"] = new(Text), ["biography"] = new(Text), ["national_identity"] = new(Text),
            ["memberships"] = new(List), ["motions"] = new(List), ["speeches"] = new(List), ["votes"] = new(List),
        },
        ["organization"] = new()
        {
            ["name"] = new(Text), ["other_names"] = new(List, Items: "other_name"), ["identifiers"] = new(List, Items: "identifier"),
            ["classification"] = new(Text), ["parent_id"] = new(Text), ["parent"] = new("object"), ["area_id"] = new(Text),
            ["area"] = new("object"), ["abstract"] = new(Text), ["description"] = new(Text), ["founding_date"] = new(Text, "date"),
            ["dissolution_date"] = new(Text, "date"), ["image"] = new(Text, "uri"), ["memberships"] = new(List), ["posts"] = new(List),
            ["motions"] = new(List), ["vote_events"] = new(List), ["votes"] = new(List), ["children"] = new(List),
        },
        ["post"] = new()
        {
            ["label"] = new(Text), ["other_label"] = new(List), ["role"] = new(Text), ["organization_id"] = new(Text),
            ["organization"] = new("object"), ["area_id"] = new(Text), ["area"] = new("object"), ["start_date"] = new(Text, "date-or-time"),
            ["end_date"] = new(Text, "date-or-time"), ["memberships"] = new(List),
        },
        ["membership"] = new()
        {
            ["label"] = new(Text), ["role"] = new(Text), ["member"] = new("object|null"), ["person_id"] = new(Text), ["person"] = new("object"),
            ["organization_id"] = new(Text), ["organization"] = new("object"), ["post_id"] = new(Text), ["post"] = new("object"),
            ["on_behalf_of_id"] = new(Text), ["on_behalf_of"] = new("object"), ["area_id"] = new(Text), ["area"] = new("object"),
            ["start_date"] = new(Text, "date-or-time"), ["end_date"] = new(Text, "date-or-time"),
        },
        ["link"] = new() { ["url"] = new("string", "uri", Required: true), ["note"] = new(Text) },
        ["identifier"] = new() { ["identifier"] = new("string", Required: true), ["scheme"] = new(Text) },
        ["other_name"] = new()
        {
            ["name"] = new("string"), ["family_name"] = new(Text), ["given_name"] = new(Text), ["start_date"] = new(Text, "date"),
            ["end_date"] = new(Text, "date"), ["note"] = new(Text),
        },
        ["contact_detail"] = new()
        {
            ["label"] = new(Text), ["type"] = new("string", Required: true), ["value"] = new("string", Required: true), ["note"] = new(Text),
            ["valid_from"] = new(Text, "date"), ["valid_until"] = new(Text, "date"), ["sources"] = new(List, Items: "link"),
        },
    };

    /// <summary>Every rule the object breaks, as <c>where: what</c>; empty when it is a valid Popolo object of <paramref name="schema"/>.</summary>
    public static List<string> Check(string schema, JsonNode? value, string where)
    {
        var errors = new List<string>();
        CheckObject(schema, value, where, errors);
        return errors;
    }

    /// <summary>Every object of a Popolo export checked against its schema: areas, persons, organizations, posts, memberships.</summary>
    public static List<string> CheckExport(JsonObject export)
    {
        var errors = new List<string>();
        foreach (var (collection, schema) in new[] { ("areas", "area"), ("persons", "person"), ("organizations", "organization"), ("posts", "post"), ("memberships", "membership") })
        {
            if (export[collection] is not JsonArray items) { errors.Add($"{collection}: missing or not an array"); continue; }
            for (var i = 0; i < items.Count; i++) CheckObject(schema, items[i], $"{collection}[{i}]", errors);
        }
        return errors;
    }

    private static void CheckObject(string schema, JsonNode? value, string where, List<string> errors)
    {
        if (value is not JsonObject o) { errors.Add($"{where}: is {Kind(value)}; expected an object"); return; }
        var rules = Schemas[schema];
        foreach (var (name, rule) in rules.Concat(schema is "link" or "identifier" or "other_name" ? [] : schema == "contact_detail" ? Common.Where(c => c.Key is "created_at" or "updated_at") : Common))
        {
            if (!o.TryGetPropertyValue(name, out var v))
            {
                if (rule.Required) errors.Add($"{where}.{name}: is required");
                continue;
            }
            var kind = Kind(v);
            if (!rule.Types.Split('|').Contains(kind)) { errors.Add($"{where}.{name}: is {kind}; expected {rule.Types.Replace("|", " or ")}"); continue; }
            if (kind == "string" && rule.Format is { } format && !Formatted(format, v!.GetValue<string>()))
                errors.Add($"{where}.{name}: '{v!.GetValue<string>()}' is not a valid {format}");
            if (kind == "array" && rule.Items is { } items)
                for (var i = 0; i < v!.AsArray().Count; i++) CheckObject(items, v.AsArray()[i], $"{where}.{name}[{i}]", errors);
        }
    }

    private static string Kind(JsonNode? v) => v switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue value => value.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => "string",
            System.Text.Json.JsonValueKind.Number => "number",
            System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "boolean",
            _ => "null",
        },
        _ => "unknown",
    };

    /// <summary>
    /// draft-03's formats: <c>uri</c> is an absolute URI per RFC 3986 (a scheme, then no spaces or characters a URI
    /// cannot hold), which a dataset locator such as <c>calderdale-model-2#ice</c> is not.
    /// </summary>
    private static bool Formatted(string format, string text) => format switch
    {
        "uri" => UriPattern().IsMatch(text) && Uri.TryCreate(text, UriKind.Absolute, out _),
        "date-time" => DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _) && text.Contains('T'),
        "date" => DatePattern().IsMatch(text),
        "date-or-time" => DateOrTimePattern().IsMatch(text),
        "email" => text.Contains('@'),
        _ => true,
    };

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")]
    private static partial Regex UriPattern();

    [GeneratedRegex(@"^[0-9]{4}(-[0-9]{2}){0,2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[0-9]{4}((-[0-9]{2}){0,2}|(-[0-9]{2}){2}T[0-9]{2}(:[0-9]{2}){0,2}(Z|[+-][0-9]{2}(:[0-9]{2})?))$")]
    private static partial Regex DateOrTimePattern();
}
