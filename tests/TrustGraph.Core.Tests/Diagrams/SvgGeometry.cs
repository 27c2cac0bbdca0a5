using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace TrustGraph.Core.Tests.Diagrams;

/// <summary>A rectangle read back from a drawing, in the SVG's user units.</summary>
internal readonly record struct Rect(double X, double Y, double W, double H)
{
    public double Right => X + W;
    public double Bottom => Y + H;
    public double CentreY => Y + H / 2;

    public bool Contains(Pt p, double margin = 0) => p.X > X - margin && p.X < Right + margin && p.Y > Y - margin && p.Y < Bottom + margin;

    public bool Overlaps(Rect o) => X < o.Right && o.X < Right && Y < o.Bottom && o.Y < Bottom;

    public bool Inside(Rect o, double margin = 0) => X >= o.X + margin && Y >= o.Y + margin && Right <= o.Right - margin && Bottom <= o.Bottom - margin;

    public override string ToString() => FormattableString.Invariant($"({X:0.#},{Y:0.#} {W:0.#}x{H:0.#})");
}

internal readonly record struct Pt(double X, double Y)
{
    public double DistanceTo(Rect r)
    {
        var dx = Math.Max(Math.Max(r.X - X, 0), X - r.Right);
        var dy = Math.Max(Math.Max(r.Y - Y, 0), Y - r.Bottom);
        return Math.Sqrt(dx * dx + dy * dy);
    }
}

/// <summary>One line of text as drawn: where it starts, its width (its <c>textLength</c>) and its font size.</summary>
internal sealed record TextLine(string Text, Rect Box, double Size);

internal sealed record NodeShape(string Id, IReadOnlyList<string> Classes, Rect Frame, IReadOnlyList<TextLine> Label, IReadOnlyList<TextLine> Texts)
{
    public bool Has(string cls) => Classes.Contains(cls);
}

/// <summary>A line as drawn: its pieces sampled into points, from its start to the tip of its marker.</summary>
internal sealed record EdgeShape(string From, string To, string Kind, IReadOnlyList<string> Classes, IReadOnlyList<Pt> Points, string? Marker)
{
    public Pt Start => Points[0];
    public Pt End => Points[^1];

    /// <summary>The point <paramref name="length"/> units back from the tip along the line, where the arrowhead's base is.</summary>
    public Pt Back(double length)
    {
        var last = End;
        for (var i = Points.Count - 2; i >= 0; i--)
        {
            var p = Points[i];
            var d = Math.Sqrt((p.X - last.X) * (p.X - last.X) + (p.Y - last.Y) * (p.Y - last.Y));
            if (d >= length)
            {
                var t = length / d;
                return new Pt(last.X + (p.X - last.X) * t, last.Y + (p.Y - last.Y) * t);
            }
        }
        return Start;
    }
}

internal sealed record RingShape(string Id, Rect Outer, double Radius);

/// <summary>
/// The geometry of a drawing read back from its SVG: boxes, lines, tags, badges, notes, rings and their names, the key.
/// The promises the diagrams make are asserted on this, so they hold for what a reader actually sees.
/// </summary>
internal sealed class SvgGeometry
{
    private static readonly XNamespace S = "http://www.w3.org/2000/svg";

    public double Width { get; }
    public double Height { get; }
    public List<NodeShape> Nodes { get; } = [];
    public List<NodeShape> Bodies => Nodes.Where(n => n.Has("tg-body")).ToList();
    public List<EdgeShape> Edges { get; } = [];
    public List<Rect> Tags { get; } = [];
    public List<Rect> Badges { get; } = [];
    public List<(string Id, Rect Box, IReadOnlyList<TextLine> Texts)> Notes { get; } = [];
    public List<RingShape> Rings { get; } = [];
    public List<(string Ring, TextLine Text)> RingLabels { get; } = [];
    public List<TextLine> GroupLabels { get; } = [];
    public List<Rect> KeyItems { get; } = [];
    public Rect KeyArea { get; }
    public Rect Heading { get; }

    public SvgGeometry(string svg)
    {
        var root = XDocument.Parse(svg).Root!;
        Width = N(root.Attribute("width")!.Value);
        Height = N(root.Attribute("height")!.Value);
        foreach (var g in root.Descendants(S + "g"))
        {
            var classes = Classes(g);
            if (classes.Contains("tg-node"))
            {
                var frame = RectOf(g.Elements(S + "rect").Single(r => Classes(r).Contains("tg-frame")));
                var label = g.Elements(S + "text").Where(t => Classes(t).Contains("tg-label")).SelectMany(Lines).ToList();
                var texts = g.Descendants(S + "text").SelectMany(Lines).ToList();
                Nodes.Add(new NodeShape(g.Attribute("data-id")!.Value, classes, frame, label, texts));
                foreach (var tag in g.Descendants(S + "rect").Where(r => Classes(r).Contains("tg-tag"))) Tags.Add(RectOf(tag));
                foreach (var badge in g.Descendants(S + "g").Where(b => Classes(b).Contains("tg-badge")))
                {
                    var c = badge.Element(S + "circle")!;
                    var r = N(c.Attribute("r")!.Value);
                    Badges.Add(new Rect(N(c.Attribute("cx")!.Value) - r, N(c.Attribute("cy")!.Value) - r, 2 * r, 2 * r));
                }
            }
            else if (classes.Contains("tg-edge"))
            {
                var path = g.Element(S + "path")!;
                var marker = (string?)path.Attribute("marker-end");
                Edges.Add(new EdgeShape(g.Attribute("data-from")!.Value, g.Attribute("data-to")!.Value,
                    classes.First(c => c.StartsWith("kind-", StringComparison.Ordinal))[5..], classes, Sample(path.Attribute("d")!.Value),
                    marker is null ? null : Regex.Match(marker, @"url\(#[^-]+-(.+)\)").Groups[1].Value));
            }
            else if (classes.Contains("tg-note"))
            {
                var d = g.Elements(S + "path").First().Attribute("d")!.Value;
                var m = Regex.Match(d, @"^M([-\d.]+),([-\d.]+) h([-\d.]+) l10,10 v([-\d.]+)");
                Notes.Add((g.Attribute("data-id")!.Value, new Rect(N(m.Groups[1].Value), N(m.Groups[2].Value), N(m.Groups[3].Value) + 10, N(m.Groups[4].Value) + 10),
                    g.Elements(S + "text").SelectMany(Lines).ToList()));
            }
            else if (classes.Contains("tg-key-item"))
            {
                var text = Lines(g.Element(S + "text")!).Single();
                KeyItems.Add(new Rect(text.Box.X - 34, text.Box.Y - 2, text.Box.Right - text.Box.X + 34, text.Box.H + 4));
            }
        }
        foreach (var r in root.Descendants(S + "rect").Where(r => Classes(r).Contains("tg-ring")))
            Rings.Add(new RingShape(r.Attribute("data-ring")!.Value, RectOf(r), N(r.Attribute("rx")!.Value)));
        foreach (var t in root.Descendants(S + "text").Where(t => Classes(t).Contains("tg-ring-label")))
            RingLabels.Add((t.Attribute("data-ring")!.Value, Lines(t).Single()));
        foreach (var t in root.Descendants(S + "text").Where(t => Classes(t).Contains("tg-group-label")))
            GroupLabels.Add(Lines(t).Single());
        var legend = root.Descendants(S + "g").Single(g => Classes(g).Contains("tg-legend"));
        var legendTop = Regex.Match(legend.Element(S + "path")!.Attribute("d")!.Value, @"^M[-\d.]+,([-\d.]+)").Groups[1].Value;
        KeyArea = new Rect(0, N(legendTop), Width, Height - N(legendTop));
        var heading = root.Descendants(S + "g").Single(g => Classes(g).Contains("tg-heading")).Elements(S + "text").SelectMany(Lines).ToList();
        Heading = new Rect(0, 0, Width, heading.Max(t => t.Box.Bottom));
    }

    /// <summary>Every box a line must not end under: other bodies' frames, tags, badges and notes.</summary>
    public IEnumerable<Rect> Obstacles => Nodes.Select(n => n.Frame).Concat(Tags).Concat(Badges).Concat(Notes.Select(n => n.Box));

    private static List<string> Classes(XElement e) => ((string?)e.Attribute("class") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static double N(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static Rect RectOf(XElement r) =>
        new(N(r.Attribute("x")!.Value), N(r.Attribute("y")!.Value), N(r.Attribute("width")!.Value), N(r.Attribute("height")!.Value));

    /// <summary>The lines of a text element: its tspans, or itself; the box spans the measured width and the font's ascent and descent.</summary>
    private static IEnumerable<TextLine> Lines(XElement text)
    {
        var size = N(text.Attribute("font-size")!.Value);
        var anchor = (string?)text.Attribute("text-anchor") ?? "start";
        var spans = text.Elements(S + "tspan").ToList();
        foreach (var e in spans.Count > 0 ? spans : [text])
        {
            if (e.Value.Length == 0) continue;
            var length = N(e.Attribute("textLength")!.Value);
            var x = N(e.Attribute("x")!.Value);
            var y = N(e.Attribute("y")!.Value);
            var left = anchor == "middle" ? x - length / 2 : x;
            yield return new TextLine(e.Value, new Rect(left, y - size * 0.77, length, size * 0.98), size);
        }
    }

    /// <summary>A path of absolute M, L and C pieces as points, Béziers sampled every few units.</summary>
    private static List<Pt> Sample(string d)
    {
        var points = new List<Pt>();
        foreach (Match m in Regex.Matches(d, @"([MLC])([^MLC]*)"))
        {
            var coords = Regex.Matches(m.Groups[2].Value, @"(-?[\d.]+),(-?[\d.]+)").Select(c => new Pt(N(c.Groups[1].Value), N(c.Groups[2].Value))).ToList();
            switch (m.Groups[1].Value)
            {
                case "M":
                case "L":
                    points.AddRange(coords);
                    break;
                case "C":
                    var p0 = points[^1];
                    const int steps = 24;
                    for (var i = 1; i <= steps; i++)
                    {
                        var t = i / (double)steps;
                        var u = 1 - t;
                        points.Add(new Pt(
                            u * u * u * p0.X + 3 * u * u * t * coords[0].X + 3 * u * t * t * coords[1].X + t * t * t * coords[2].X,
                            u * u * u * p0.Y + 3 * u * u * t * coords[0].Y + 3 * u * t * t * coords[1].Y + t * t * t * coords[2].Y));
                    }
                    break;
            }
        }
        return points;
    }
}
