using System.Text.Json.Serialization;

namespace TrustGraph.Diagrams;

/// <summary>
/// What a diagram shows, decided from the graph and its findings; <see cref="DiagramSvg"/> lays it out (MSAGL) and
/// draws it. It holds no geometry: the same model gives the viewer's drawing, the static SVG files and the reports'.
/// <see cref="Rings"/> is empty for a hierarchy; for an onion it lists the rings outside in.
/// </summary>
public sealed record DiagramModel(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("authority")] string Authority,
    [property: JsonPropertyName("arrangement")] string? Arrangement,
    [property: JsonPropertyName("nodes")] IReadOnlyList<DiagramNode> Nodes,
    [property: JsonPropertyName("edges")] IReadOnlyList<DiagramEdge> Edges,
    [property: JsonPropertyName("rings")] IReadOnlyList<DiagramRing> Rings,
    [property: JsonPropertyName("overlays")] IReadOnlyList<DiagramOverlay> Overlays)
{
    public const string Hierarchy = "hierarchy";
    public const string Onion = "onion";

    public DiagramNode? Node(string id) => Nodes.FirstOrDefault(n => n.Id == id);
}

/// <summary>
/// A box on a diagram: a body, an Every Child Matters outcome, or a note (the board's missing partners).
/// <see cref="Classes"/> are the CSS class names the drawing carries: <c>kind-…</c> for the body kind and <c>ov-…</c> for
/// each check whose findings concern it. <see cref="Badge"/> and <see cref="Notes"/> are drawn only while their overlay is on.
/// </summary>
public sealed record DiagramNode(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("kindLabel")] string KindLabel,
    [property: JsonPropertyName("layer")] string Layer,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("classes")] IReadOnlyList<string> Classes)
{
    public const string BodyRole = "body";
    public const string OutcomeRole = "outcome";
    public const string NoteRole = "note";

    /// <summary>The group a node belongs to on its ring (what the body does), for the onion's ordering.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; init; }

    [JsonPropertyName("badge")]
    public DiagramBadge? Badge { get; init; }

    /// <summary>Lines of text shown inside a note node.</summary>
    [JsonPropertyName("notes")]
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The node this note is pinned beside (a note's board).</summary>
    [JsonPropertyName("anchor")]
    public string? Anchor { get; init; }

    /// <summary>A one-line description for a tooltip and a screen reader.</summary>
    [JsonPropertyName("description")]
    public string Description { get; init; } = "";
}

/// <summary>A small mark on a node, shown with its overlay (<see cref="Overlay"/> is a check name).</summary>
public sealed record DiagramBadge(
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("overlay")] string Overlay);

/// <summary>A line between two nodes. <see cref="Kind"/> is an accountability kind (<c>accountable-to</c> …), <c>part-of</c>, <c>serves</c> (a duty's outcome) or <c>note</c>.</summary>
public sealed record DiagramEdge(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("classes")] IReadOnlyList<string> Classes)
{
    /// <summary>A one-line description for a tooltip: who answers to whom, and on what basis.</summary>
    [JsonPropertyName("description")]
    public string Description { get; init; } = "";

    public const string PartOf = "part-of";
    public const string Serves = "serves";
    public const string Note = "note";
}

/// <summary>One ring of the DCSF onion (outside in), or its centre (<c>outcomes</c>).</summary>
public sealed record DiagramRing(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("label")] string Label);

/// <summary>A check whose findings this diagram can show, with how many findings of it concern the arrangement.</summary>
public sealed record DiagramOverlay(
    [property: JsonPropertyName("check")] string Check,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("count")] int Count);
