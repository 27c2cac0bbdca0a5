using TrustGraph.Analyses;
using TrustGraph.Diagrams;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Diagrams;

/// <summary>
/// What the pictures promise a reader, asserted on the SVG's own geometry for every shipped arrangement and for
/// synthetic authorities of 40 and 200 bodies.
/// </summary>
public sealed class DiagramPromisesTests
{
    private static readonly Lazy<IReadOnlyList<GovernanceGraph>> Shipped = new(() => GovernanceGraph.For(RealDataset.Load()));
    private static readonly Dictionary<string, Lazy<GovernanceGraph>> Synthetic = new()
    {
        ["synthetic-40"] = new(() => SyntheticAuthority.OfSize(40)),
        ["synthetic-200"] = new(() => SyntheticAuthority.OfSize(200)),
    };

    public static TheoryData<string> Arrangements()
    {
        var data = new TheoryData<string>();
        foreach (var g in GovernanceGraph.For(RealDataset.Load())) data.Add(Key(g));
        foreach (var key in Synthetic.Keys) data.Add(key);
        return data;
    }

    private static string Key(GovernanceGraph g) => g.ArrangementId is null ? g.Authority.Id : $"{g.Authority.Id}/{g.ArrangementId}";

    private static GovernanceGraph Graph(string key) =>
        Synthetic.TryGetValue(key, out var synthetic) ? synthetic.Value : Shipped.Value.Single(g => Key(g) == key);

    private static readonly Dictionary<string, (GovernanceGraph, SvgGeometry, SvgGeometry)> Drawn = new();

    private static (GovernanceGraph Graph, SvgGeometry Hierarchy, SvgGeometry Onion) Draw(string key)
    {
        lock (Drawn)
        {
            if (Drawn.TryGetValue(key, out var done)) return done;
            var graph = Graph(key);
            var findings = Analysis.Run(graph);
            var result = (graph, new SvgGeometry(DiagramSvg.Render(HierarchyDiagram.Build(graph, findings))),
                new SvgGeometry(DiagramSvg.Render(OnionDiagram.Build(graph, findings))));
            Drawn[key] = result;
            return result;
        }
    }

    [Fact]
    public void The_synthetic_authorities_have_exactly_40_and_200_bodies()
    {
        Assert.Equal(40, Graph("synthetic-40").Bodies.Count);
        Assert.Equal(200, Graph("synthetic-200").Bodies.Count);
        Assert.True(Graph("synthetic-200").Lines.EdgeCount > 150);
    }

    [Theory, MemberData(nameof(Arrangements))]
    public void Every_accountable_to_and_reports_to_line_points_up_to_the_body_answered_to_unless_it_is_in_a_cycle(string key)
    {
        var (_, svg, _) = Draw(key);
        var boxes = svg.Bodies.ToDictionary(b => b.Id, b => b.Frame);
        var chain = svg.Edges.Where(e => e.Kind is "accountable-to" or "reports-to").ToList();
        Assert.NotEmpty(chain);
        foreach (var e in chain)
        {
            Assert.True(e.End.DistanceTo(boxes[e.To]) < 8, $"{key}: the line {e.From} → {e.To} ends {e.End} away from {e.To} {boxes[e.To]}");
            Assert.True(e.Start.DistanceTo(boxes[e.From]) < 8, $"{key}: the line {e.From} → {e.To} starts {e.Start} away from {e.From} {boxes[e.From]}");
            if (e.Classes.Contains("ov-accountability-cycle")) continue;
            Assert.True(boxes[e.To].Bottom < boxes[e.From].Y, $"{key}: {e.To} {boxes[e.To]} is not above {e.From} {boxes[e.From]}, which answers to it");
        }
    }

    [Theory, MemberData(nameof(Arrangements))]
    public void The_LSPs_are_in_the_top_layer_and_partner_agencies_governance_is_never_above_them(string key)
    {
        var (graph, svg, _) = Draw(key);
        var laid = svg.Bodies.Where(b => svg.GroupLabels.Count == 0 || b.Frame.Bottom < svg.GroupLabels[0].Box.Y).ToList();
        var top = laid.Min(b => b.Frame.CentreY);
        var lsps = svg.Bodies.Where(b => b.Has("kind-lsp")).ToList();
        Assert.Equal(graph.Bodies.Count(b => b.Kind == BodyKind.Lsp), lsps.Count);
        foreach (var lsp in lsps)
            Assert.True(Math.Abs(lsp.Frame.CentreY - top) < 1, $"{key}: the LSP {lsp.Id} is at {lsp.Frame}, below the top layer at y {top}");
        if (lsps.Count == 0) return;
        foreach (var agency in svg.Bodies.Where(b => b.Has("kind-agency-governance")))
            Assert.True(agency.Frame.CentreY >= top - 1, $"{key}: {agency.Id} {agency.Frame} is above the LSPs");
    }

    [Theory, MemberData(nameof(Arrangements))]
    public void Bodies_with_no_line_at_all_are_set_apart_below_a_no_line_recorded_label(string key)
    {
        var (graph, svg, _) = Draw(key);
        var lineless = graph.Bodies
            .Where(b => b.Kind != BodyKind.Lsp && !graph.Lines.Edges.Any(e => e.Line.From == b.Id || e.Line.To == b.Id)
                        && b.PartOf is null && !graph.Bodies.Any(o => o.PartOf == b.Id))
            .Select(b => b.Id).ToHashSet();
        if (lineless.Count == 0)
        {
            Assert.Empty(svg.GroupLabels);
            return;
        }
        var label = Assert.Single(svg.GroupLabels);
        Assert.Equal("NO LINE RECORDED", label.Text);
        foreach (var b in svg.Bodies)
        {
            if (lineless.Contains(b.Id)) Assert.True(b.Frame.Y > label.Box.Bottom, $"{key}: {b.Id}, with no line, is not under the label");
            else Assert.True(b.Frame.Bottom < label.Box.Y, $"{key}: {b.Id}, which has lines, is among the bodies with none");
        }
    }

    [Theory, MemberData(nameof(Arrangements))]
    public void No_line_ends_under_a_tag_badge_note_or_box_and_every_arrowhead_is_visible(string key)
    {
        var (_, hierarchy, onion) = Draw(key);
        foreach (var (name, svg) in new[] { ("hierarchy", hierarchy), ("onion", onion) })
        {
            foreach (var e in svg.Edges)
            {
                var length = DiagramStyles.MarkerLength(e.Marker ?? "") + 1;
                foreach (var p in new[] { e.End, e.Back(Math.Max(length, 3)) })
                {
                    var hit = svg.Obstacles.FirstOrDefault(o => o.Contains(p, 0.5));
                    Assert.True(hit == default, $"{key} {name}: the line {e.From} → {e.To} has its head at {p}, under {hit}");
                }
                var own = svg.Nodes.Where(n => n.Id == e.From).Select(n => n.Frame).Concat(svg.Notes.Where(n => n.Id == e.From).Select(n => n.Box)).ToHashSet();
                var under = svg.Obstacles.Where(o => !own.Contains(o)).FirstOrDefault(o => o.Contains(e.Start, 0.5));
                Assert.True(under == default, $"{key} {name}: the line {e.From} → {e.To} starts at {e.Start}, under {under}");
            }
        }
    }

    [Theory, MemberData(nameof(Arrangements))]
    public void No_two_boxes_notes_tags_or_key_entries_overlap(string key)
    {
        var (_, hierarchy, onion) = Draw(key);
        foreach (var (name, svg) in new[] { ("hierarchy", hierarchy), ("onion", onion) })
        {
            var boxes = svg.Nodes.Select(n => (n.Id, n.Frame)).Concat(svg.Notes.Select(n => (n.Id, n.Box))).ToList();
            for (var i = 0; i < boxes.Count; i++)
                for (var j = i + 1; j < boxes.Count; j++)
                    Assert.False(boxes[i].Item2.Overlaps(boxes[j].Item2), $"{key} {name}: {boxes[i].Id} {boxes[i].Item2} overlaps {boxes[j].Id} {boxes[j].Item2}");
            foreach (var tag in svg.Tags.Concat(svg.Badges))
                Assert.Single(svg.Nodes, n => tag.Inside(n.Frame, 1));
            for (var i = 0; i < svg.KeyItems.Count; i++)
                for (var j = i + 1; j < svg.KeyItems.Count; j++)
                    Assert.False(svg.KeyItems[i].Overlaps(svg.KeyItems[j]), $"{key} {name}: key entries {svg.KeyItems[i]} and {svg.KeyItems[j]} overlap");
            foreach (var b in boxes)
            {
                Assert.True(b.Item2.Bottom < svg.KeyArea.Y && b.Item2.Y > svg.Heading.Bottom, $"{key} {name}: {b.Id} {b.Item2} runs into the heading or the key");
                Assert.True(b.Item2.X >= 0 && b.Item2.Right <= svg.Width, $"{key} {name}: {b.Id} {b.Item2} is outside the drawing");
            }
        }
    }

    [Theory, MemberData(nameof(Arrangements))]
    public void Every_line_of_text_stays_inside_its_box(string key)
    {
        var (_, hierarchy, onion) = Draw(key);
        foreach (var (name, svg) in new[] { ("hierarchy", hierarchy), ("onion", onion) })
        {
            foreach (var n in svg.Nodes)
            {
                Assert.NotEmpty(n.Label);
                foreach (var t in n.Texts)
                    Assert.True(t.Box.Inside(n.Frame, 2), $"{key} {name}: '{t.Text}' {t.Box} runs out of {n.Id} {n.Frame}");
            }
            foreach (var note in svg.Notes)
                foreach (var t in note.Texts)
                    Assert.True(t.Box.Inside(note.Box, 2), $"{key} {name}: '{t.Text}' {t.Box} runs out of the note {note.Id} {note.Box}");
        }
    }

    [Theory, MemberData(nameof(Arrangements))]
    public void The_onion_rings_go_centre_out_and_each_body_sits_wholly_inside_its_own_ring(string key)
    {
        var (graph, _, svg) = Draw(key);
        string[] centreOut = ["outcomes", "delivery", "processes", "strategy", "governance"];
        Assert.Equal(centreOut, svg.Rings.Select(r => r.Id).Reverse());
        for (var i = 1; i < centreOut.Length; i++)
            Assert.True(svg.Rings.Single(r => r.Id == centreOut[i - 1]).Outer.Inside(svg.Rings.Single(r => r.Id == centreOut[i]).Outer, 10),
                $"{key}: the {centreOut[i - 1]} ring is not inside the {centreOut[i]} ring");
        foreach (var body in graph.Bodies.Where(b => b.Layer != OnionLayer.Outside))
        {
            var layer = body.Layer.ToWord();
            var box = svg.Bodies.Single(b => b.Id == body.Id).Frame;
            var ring = svg.Rings.Single(r => r.Id == layer);
            var inner = svg.Rings[svg.Rings.FindIndex(r => r.Id == layer) + 1];
            Assert.True(InsideRoundedRect(box, ring), $"{key}: {body.Id} {box} is not wholly inside the {layer} ring {ring.Outer}");
            Assert.False(box.Overlaps(inner.Outer), $"{key}: {body.Id} {box} runs into the {inner.Id} ring {inner.Outer}");
        }
        var outermost = svg.Rings.Single(r => r.Id == "governance").Outer;
        foreach (var body in graph.Bodies.Where(b => b.Layer == OnionLayer.Outside))
            Assert.True(svg.Bodies.Single(b => b.Id == body.Id).Frame.Bottom < outermost.Y, $"{key}: {body.Id}, outside the Trust, is not above the rings");
        foreach (var outcome in svg.Nodes.Where(n => n.Has("tg-outcome")))
            Assert.True(outcome.Frame.Inside(svg.Rings.Single(r => r.Id == "outcomes").Outer, 4), $"{key}: {outcome.Id} is not in the centre");
    }

    [Theory, MemberData(nameof(Arrangements))]
    public void No_onion_ring_name_is_crossed_by_a_line(string key)
    {
        var (_, _, svg) = Draw(key);
        Assert.Equal(4, svg.RingLabels.Count);
        foreach (var (ring, label) in svg.RingLabels)
            foreach (var e in svg.Edges)
                Assert.False(Crosses(e.Points, label.Box), $"{key}: the line {e.From} → {e.To} crosses the name of the {ring} ring");
    }

    [Fact]
    public void The_same_dataset_gives_byte_identical_drawings()
    {
        var graph = Shipped.Value.First(g => g.Authority.Id == "calderdale");
        var findings = Analysis.Run(graph);
        Assert.Equal(DiagramSvg.Render(OnionDiagram.Build(graph, findings)), DiagramSvg.Render(OnionDiagram.Build(graph, findings)));
        Assert.Equal(DiagramSvg.Render(HierarchyDiagram.Build(graph, findings)), DiagramSvg.Render(HierarchyDiagram.Build(graph, findings)));
    }

    private static bool InsideRoundedRect(Rect box, RingShape ring)
    {
        if (!box.Inside(ring.Outer)) return false;
        var r = ring.Radius;
        var o = ring.Outer;
        foreach (var (x, y) in new[] { (box.X, box.Y), (box.Right, box.Y), (box.X, box.Bottom), (box.Right, box.Bottom) })
        {
            var cx = Math.Clamp(x, o.X + r, o.Right - r);
            var cy = Math.Clamp(y, o.Y + r, o.Bottom - r);
            if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > r * r) return false;
        }
        return true;
    }

    /// <summary>True when any stretch of the line, walked in steps of at most one unit, passes through the box.</summary>
    private static bool Crosses(IReadOnlyList<Pt> points, Rect box)
    {
        for (var i = 1; i < points.Count; i++)
        {
            var (a, b) = (points[i - 1], points[i]);
            var steps = (int)Math.Ceiling(Math.Max(Math.Abs(b.X - a.X), Math.Abs(b.Y - a.Y))) + 1;
            for (var s = 0; s <= steps; s++)
            {
                var t = s / (double)steps;
                if (box.Contains(new Pt(a.X + (b.X - a.X) * t, a.Y + (b.Y - a.Y) * t))) return true;
            }
        }
        return false;
    }
}

public sealed class InferredLineTests
{
    [Fact]
    public void An_inferred_line_is_drawn_dashed_with_its_own_class_and_a_key_entry_saying_what_it_means()
    {
        var built = new TestStructure()
            .Body("lsp", BodyKind.Lsp).Body("board", BodyKind.TrustBoard).Body("group")
            .Line("board", "lsp").Line("group", "board", AccountabilityKind.ReportsTo)
            .Build();
        var lines = built.Lines.Select(l => l.From == "group" ? l with { Basis = Basis.Inferred, Note = "read from \"on behalf of\"" } : l).ToList();
        var graph = GovernanceGraph.For(built with { Lines = lines }).Single();

        var svg = System.Xml.Linq.XDocument.Parse(DiagramSvg.Render(HierarchyDiagram.Build(graph, Analysis.Run(graph))));
        System.Xml.Linq.XNamespace s = "http://www.w3.org/2000/svg";
        var edges = svg.Descendants(s + "g").Where(g => ((string?)g.Attribute("class"))?.Split(' ').Contains("tg-edge") == true).ToList();
        var inferred = Assert.Single(edges, g => ((string)g.Attribute("class")!).Split(' ').Contains("basis-inferred"));
        Assert.Equal("group", (string?)inferred.Attribute("data-from"));
        var stated = edges.Single(g => (string?)g.Attribute("data-from") == "board");
        Assert.NotEqual((string?)stated.Element(s + "path")!.Attribute("stroke-dasharray"), (string?)inferred.Element(s + "path")!.Attribute("stroke-dasharray"));
        Assert.NotNull(inferred.Element(s + "path")!.Attribute("stroke-dasharray"));
        Assert.Contains("inferred", inferred.Element(s + "title")!.Value);
        Assert.Contains("on behalf of", inferred.Element(s + "title")!.Value);
        Assert.Contains(svg.Descendants(s + "text"), t => t.Value == "Inferred line: the source supports it but does not state it");
    }
}
