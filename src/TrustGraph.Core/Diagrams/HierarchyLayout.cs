using Microsoft.Msagl.Core.Geometry;
using Microsoft.Msagl.Core.Geometry.Curves;
using Microsoft.Msagl.Core.Layout;
using Microsoft.Msagl.Core.Routing;
using Microsoft.Msagl.Layout.Layered;
using Microsoft.Msagl.Miscellaneous;
using MsaglNode = Microsoft.Msagl.Core.Layout.Node;
using MsaglEdge = Microsoft.Msagl.Core.Layout.Edge;

namespace TrustGraph.Diagrams;

/// <summary>
/// The hierarchy laid out by MSAGL's layered (Sugiyama) layout. Each line is given to MSAGL from the body answered to
/// down to the body that answers, so MSAGL's layers put the answered-to body higher and every line points up; the LSPs
/// and the partner agencies' own governance that answer to no one are pinned to the top layer, side by side; a board's
/// note goes in the nearest free place beside it; bodies with no line at all are set apart in a row below, under a label.
/// </summary>
internal static class HierarchyLayout
{
    public const string NoLineLabel = "No line recorded";
    private const double Clearance = 5;

    public static DiagramLayout Lay(DiagramModel model)
    {
        var sizes = model.Nodes.ToDictionary(n => n.Id, n => NodeSizes.Measure(n, narrow: false));
        var lines = model.Edges.Where(e => e.Kind != DiagramEdge.Note && e.From != e.To && sizes.ContainsKey(e.From) && sizes.ContainsKey(e.To)).ToList();
        var touched = lines.SelectMany(e => new[] { e.From, e.To }).ToHashSet();
        var bodies = model.Nodes.Where(n => n.Role == DiagramNode.BodyRole).ToList();
        var laid = bodies.Where(b => touched.Contains(b.Id)).ToList();
        var apart = bodies.Where(b => !touched.Contains(b.Id) && b.Kind != "lsp").ToList();
        var lonelyLsps = bodies.Where(b => !touched.Contains(b.Id) && b.Kind == "lsp").ToList();

        var graph = new GeometryGraph();
        var nodes = new Dictionary<string, MsaglNode>();
        foreach (var n in laid)
        {
            var s = sizes[n.Id];
            var node = new MsaglNode(CurveFactory.CreateRectangle(s.W + 2 * Clearance, s.H + 2 * Clearance, new Point()), n.Id);
            graph.Nodes.Add(node);
            nodes[n.Id] = node;
        }
        var edges = new List<(DiagramEdge Edge, MsaglEdge Geometry)>();
        foreach (var e in lines)
        {
            if (!nodes.TryGetValue(e.From, out var from) || !nodes.TryGetValue(e.To, out var to)) continue;
            var geometry = new MsaglEdge(to, from);
            graph.Edges.Add(geometry);
            edges.Add((e, geometry));
        }

        var settings = new SugiyamaLayoutSettings
        {
            LayerSeparation = 44,
            NodeSeparation = 24,
            PackingMethod = Microsoft.Msagl.Core.Layout.PackingMethod.Compact,
        };
        settings.EdgeRoutingSettings.EdgeRoutingMode = EdgeRoutingMode.SugiyamaSplines;
        var answersToSomeone = lines.Where(e => e.Kind != DiagramEdge.PartOf).Select(e => e.From).ToHashSet();
        var top = laid.Where(b => (b.Kind == "lsp" || b.Kind == "agency-governance") && !answersToSomeone.Contains(b.Id) && !lines.Any(e => e.From == b.Id))
            .Select(b => nodes[b.Id]).ToArray();
        if (top.Length > 0) settings.PinNodesToMaxLayer(top);
        if (top.Length > 1) settings.PinNodesToSameLayer(top);
        StackLeaves(settings, lines, nodes, top.Select(t => (string)t.UserData).ToHashSet());

        if (graph.Nodes.Count > 0) LayoutHelpers.CalculateLayout(graph, settings, null);

        var placed = new List<PlacedNode>();
        foreach (var n in model.Nodes)
        {
            if (!nodes.TryGetValue(n.Id, out var node)) continue;
            placed.Add(NodeSizes.Place(n, node.Center.X, -node.Center.Y, sizes[n.Id]));
        }
        var byId = placed.ToDictionary(p => p.Node.Id);
        var routed = new List<PlacedEdge>();
        foreach (var (edge, geometry) in edges)
        {
            if (geometry.Curve is null) continue;
            var path = Curves.Path(geometry.Curve, flipY: true);
            var toBox = byId[edge.To].Box;
            if (Distance(Curves.Start(path), toBox) < Distance(Curves.End(path), toBox)) path = Curves.Reverse(path);
            routed.Add(new PlacedEdge(edge, path));
        }
        PlaceInTopRow(lonelyLsps, placed, sizes, routed);
        byId = placed.ToDictionary(p => p.Node.Id);
        PlaceNotes(model, placed, sizes, routed);

        var bounds = placed.Count > 0 ? placed.Select(p => p.Box).Aggregate((x, y) => x.Union(y)) : new Box(0, 0, 240, 0);
        var groups = new List<GroupLabel>();
        if (apart.Count > 0)
        {
            var labelY = bounds.Bottom + (placed.Count > 0 ? 40 : 0);
            var label = new Box(bounds.X, labelY, TextWidths.Measure(NoLineLabel.ToUpperInvariant(), 11, true, 0.8), 14);
            groups.Add(new GroupLabel(NoLineLabel, label));
            var rowWidth = Math.Max(bounds.W, 560);
            var x = bounds.X;
            var y = label.Bottom + 10;
            var rowH = 0.0;
            var apartNotes = model.Nodes.Where(n => n.Role == DiagramNode.NoteRole && n.Anchor is not null).ToDictionary(n => n.Anchor!);
            foreach (var b in apart.SelectMany(b => apartNotes.TryGetValue(b.Id, out var note) ? new[] { b, note } : [b]))
            {
                var s = sizes[b.Id];
                if (x > bounds.X && x + s.W > bounds.X + rowWidth)
                {
                    x = bounds.X;
                    y += rowH + 16;
                    rowH = 0;
                }
                placed.Add(new PlacedNode(b, new Box(x, y, s.W, s.H), s));
                x += s.W + 24;
                rowH = Math.Max(rowH, s.H);
            }
            foreach (var b in apart.Where(b => apartNotes.ContainsKey(b.Id)))
            {
                var note = apartNotes[b.Id];
                var edge = model.Edges.FirstOrDefault(e => e.Kind == DiagramEdge.Note && e.From == note.Id);
                var from = placed.Single(p => p.Node.Id == note.Id).Box;
                var to = placed.Single(p => p.Node.Id == b.Id).Box;
                if (edge is not null)
                    routed.Add(new PlacedEdge(edge, Curves.Straight(Curves.Clip(from, new Point(to.CentreX, to.CentreY)), Curves.Clip(to.Inflate(Clearance), new Point(from.CentreX, from.CentreY)))));
            }
            bounds = placed.Select(p => p.Box).Aggregate((p, q) => p.Union(q)).Union(label);
        }
        return new DiagramLayout(placed, routed, [], groups, bounds.Inflate(Clearance + 2));
    }

    /// <summary>
    /// Each board's note goes in the nearest free place beside it (right, left, above right, below right, then further
    /// out), clear of every box and of every line, with a straight leader to the board. (Holding notes in the board's
    /// layer with MSAGL's same-layer constraints works too, but makes a 200-body layout several times slower.)
    /// </summary>
    private static void PlaceNotes(DiagramModel model, List<PlacedNode> placed, Dictionary<string, NodeSize> sizes, List<PlacedEdge> routed)
    {
        var points = new List<Point>();
        foreach (var e in routed)
        {
            var last = Curves.Start(e.Path);
            points.Add(last);
            foreach (var piece in e.Path.Skip(1))
            {
                if (piece.Command == 'C')
                    for (var i = 1; i <= 8; i++)
                    {
                        double t = i / 8.0, u = 1 - t;
                        var (c1, c2, end) = (piece.Points[0], piece.Points[1], piece.Points[2]);
                        points.Add(new Point(u * u * u * last.X + 3 * u * u * t * c1.X + 3 * u * t * t * c2.X + t * t * t * end.X,
                            u * u * u * last.Y + 3 * u * u * t * c1.Y + 3 * u * t * t * c2.Y + t * t * t * end.Y));
                    }
                else
                {
                    var end = piece.Points[^1];
                    var steps = (int)Math.Ceiling(Math.Max(Math.Abs(end.X - last.X), Math.Abs(end.Y - last.Y)) / 6) + 1;
                    for (var i = 1; i <= steps; i++) points.Add(new Point(last.X + (end.X - last.X) * i / steps, last.Y + (end.Y - last.Y) * i / steps));
                }
                last = piece.Points[^1];
            }
        }
        var byId = placed.ToDictionary(p => p.Node.Id);
        foreach (var note in model.Nodes.Where(n => n.Role == DiagramNode.NoteRole && n.Anchor is not null && byId.ContainsKey(n.Anchor)))
        {
            var board = byId[note.Anchor!].Box;
            var s = sizes[note.Id];
            Box? spot = null;
            for (var ring = 0; ring < 60 && spot is null; ring++)
            {
                var d = 26 + ring * 24;
                foreach (var c in new[]
                {
                    new Box(board.Right + d, board.CentreY - s.H / 2, s.W, s.H), new Box(board.X - d - s.W, board.CentreY - s.H / 2, s.W, s.H),
                    new Box(board.Right + d, board.Y - s.H - 12, s.W, s.H), new Box(board.Right + d, board.Bottom + 12, s.W, s.H),
                    new Box(board.CentreX - s.W / 2, board.Y - d - s.H, s.W, s.H), new Box(board.CentreX - s.W / 2, board.Bottom + d, s.W, s.H),
                })
                {
                    var clear = c.Inflate(12);
                    if (placed.Any(p => p.Box.Overlaps(clear)) || points.Any(p => p.X > clear.X && p.X < clear.Right && p.Y > clear.Y && p.Y < clear.Bottom)) continue;
                    spot = c;
                    break;
                }
            }
            var box = spot ?? new Box(board.Right + 26, board.CentreY - s.H / 2, s.W, s.H);
            placed.Add(new PlacedNode(note, box, s));
            var edge = model.Edges.FirstOrDefault(e => e.Kind == DiagramEdge.Note && e.From == note.Id);
            if (edge is null) continue;
            var from = Curves.Clip(box, new Point(board.CentreX, board.CentreY));
            var to = Curves.Clip(board.Inflate(Clearance), new Point(box.CentreX, box.CentreY));
            var leader = Curves.Straight(from, to);
            routed.Add(new PlacedEdge(edge, leader));
            var steps = (int)(Math.Max(Math.Abs(to.X - from.X), Math.Abs(to.Y - from.Y)) / 6) + 1;
            for (var i = 0; i <= steps; i++) points.Add(new Point(from.X + (to.X - from.X) * i / steps, from.Y + (to.Y - from.Y) * i / steps));
        }
    }

    /// <summary>
    /// An LSP with no line in this arrangement still belongs in the top row: it goes at the row's left end if no line
    /// passes there, else at its right end, beyond every box at that height (nothing is drawn above the top layer).
    /// </summary>
    private static void PlaceInTopRow(List<DiagramNode> lsps, List<PlacedNode> placed, Dictionary<string, NodeSize> sizes, List<PlacedEdge> routed)
    {
        if (lsps.Count == 0) return;
        var bodies = placed.Where(p => p.Node.Role == DiagramNode.BodyRole).ToList();
        var rowY = bodies.Count > 0 ? bodies.Min(p => p.Box.CentreY) : 0;
        var rowH = lsps.Max(l => sizes[l.Id].H);
        var inRow = placed.Where(p => p.Box.Y < rowY + rowH / 2 + 20 && p.Box.Bottom > rowY - rowH / 2 - 20).ToList();
        var step = 24 + 2 * Clearance;
        var width = lsps.Sum(l => sizes[l.Id].W + step) - step;
        var points = routed.SelectMany(e => e.Path.SelectMany(p => p.Points)).ToList();
        var left = inRow.Select(p => p.Box.X).DefaultIfEmpty(0).Min() - step - width;
        var leftBand = new Box(left, rowY - rowH / 2, width, rowH).Inflate(Clearance + 6);
        var x = placed.Count > 0 && !points.Any(p => p.X > leftBand.X && p.X < leftBand.Right && p.Y > leftBand.Y && p.Y < leftBand.Bottom)
                && !placed.Any(p => p.Box.Overlaps(leftBand))
            ? left
            : inRow.Select(p => p.Box.Right + step).DefaultIfEmpty(0).Max();
        foreach (var lsp in lsps)
        {
            var s = sizes[lsp.Id];
            placed.Add(new PlacedNode(lsp, Box.Centred(x + s.W / 2, rowY, s.W, s.H), s));
            x += s.W + step;
        }
    }

    private static double Distance(Point p, Box box)
    {
        var dx = Math.Max(Math.Max(box.X - p.X, 0), p.X - box.Right);
        var dy = Math.Max(Math.Max(box.Y - p.Y, 0), p.Y - box.Bottom);
        return Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>
    /// A body answered to by many bodies that nothing answers to would spread them across one very wide layer: such
    /// leaves are stacked in short columns under it, each held below the one before by an up-down constraint; their own
    /// lines still run up to the parent.
    /// </summary>
    private static void StackLeaves(SugiyamaLayoutSettings settings, List<DiagramEdge> lines, Dictionary<string, MsaglNode> nodes, HashSet<string> pinned)
    {
        var answeredBy = lines.GroupBy(e => e.To).ToDictionary(g => g.Key, g => g.Count());
        var leavesOf = lines.GroupBy(e => e.From)
            .Where(g => !answeredBy.ContainsKey(g.Key) && !pinned.Contains(g.Key) && g.Select(e => e.To).Distinct().Count() == 1)
            .GroupBy(g => g.First().To, g => g.Key)
            .Where(g => g.Count() >= 4);
        foreach (var leaves in leavesOf)
        {
            var list = leaves.ToList();
            var height = (int)Math.Ceiling(Math.Sqrt(list.Count / 2.0));
            var width = (int)Math.Ceiling(list.Count / (double)height);
            for (var i = width; i < list.Count; i++)
                settings.AddUpDownConstraint(nodes[list[i - width]], nodes[list[i]]);
        }
    }
}
