using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;

namespace TrustGraph.Diagrams;

/// <summary>An axis-aligned box in the diagram's coordinates (y grows downwards, as in SVG).</summary>
internal readonly record struct Box(double X, double Y, double W, double H)
{
    public double Right => X + W;
    public double Bottom => Y + H;
    public double CentreX => X + W / 2;
    public double CentreY => Y + H / 2;

    public static Box Centred(double cx, double cy, double w, double h) => new(cx - w / 2, cy - h / 2, w, h);

    public Box Inflate(double by) => new(X - by, Y - by, W + 2 * by, H + 2 * by);

    public Box Move(double dx, double dy) => new(X + dx, Y + dy, W, H);

    public bool Overlaps(Box other, double margin = 0) =>
        X < other.Right + margin && other.X < Right + margin && Y < other.Bottom + margin && other.Y < Bottom + margin;

    public Box Union(Box other)
    {
        var x = Math.Min(X, other.X);
        var y = Math.Min(Y, other.Y);
        return new Box(x, y, Math.Max(Right, other.Right) - x, Math.Max(Bottom, other.Bottom) - y);
    }
}

/// <summary>One piece of a line's path: a move, a straight line or a cubic Bézier, with absolute points.</summary>
internal readonly record struct PathPiece(char Command, Point[] Points);

/// <summary>A node of the model with its box and its text broken into lines at the size it is drawn.</summary>
internal sealed record PlacedNode(DiagramNode Node, Box Box, IReadOnlyList<string> Lines, double Size, IReadOnlyList<string> Caption)
{
    public PlacedNode(DiagramNode node, Box box, NodeSize size) : this(node, box, size.Lines, size.Size, size.Caption) { }
}

/// <summary>How big a node's box is, with its name and its caption (the kind, in capitals) broken into lines.</summary>
internal sealed record NodeSize(double W, double H, IReadOnlyList<string> Lines, double Size, IReadOnlyList<string> Caption);

/// <summary>A line of the model with its route, from the <c>from</c> node to the <c>to</c> node.</summary>
internal sealed record PlacedEdge(DiagramEdge Edge, IReadOnlyList<PathPiece> Path);

/// <summary>An onion ring: its outer edge (a rounded rectangle), and where its name is written.</summary>
internal sealed record PlacedRing(string Id, string Label, Box Outer, double Radius, Box? LabelBox);

/// <summary>A caption over a group of boxes (the hierarchy's bodies with no line).</summary>
internal sealed record GroupLabel(string Text, Box Box);

/// <summary>Everything a diagram draws, placed; <see cref="Bounds"/> holds all of it.</summary>
internal sealed record DiagramLayout(
    IReadOnlyList<PlacedNode> Nodes,
    IReadOnlyList<PlacedEdge> Edges,
    IReadOnlyList<PlacedRing> Rings,
    IReadOnlyList<GroupLabel> Groups,
    Box Bounds);

/// <summary>How big each box is: its text wrapped and measured with <see cref="TextWidths"/>.</summary>
internal static class NodeSizes
{
    public const double LabelSize = 14;
    public const double LabelLineHeight = 17;
    public const double CaptionSize = 8.5;
    public const double CaptionSpacing = 0.4;
    public const double CaptionLineHeight = 10.5;
    public const double NoteSize = 11;
    public const double NoteLineHeight = 14.5;
    public const double Pad = 9;
    public const double Stripe = 8;
    public const double TagHeight = 13;
    public const double TagWidth = 92;
    public const double BadgeRadius = 8;
    public const string TagText = "NO PATH TO LSP";

    /// <summary>True when the body carries the "no path to the LSP" finding, whose tag is drawn inside its box.</summary>
    public static bool HasTag(DiagramNode node) => node.Classes.Contains("ov-lsp-reporting-gap");

    /// <summary>Where a body's first caption line and first name line sit, below the box's top.</summary>
    public static double CaptionBaseline(int line) => 15 + line * CaptionLineHeight;

    public static double LabelBaseline(int captionLines, int line) => CaptionBaseline(captionLines - 1) + 19 + line * LabelLineHeight;

    public static NodeSize Measure(DiagramNode node, bool narrow)
    {
        if (node.Role == DiagramNode.OutcomeRole)
        {
            var centre = node.Kind == "outcomes";
            var size = centre ? 14 : 13;
            var lines = TextWidths.Wrap(node.Label, size, centre ? 120 : 110, bold: true);
            var textW = lines.Max(l => TextWidths.Measure(l, size, bold: true));
            return new(Math.Ceiling(Math.Max(textW + 34, centre ? 150 : 100)), lines.Count * (size + 3) + (centre ? 24 : 14), lines, size, []);
        }
        if (node.Role == DiagramNode.NoteRole)
        {
            var lines = node.Notes.SelectMany(n => TextWidths.Wrap(n, NoteSize, 200)).ToList();
            var caption = TextWidths.Measure(node.KindLabel.ToUpperInvariant(), 9.5, true, 0.5);
            var textW = lines.Select(l => TextWidths.Measure(l, NoteSize)).Append(caption).Max();
            return new(Math.Ceiling(textW + 2 * Pad + 10), Pad + 14 + lines.Count * NoteLineHeight + Pad - 2, lines, NoteSize, []);
        }
        var max = narrow ? 140.0 : 130.0;
        var label = TextWidths.Wrap(node.Label, LabelSize, max, bold: true);
        var captionMax = max - (node.Badge is null ? 0 : 2 * BadgeRadius + 6);
        var captionLines = WrapCaption(node.KindLabel.ToUpperInvariant(), captionMax);
        var captionW = captionLines.Max(c => TextWidths.Measure(c, CaptionSize, true, CaptionSpacing)) + (node.Badge is null ? 0 : 2 * BadgeRadius + 6);
        var text = label.Select(l => TextWidths.Measure(l, LabelSize, bold: true)).Append(captionW).Max();
        var w = Math.Max(text + 2 * Pad + Stripe, narrow ? 116 : 124);
        var h = LabelBaseline(captionLines.Count, label.Count - 1) + 10 + (HasTag(node) ? TagHeight + 4 : 0);
        return new(Math.Ceiling(w), h, label, LabelSize, captionLines);
    }

    private static IReadOnlyList<string> WrapCaption(string caption, double max)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in caption.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length > 0 ? line + " " + word : word;
            if (line.Length == 0 || TextWidths.Measure(candidate, CaptionSize, true, CaptionSpacing) <= max) line = candidate;
            else
            {
                lines.Add(line);
                line = word;
            }
        }
        lines.Add(line);
        return lines;
    }

    public static PlacedNode Place(DiagramNode node, double cx, double cy, NodeSize size) =>
        new(node, Box.Centred(cx, cy, size.W, size.H), size);
}

/// <summary>MSAGL curves as path pieces, in the diagram's coordinates (<paramref name="flipY"/> for MSAGL's upward y).</summary>
internal static class Curves
{
    public static List<PathPiece> Path(ICurve curve, bool flipY)
    {
        Point P(Point p) => flipY ? new Point(p.X, -p.Y) : p;
        var pieces = new List<PathPiece> { new('M', [P(curve.Start)]) };
        var segments = curve is Curve c ? c.Segments : [curve];
        foreach (var s in segments)
        {
            switch (s)
            {
                case LineSegment l:
                    pieces.Add(new('L', [P(l.End)]));
                    break;
                case CubicBezierSegment b:
                    pieces.Add(new('C', [P(b.B(1)), P(b.B(2)), P(b.B(3))]));
                    break;
                case Polyline poly:
                    foreach (var p in poly.Skip(1)) pieces.Add(new('L', [P(p)]));
                    break;
                default:
                    const int steps = 8;
                    for (var i = 1; i <= steps; i++)
                        pieces.Add(new('L', [P(s[s.ParStart + (s.ParEnd - s.ParStart) * i / steps])]));
                    break;
            }
        }
        return pieces;
    }

    public static Point End(IReadOnlyList<PathPiece> path) => path[^1].Points[^1];

    public static Point Start(IReadOnlyList<PathPiece> path) => path[0].Points[0];

    /// <summary>The same path walked the other way.</summary>
    public static List<PathPiece> Reverse(IReadOnlyList<PathPiece> path)
    {
        var points = new List<Point> { Start(path) };
        foreach (var piece in path.Skip(1)) points.AddRange(piece.Points);
        var result = new List<PathPiece> { new('M', [End(path)]) };
        var at = points.Count - 1;
        for (var i = path.Count - 1; i >= 1; i--)
        {
            var piece = path[i];
            var n = piece.Points.Length;
            var before = at - n;
            result.Add(piece.Command == 'C'
                ? new PathPiece('C', [points[at - 1], points[at - 2], points[before]])
                : new PathPiece('L', [points[before]]));
            at = before;
        }
        return result;
    }

    public static List<PathPiece> Straight(Point from, Point to) => [new('M', [from]), new('L', [to])];

    /// <summary>Where the segment from the centre of <paramref name="box"/> towards <paramref name="towards"/> leaves the box.</summary>
    public static Point Clip(Box box, Point towards)
    {
        var cx = box.CentreX;
        var cy = box.CentreY;
        var dx = towards.X - cx;
        var dy = towards.Y - cy;
        var tx = dx == 0 ? double.PositiveInfinity : (dx > 0 ? box.Right - cx : box.X - cx) / dx;
        var ty = dy == 0 ? double.PositiveInfinity : (dy > 0 ? box.Bottom - cy : box.Y - cy) / dy;
        var t = Math.Min(tx, ty);
        return new Point(cx + dx * t, cy + dy * t);
    }
}
