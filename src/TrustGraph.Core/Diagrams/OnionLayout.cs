using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Routing;
using MsaglNode = Microsoft.Msagl.Core.Layout.Node;
using MsaglEdge = Microsoft.Msagl.Core.Layout.Edge;

namespace TrustGraph.Diagrams;

/// <summary>
/// The onion, placed here and routed by MSAGL. The five outcomes sit around the centre; each ring, from front-line
/// delivery out to inter-agency governance, is a rounded band around the one inside it, its name across the top of the
/// band and its bodies in rows above and below the inner ring (rows wrap, so the onion grows with its content rather
/// than its text shrinking). The LSP and agencies' own governance sit in a row above the rings, the boards' notes in a
/// row below. MSAGL's spline router draws every line around the boxes and the ring names.
/// </summary>
internal static class OnionLayout
{
    private const double Clearance = 4;
    private const double Gap = 18;
    private const double RowGap = 20;
    private const double Side = 22;
    private const double Inset = 30;
    public const double RingLabelSize = 11;
    public const double RingLabelSpacing = 0.8;
    private const double LabelHeight = 14;

    /// <summary>Room between a ring's name and its first row, so MSAGL's router keeps the two apart and no line crosses the name.</summary>
    private const double LabelGap = 18;

    /// <summary>The widest a row of bodies grows before it wraps: wide enough to keep the onion short, narrow enough for a page.</summary>
    private const double RowCap = 640;

    public static DiagramLayout Lay(DiagramModel model)
    {
        var sizes = model.Nodes.ToDictionary(n => n.Id, n => NodeSizes.Measure(n, narrow: true));
        var placed = new List<PlacedNode>();
        var rings = new List<PlacedRing>();
        void Put(DiagramNode n, double x, double y) => placed.Add(new PlacedNode(n, new Box(x, y, sizes[n.Id].W, sizes[n.Id].H), sizes[n.Id]));

        var centre = model.Nodes.FirstOrDefault(n => n.Role == DiagramNode.OutcomeRole && n.Kind == "outcomes");
        var outcomes = model.Nodes.Where(n => n.Role == DiagramNode.OutcomeRole && n.Kind != "outcomes").ToList();
        var coreRows = new List<List<DiagramNode>>();
        // Two rows: three outcomes above, the centre between the other two below.
        var half = (outcomes.Count + 1) / 2;
        if (outcomes.Count > 0) coreRows.Add(outcomes.Take(half).ToList());
        var second = outcomes.Skip(half).ToList();
        if (centre is not null) second.Insert(second.Count / 2, centre);
        if (second.Count > 0) coreRows.Add(second);
        var coreW = coreRows.Select(r => RowWidth(r, sizes)).DefaultIfEmpty(150).Max();
        var y = 0.0;
        foreach (var row in coreRows)
        {
            var rowH = row.Max(n => sizes[n.Id].H);
            var x = -RowWidth(row, sizes) / 2;
            foreach (var n in row)
            {
                Put(n, x, y + (rowH - sizes[n.Id].H) / 2);
                x += sizes[n.Id].W + Gap;
            }
            y += rowH + 12;
        }
        var inner = new Box(-coreW / 2 - 18, -18, coreW + 36, Math.Max(y - 12, 40) + 36);
        var outcomesRing = model.Rings.FirstOrDefault(r => r.Id == "outcomes");
        rings.Add(new PlacedRing("outcomes", outcomesRing?.Label ?? Wording.OutcomesForChildren, inner, 24, null));

        var ringLabels = new List<Box>();
        foreach (var ring in model.Rings.Where(r => r.Id != "outcomes").Reverse())
        {
            var members = model.Nodes.Where(n => n.Role == DiagramNode.BodyRole && n.Layer == ring.Id).ToList();
            var labelText = ring.Label.ToUpperInvariant();
            var labelW = TextWidths.Measure(labelText, RingLabelSize, true, RingLabelSpacing);
            var cap = Math.Max(inner.W + 2 * Side - 2 * Inset, RowCap);
            var oneRow = RowWidth(members, sizes) <= cap;
            var upper = oneRow ? members : members.Take((members.Count + 1) / 2).ToList();
            var lower = members.Skip(upper.Count).ToList();
            var upperRows = Rows(upper, sizes, cap);
            var lowerRows = Rows(lower, sizes, cap);
            var widest = upperRows.Concat(lowerRows).Select(r => RowWidth(r, sizes)).Append(labelW).Max();
            var width = Math.Max(inner.W + 2 * Side, widest + 2 * Inset);
            var upperH = upperRows.Sum(r => r.Max(n => sizes[n.Id].H) + RowGap);
            var lowerH = lowerRows.Sum(r => r.Max(n => sizes[n.Id].H) + RowGap);
            var topBand = 8 + LabelHeight + (upperRows.Count > 0 ? LabelGap + upperH + 4 : 8);
            var bottomBand = lowerRows.Count > 0 ? RowGap + lowerH + 6 : Side;
            var outer = new Box(-width / 2, inner.Y - topBand, width, inner.H + topBand + bottomBand);
            var label = new Box(-labelW / 2, outer.Y + 8, labelW, LabelHeight);
            ringLabels.Add(label);
            rings.Add(new PlacedRing(ring.Id, ring.Label, outer, 28, label));

            y = label.Bottom + LabelGap;
            foreach (var row in upperRows) y = PlaceRow(row, y);
            y = inner.Bottom + RowGap;
            foreach (var row in lowerRows) y = PlaceRow(row, y);
            inner = outer;
        }

        double PlaceRow(List<DiagramNode> row, double top)
        {
            var rowH = row.Max(n => sizes[n.Id].H);
            var x = -RowWidth(row, sizes) / 2;
            foreach (var n in row)
            {
                Put(n, x, top + (rowH - sizes[n.Id].H) / 2);
                x += sizes[n.Id].W + Gap;
            }
            return top + rowH + RowGap;
        }

        var ringIds = model.Rings.Select(r => r.Id).ToHashSet();
        var outside = model.Nodes.Where(n => n.Role == DiagramNode.BodyRole && !ringIds.Contains(n.Layer))
            .OrderBy(n => n.Kind == "lsp" ? 0 : 1).ToList();
        var outsideRows = Rows(outside, sizes, Math.Max(inner.W, 600));
        var outsideH = outsideRows.Sum(r => r.Max(n => sizes[n.Id].H) + RowGap + 6);
        y = inner.Y - 30 - outsideH;
        foreach (var row in outsideRows) y = PlaceRow(row, y) + 6;

        // The boards' notes in a column to the right of the rings, from the top of the outer ring down.
        var notes = model.Nodes.Where(n => n.Role == DiagramNode.NoteRole).ToList();
        y = inner.Y;
        foreach (var n in notes)
        {
            Put(n, inner.Right + 30, y);
            y += sizes[n.Id].H + 16;
        }

        var routed = Route(model, placed, ringLabels);
        var bounds = placed.Select(p => p.Box).Aggregate(inner, (a, b) => a.Union(b));
        return new DiagramLayout(placed, routed, rings, [], bounds.Inflate(10));
    }

    /// <summary>
    /// MSAGL's spline router draws every line around the boxes and the ring names. Of several lines between the same two
    /// boxes only the first is routed (the router's own bundling of such lines orders them by object hash, which would
    /// make the drawing differ from run to run); each later one is drawn a few units beside it.
    /// </summary>
    private static List<PlacedEdge> Route(DiagramModel model, List<PlacedNode> placed, List<Box> ringLabels)
    {
        var ids = placed.Select(p => p.Node.Id).ToHashSet();
        var lines = model.Edges.Where(e => e.From != e.To && ids.Contains(e.From) && ids.Contains(e.To)).ToList();
        var pass = new Dictionary<DiagramEdge, int>();
        foreach (var pair in lines.GroupBy(Pair))
        {
            var i = 0;
            foreach (var e in pair) pass[e] = i++;
        }
        var graph = new GeometryGraph();
        var msagl = new Dictionary<string, MsaglNode>();
        foreach (var p in placed)
        {
            var b = p.Box.Inflate(Clearance);
            var node = new MsaglNode(CurveFactory.CreateRectangle(b.W, b.H, new Point(b.CentreX, b.CentreY)), p.Node.Id);
            graph.Nodes.Add(node);
            msagl[p.Node.Id] = node;
        }
        foreach (var label in ringLabels)
        {
            var b = label.Inflate(2);
            graph.Nodes.Add(new MsaglNode(CurveFactory.CreateRectangle(b.W, b.H, new Point(b.CentreX, b.CentreY))));
        }
        var edges = new List<(DiagramEdge Edge, MsaglEdge Geometry)>();
        foreach (var e in lines.Where(e => pass[e] == 0))
        {
            var geometry = new MsaglEdge(msagl[e.From], msagl[e.To]);
            graph.Edges.Add(geometry);
            edges.Add((e, geometry));
        }
        if (edges.Count > 0) new SplineRouter(graph, edges.Select(e => e.Geometry), 1, 4, ConeAngle, null).Run();
        var first = edges.Where(x => x.Geometry.Curve is not null)
            .ToDictionary(x => Pair(x.Edge), x => (x.Edge, Path: Curves.Path(x.Geometry.Curve, flipY: false)));
        var boxes = placed.ToDictionary(p => p.Node.Id, p => p.Box);
        var routed = new List<PlacedEdge>();
        foreach (var e in lines)
        {
            if (!first.TryGetValue(Pair(e), out var route)) continue;
            var path = route.Edge.From == e.From ? route.Path : Curves.Reverse(route.Path);
            routed.Add(new PlacedEdge(e, pass[e] == 0 ? path : Beside(path, 4 * pass[e], boxes[e.From], boxes[e.To])));
        }
        return routed;
    }

    /// <summary>
    /// A later line between the same two boxes, drawn beside the first: moved to whichever side keeps both its ends clear
    /// of the two boxes (a sideways move can push the head of a line that meets a box at a slant into the box), or, when
    /// neither side does, drawn over the first.
    /// </summary>
    private static List<PathPiece> Beside(List<PathPiece> path, double by, Box from, Box to)
    {
        foreach (var side in new[] { by, -by, 2 * by, -2 * by })
        {
            var moved = Offset(path, side);
            if (Clear(Curves.Start(moved), from) && Clear(Curves.End(moved), to)) return moved;
        }
        return path;

        static bool Clear(Point p, Box box) =>
            !(p.X > box.X - 1.5 && p.X < box.Right + 1.5 && p.Y > box.Y - 1.5 && p.Y < box.Bottom + 1.5);
    }

    /// <summary>Wider cones give MSAGL's router a sparser visibility graph: a little less direct, several times faster.</summary>
    private const double ConeAngle = Math.PI / 4;

    private static (string, string) Pair(DiagramEdge e) => string.CompareOrdinal(e.From, e.To) < 0 ? (e.From, e.To) : (e.To, e.From);

    /// <summary>The path moved sideways by <paramref name="by"/> units, across the line from its start to its end.</summary>
    private static List<PathPiece> Offset(List<PathPiece> path, double by)
    {
        var (a, b) = (Curves.Start(path), Curves.End(path));
        var length = Math.Max(1e-6, Math.Sqrt((b.X - a.X) * (b.X - a.X) + (b.Y - a.Y) * (b.Y - a.Y)));
        var (nx, ny) = (-(b.Y - a.Y) / length * by, (b.X - a.X) / length * by);
        return path.Select(p => new PathPiece(p.Command, p.Points.Select(q => new Point(q.X + nx, q.Y + ny)).ToArray())).ToList();
    }

    private static double RowWidth(IReadOnlyList<DiagramNode> row, Dictionary<string, NodeSize> sizes) =>
        row.Sum(n => sizes[n.Id].W) + Gap * Math.Max(0, row.Count - 1);

    private static List<List<DiagramNode>> Rows(IReadOnlyList<DiagramNode> nodes, Dictionary<string, NodeSize> sizes, double cap)
    {
        var rows = new List<List<DiagramNode>>();
        var row = new List<DiagramNode>();
        var width = 0.0;
        foreach (var n in nodes)
        {
            var w = sizes[n.Id].W;
            if (row.Count > 0 && width + Gap + w > cap)
            {
                rows.Add(row);
                row = [];
                width = 0;
            }
            width += (row.Count > 0 ? Gap : 0) + w;
            row.Add(n);
        }
        if (row.Count > 0) rows.Add(row);
        return rows;
    }
}
