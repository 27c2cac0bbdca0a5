namespace TrustGraph.Diagrams;

/// <summary>
/// How each kind of body and line is drawn. Every kind differs in more than colour (a stripe pattern, a frame style, a
/// line dash) and each box names its kind in words, so the diagrams read in greyscale and in print.
/// </summary>
internal static class DiagramStyles
{
    public const string Ink = "#0b0c0c";
    public const string Grey = "#505a5f";
    public const string Red = "#d4351c";
    public const string Focus = "#ffdd00";
    public const string Blue = "#1d70b8";
    public const string Font = "Arial, Helvetica, 'Liberation Sans', sans-serif";

    /// <summary>Stripe colour and pattern, frame width, dash and corner radius, fill; <c>Double</c> draws a second frame (the LSP).</summary>
    public sealed record KindStyle(string Colour, string Pattern, double Frame, string Dash, double Radius, string Fill, bool Double = false);

    public static readonly IReadOnlyList<(string Kind, KindStyle Style)> Kinds =
    [
        ("lsp", new("#003078", "solid", 2.5, "", 0, "#e8f0f8", true)),
        ("trust-board", new("#1d70b8", "solid", 2.5, "", 4, "#ffffff")),
        ("executive", new("#12436d", "hlines", 1.5, "", 4, "#ffffff")),
        ("commissioning", new("#00703c", "hatch", 1.5, "", 4, "#ffffff")),
        ("thematic", new("#4c2c92", "dots", 1.2, "", 4, "#ffffff")),
        ("locality", new("#28a197", "vlines", 1.2, "", 10, "#ffffff")),
        ("safeguarding", new("#942514", "cross", 2, "", 4, "#ffffff")),
        ("advisory", new("#6f72af", "backhatch", 1.5, "5 3", 4, "#ffffff")),
        ("support", new("#6f777b", "sparse", 1, "", 2, "#ffffff")),
        ("network", new("#b58840", "grid", 1.2, "1.5 2.5", 10, "#ffffff")),
        ("agency-governance", new("#505a5f", "solid", 1.5, "", 0, "#f3f2f1")),
        ("sub-group", new("#85994b", "checker", 1, "", 2, "#ffffff")),
    ];

    private static readonly KindStyle Fallback = new(Grey, "solid", 1, "", 2, "#ffffff");

    public static KindStyle Kind(string kind) => Kinds.FirstOrDefault(k => k.Kind == kind).Style ?? Fallback;

    public static int KindOrder(string kind)
    {
        for (var i = 0; i < Kinds.Count; i++) if (Kinds[i].Kind == kind) return i;
        return Kinds.Count;
    }

    /// <summary>A line's look; <c>Marker</c> names the arrowhead drawn at the end the line points to.</summary>
    public sealed record EdgeStyle(string Label, string Stroke, double Width, string Dash, string Marker, double Opacity = 1);

    public static readonly IReadOnlyList<(string Kind, EdgeStyle Style)> Edges =
    [
        ("accountable-to", new("Accountable to", Ink, 1.8, "", "arrow")),
        ("reports-to", new("Reports to", Ink, 1.6, "7 4", "arrow")),
        ("advises", new("Advises", Grey, 1.8, "0.5 4", "open")),
        ("observes", new("Observes", Grey, 0.8, "", "open")),
        ("part-of", new("Part of (containment)", Grey, 1.2, "10 3 2 3", "diamond")),
        ("serves", new("Duty serves outcome", "#6f777b", 0.9, "", "dot", 0.75)),
        ("note", new("Note", "#b1b4b6", 1, "2 2", "")),
    ];

    public static EdgeStyle Edge(string kind) => Edges.FirstOrDefault(e => e.Kind == kind).Style ?? Edges[3].Style;

    /// <summary>How long the marker is along the line, from its tip: the part of a line that must stay visible.</summary>
    public static double MarkerLength(string marker) => marker switch
    {
        "arrow" => 10,
        "open" => 9,
        "diamond" => 12,
        "dot" => 7,
        _ => 0,
    };

    public static string PatternBody(string name, string colour) => name switch
    {
        "hlines" => $"<rect width=\"6\" height=\"6\" fill=\"#fff\"/><rect width=\"6\" height=\"3\" fill=\"{colour}\"/>",
        "vlines" => $"<rect width=\"6\" height=\"6\" fill=\"#fff\"/><rect width=\"3\" height=\"6\" fill=\"{colour}\"/>",
        "hatch" => $"<rect width=\"6\" height=\"6\" fill=\"#fff\"/><path d=\"M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2\" stroke=\"{colour}\" stroke-width=\"2\"/>",
        "backhatch" => $"<rect width=\"6\" height=\"6\" fill=\"#fff\"/><path d=\"M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2\" stroke=\"{colour}\" stroke-width=\"2\"/>",
        "cross" => $"<rect width=\"6\" height=\"6\" fill=\"#fff\"/><path d=\"M0,0 l6,6 M6,0 l-6,6\" stroke=\"{colour}\" stroke-width=\"1.6\"/>",
        "dots" => $"<rect width=\"6\" height=\"6\" fill=\"#fff\"/><circle cx=\"3\" cy=\"3\" r=\"1.8\" fill=\"{colour}\"/>",
        "sparse" => $"<rect width=\"6\" height=\"6\" fill=\"#fff\"/><circle cx=\"3\" cy=\"3\" r=\"1\" fill=\"{colour}\"/>",
        "grid" => $"<rect width=\"6\" height=\"6\" fill=\"#fff\"/><path d=\"M0,0.5 h6 M0.5,0 v6\" stroke=\"{colour}\" stroke-width=\"1.2\"/>",
        "checker" => $"<rect width=\"6\" height=\"6\" fill=\"#fff\"/><rect width=\"3\" height=\"3\" fill=\"{colour}\"/><rect x=\"3\" y=\"3\" width=\"3\" height=\"3\" fill=\"{colour}\"/>",
        _ => $"<rect width=\"6\" height=\"6\" fill=\"{colour}\"/>",
    };

    public static readonly IReadOnlyDictionary<string, string> RingFills = new Dictionary<string, string>
    {
        ["governance"] = "#e3ecf5", ["strategy"] = "#ebf2e6", ["processes"] = "#f2ecf6", ["delivery"] = "#faf1e6", ["outcomes"] = "#ffffff",
    };
}
