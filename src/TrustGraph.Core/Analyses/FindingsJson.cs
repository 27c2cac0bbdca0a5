using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrustGraph.Analyses;

/// <summary>The findings document of the data contract: <c>{ "findings": [ … ] }</c>.</summary>
public sealed record FindingsDocument([property: JsonPropertyName("findings")] IReadOnlyList<Finding> Findings);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(FindingsDocument))]
internal sealed partial class FindingsJsonContext : JsonSerializerContext;

public static class FindingsJson
{
    private static readonly JsonSerializerOptions Options = new(FindingsJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = FindingsJsonContext.Default,
    };

    public static string Write(IReadOnlyList<Finding> findings) =>
        JsonSerializer.Serialize(new FindingsDocument(findings), (System.Text.Json.Serialization.Metadata.JsonTypeInfo<FindingsDocument>)Options.GetTypeInfo(typeof(FindingsDocument)));

    public static FindingsDocument Read(string json) =>
        JsonSerializer.Deserialize(json, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<FindingsDocument>)Options.GetTypeInfo(typeof(FindingsDocument)))
        ?? throw new JsonException("the findings document is empty");
}
