using System.Globalization;
using System.Text;
using Microsoft.Msagl.Core.Geometry;
using static TrustGraph.Diagrams.DiagramStyles;
using static TrustGraph.Diagrams.TextWidths;

namespace TrustGraph.Diagrams;

/// <summary>How a drawing is written: <see cref="IdPrefix"/> keeps ids unique when several diagrams share a page;
/// <see cref="Overlays"/> lists the checks whose findings are shown (null: all of them).</summary>
public sealed record DiagramSvgOptions(string IdPrefix = "tg", IReadOnlyCollection<string>? Overlays = null);

/// <summary>
/// Draws a diagram model as one standalone SVG document, in process: MSAGL lays out the hierarchy and routes every
/// line; the onion's rings are placed here and MSAGL routes its lines. Text is measured with a built-in width table,
/// so the same dataset gives byte-identical SVG on every machine, with or without fonts. The viewer, <c>render</c>,
/// the HTML and PDF reports and the compare page all show this drawing.
/// </summary>
public static class DiagramSvg
{
    private const double Margin = 24;
    private const double Header = 66;

    /// <summary>An inferred line (the source supports it but does not say it in so many words): short even dashes, in blue.</summary>
    private const string InferredDash = "2.5 3";
    private const string InferredStroke = "#1d70b8";

    public const string HierarchySubtitle = "Hierarchy: each line points from a body to the body it answers to; the Local Strategic Partnership is at the top.";
    public const string OnionSubtitle = "Onion (DCSF): bodies on their ring, outside in; lines from a body to the outcomes its duties serve.";

    public static IReadOnlyList<string> Render(IReadOnlyList<DiagramModel> models) => models.Select(m => Render(m)).ToList();

    public static string Render(DiagramModel model, DiagramSvgOptions? options = null)
    {
        options ??= new DiagramSvgOptions();
        var layout = model.Type == DiagramModel.Onion ? OnionLayout.Lay(model) : HierarchyLayout.Lay(model);
        return new Writer(model, layout, options).Write();
    }

    private static string F(double v)
    {
        var r = Math.Round(v, 1);
        return (r == 0 ? 0 : r).ToString("0.#", CultureInfo.InvariantCulture);
    }

    private sealed class Writer(DiagramModel model, DiagramLayout layout, DiagramSvgOptions options)
    {
        private readonly StringBuilder _out = new(32_000);
        private readonly string _p = Token(options.IdPrefix);
        private double _dx, _dy;

        private string X(double x) => F(x + _dx);
        private string Y(double y) => F(y + _dy);

        public string Write()
        {
            var subtitle = model.Type == DiagramModel.Onion ? OnionSubtitle : HierarchySubtitle;
            var titleW = Measure(model.Title, 19, bold: true);
            var subW = Measure(subtitle, 12);
            var b = layout.Bounds;
            var width = Math.Ceiling(Math.Max(Math.Max(b.W, Math.Max(titleW, subW)) + 2 * Margin, 480));
            var legend = LegendItems();
            var (legendSvg, legendH) = Legend(legend, width, Header + b.H + Margin);
            var height = Math.Ceiling(Header + b.H + Margin + legendH + 12);
            _dx = (width - b.W) / 2 - b.X;
            _dy = Header - b.Y;

            var checks = model.Overlays.Select(o => Token(o.Check)).ToList();
            var shown = (options.Overlays?.Select(Token) ?? checks).Select(c => "show-" + c);
            var type = Token(model.Type);
            var w = F(width);
            var h = F(height);
            _out.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{_p}\" class=\"{string.Join(' ', new[] { "tg-diagram", "tg-" + type }.Concat(shown))}\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"group\" aria-labelledby=\"{_p}-title {_p}-desc\">");
            _out.Append($"<title id=\"{_p}-title\">{Escape(model.Title)}: {Escape(model.Type)}</title><desc id=\"{_p}-desc\">{Escape(subtitle)}</desc>");
            Css(checks);
            Defs();
            _out.Append($"<rect class=\"tg-bg\" x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>");
            _out.Append("<g class=\"tg-heading\">");
            Text(model.Title, Margin, 30, 19, "font-weight=\"700\"", bold: true);
            Text(subtitle, Margin, 50, 12, $"fill=\"{Grey}\" style=\"fill:{Grey}\"");
            _out.Append("</g><g class=\"tg-content\">");
            Rings();
            _out.Append("<g class=\"tg-edges\">");
            foreach (var e in layout.Edges) Edge(e);
            _out.Append("</g><g class=\"tg-nodes\">");
            foreach (var n in layout.Nodes)
            {
                if (n.Node.Role == DiagramNode.OutcomeRole) Outcome(n);
                else if (n.Node.Role == DiagramNode.NoteRole) Note(n);
                else Body(n);
            }
            _out.Append("</g>");
            foreach (var g in layout.Groups)
            {
                _out.Append("<g class=\"tg-group\">");
                Text(g.Text.ToUpperInvariant(), g.Box.X + _dx, g.Box.Bottom - 3 + _dy, 11, $"class=\"tg-group-label\" font-weight=\"700\" letter-spacing=\"0.8\" fill=\"{Grey}\" style=\"fill:{Grey}\"", bold: true, spacing: 0.8);
                _out.Append("</g>");
            }
            _out.Append("</g>");
            _out.Append(legendSvg);
            _out.Append("</svg>");
            return _out.ToString();
        }

        /// <summary>A line of text with its measured width as <c>textLength</c>, so no font can make it overflow.</summary>
        private void Text(string text, double x, double y, double size, string attributes, bool bold = false, double spacing = 0, string anchor = "start")
        {
            var length = Measure(text, size, bold, spacing);
            _out.Append($"<text x=\"{F(x)}\" y=\"{F(y)}\" font-size=\"{F(size)}\"");
            if (anchor != "start") _out.Append($" text-anchor=\"{anchor}\"");
            if (text.Length > 0) _out.Append($" textLength=\"{F(length)}\" lengthAdjust=\"spacingAndGlyphs\"");
            _out.Append(' ').Append(attributes).Append('>').Append(Escape(text)).Append("</text>");
        }

        private void Css(IEnumerable<string> checks)
        {
            var p = _p;
            var shown = string.Join(",", checks.Select(c => $"#{p}.show-{c} .tg-overlay.ov-{c}"));
            _out.Append("<style>")
                .Append($"#{p}{{font-family:{Font};}}#{p} text{{font-family:{Font};fill:{Ink};}}")
                .Append($"#{p} .tg-overlay{{display:none;}}")
                .Append(shown.Length > 0 ? $"{shown}{{display:inline;}}" : "")
                .Append($"#{p} .tg-node{{cursor:pointer;outline:none;}}")
                .Append($"#{p} .tg-node .tg-focus,#{p} .tg-node .tg-halo,#{p} .tg-node .tg-sel{{display:none;}}")
                .Append($"#{p} .tg-node:focus-visible .tg-focus{{display:inline;}}")
                .Append($"#{p} .tg-node.tg-selected .tg-sel{{display:inline;}}")
                .Append($"#{p}.tg-highlighting .tg-node:not(.tg-hl),#{p}.tg-highlighting .tg-edge{{opacity:0.3;}}")
                .Append($"#{p} .tg-node.tg-hl .tg-halo{{display:inline;}}")
                .Append($"#{p}.show-accountability-cycle .tg-edge.ov-accountability-cycle .tg-edge-path{{stroke:{Red};stroke-width:3.2;stroke-dasharray:none;marker-end:url(#{p}-arrow-red);}}")
                .Append($"#{p}.show-accountability-cycle .tg-node.ov-accountability-cycle .tg-frame{{stroke:{Red};stroke-width:3;}}")
                .Append($"#{p} .tg-cut{{display:none;}}")
                .Append($"#{p}.show-lsp-reporting-gap .tg-node.ov-lsp-reporting-gap .tg-cut{{display:inline;}}")
                .Append("</style>");
        }

        private void Defs()
        {
            _out.Append("<defs>");
            foreach (var (kind, s) in Kinds)
                _out.Append($"<pattern id=\"{_p}-pat-{kind}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">{PatternBody(s.Pattern, s.Colour)}</pattern>");
            void Marker(string id, string colour, string body, double w = 10, double h = 10, double refX = 9) =>
                _out.Append($"<marker id=\"{_p}-{id}\" viewBox=\"0 0 10 10\" refX=\"{F(refX)}\" refY=\"5\" markerWidth=\"{F(w)}\" markerHeight=\"{F(h)}\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">{body.Replace("COLOUR", colour)}</marker>");
            Marker("arrow", Ink, "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"COLOUR\"/>");
            Marker("arrow-red", Red, "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"COLOUR\"/>", 12, 12);
            Marker("open", Grey, "<path d=\"M1,1 L9,5 L1,9\" fill=\"none\" stroke=\"COLOUR\" stroke-width=\"1.5\"/>", 9, 9);
            Marker("diamond", Grey, "<path d=\"M0,5 L5,1 L10,5 L5,9 z\" fill=\"COLOUR\"/>", 12, 10, 10);
            Marker("dot", "#6f777b", "<circle cx=\"5\" cy=\"5\" r=\"3.5\" fill=\"COLOUR\"/>", 7, 7, 5);
            _out.Append($"<filter id=\"{_p}-shadow\" x=\"-10%\" y=\"-10%\" width=\"130%\" height=\"140%\"><feDropShadow dx=\"0\" dy=\"1.5\" stdDeviation=\"1.5\" flood-color=\"#0b0c0c\" flood-opacity=\"0.18\"/></filter>");
            _out.Append("</defs>");
        }

        private void Rings()
        {
            if (layout.Rings.Count == 0) return;
            _out.Append("<g class=\"tg-rings\">");
            foreach (var r in layout.Rings.Reverse())
            {
                var fill = RingFills.TryGetValue(r.Id, out var f) ? f : "#ffffff";
                _out.Append($"<rect class=\"tg-ring ring-{Token(r.Id)}\" data-ring=\"{Escape(r.Id)}\" x=\"{X(r.Outer.X)}\" y=\"{Y(r.Outer.Y)}\" width=\"{F(r.Outer.W)}\" height=\"{F(r.Outer.H)}\" rx=\"{F(r.Radius)}\" fill=\"{fill}\" stroke=\"#8e979c\" stroke-width=\"{(r.Id == "outcomes" ? "2" : "1.2")}\"/>");
            }
            foreach (var r in layout.Rings.Where(r => r.LabelBox is not null))
            {
                var l = r.LabelBox!.Value;
                Text(r.Label.ToUpperInvariant(), l.CentreX + _dx, l.Bottom - 3 + _dy, OnionLayout.RingLabelSize,
                    $"class=\"tg-ring-label\" data-ring=\"{Escape(r.Id)}\" font-weight=\"700\" letter-spacing=\"{F(OnionLayout.RingLabelSpacing)}\" fill=\"{Grey}\" style=\"fill:{Grey}\"",
                    bold: true, spacing: OnionLayout.RingLabelSpacing, anchor: "middle");
            }
            _out.Append("</g>");
        }

        private void Body(PlacedNode placed)
        {
            var n = placed.Node;
            var s = Kind(n.Kind);
            var (x, y, w, h) = (placed.Box.X + _dx, placed.Box.Y + _dy, placed.Box.W, placed.Box.H);
            var classes = string.Join(' ', new[] { "tg-node", "tg-body" }.Concat(n.Classes.Select(Token)));
            _out.Append($"<g class=\"{classes}\" data-id=\"{Escape(n.Id)}\" tabindex=\"0\" role=\"button\">");
            _out.Append($"<title>{Escape(n.Label)}{(n.Description.Length > 0 ? " — " + Escape(n.Description) : "")}</title>");
            _out.Append($"<rect class=\"tg-halo\" x=\"{F(x - 7)}\" y=\"{F(y - 7)}\" width=\"{F(w + 14)}\" height=\"{F(h + 14)}\" rx=\"{F(s.Radius + 6)}\" fill=\"{Focus}\" stroke=\"{Ink}\" stroke-width=\"3\"/>");
            _out.Append($"<rect class=\"tg-sel\" x=\"{F(x - 5)}\" y=\"{F(y - 5)}\" width=\"{F(w + 10)}\" height=\"{F(h + 10)}\" rx=\"{F(s.Radius + 4)}\" fill=\"none\" stroke=\"{Blue}\" stroke-width=\"3.5\"/>");
            if (s.Double) _out.Append($"<rect x=\"{F(x - 4)}\" y=\"{F(y - 4)}\" width=\"{F(w + 8)}\" height=\"{F(h + 8)}\" fill=\"none\" stroke=\"{s.Colour}\" stroke-width=\"1.2\"/>");
            _out.Append($"<rect class=\"tg-frame\" x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(w)}\" height=\"{F(h)}\" rx=\"{F(s.Radius)}\" fill=\"{s.Fill}\" stroke=\"{s.Colour}\" stroke-width=\"{F(s.Frame)}\"{(s.Dash.Length > 0 ? $" stroke-dasharray=\"{s.Dash}\"" : "")} filter=\"url(#{_p}-shadow)\"/>");
            _out.Append($"<rect x=\"{F(x + s.Frame / 2)}\" y=\"{F(y + s.Frame / 2)}\" width=\"{F(NodeSizes.Stripe)}\" height=\"{F(h - s.Frame)}\" fill=\"url(#{_p}-pat-{Token(n.Kind)})\"/>");
            var tx = x + NodeSizes.Stripe + NodeSizes.Pad;
            var captions = placed.Caption.Count;
            _out.Append($"<text class=\"tg-caption\" x=\"{F(tx)}\" y=\"{F(y + NodeSizes.CaptionBaseline(0))}\" font-size=\"{F(NodeSizes.CaptionSize)}\" font-weight=\"700\" letter-spacing=\"{F(NodeSizes.CaptionSpacing)}\" fill=\"{Grey}\" style=\"fill:{Grey}\">");
            for (var i = 0; i < captions; i++)
                _out.Append($"<tspan x=\"{F(tx)}\" y=\"{F(y + NodeSizes.CaptionBaseline(i))}\" textLength=\"{F(Measure(placed.Caption[i], NodeSizes.CaptionSize, true, NodeSizes.CaptionSpacing))}\" lengthAdjust=\"spacingAndGlyphs\">{Escape(placed.Caption[i])}</tspan>");
            _out.Append("</text>");
            _out.Append($"<text class=\"tg-label\" x=\"{F(tx)}\" y=\"{F(y + NodeSizes.LabelBaseline(captions, 0))}\" font-size=\"{F(NodeSizes.LabelSize)}\" font-weight=\"700\">");
            for (var i = 0; i < placed.Lines.Count; i++)
            {
                var line = placed.Lines[i];
                _out.Append($"<tspan x=\"{F(tx)}\" y=\"{F(y + NodeSizes.LabelBaseline(captions, i))}\" textLength=\"{F(Measure(line, NodeSizes.LabelSize, true))}\" lengthAdjust=\"spacingAndGlyphs\">{Escape(line)}</tspan>");
            }
            _out.Append("</text>");
            if (NodeSizes.HasTag(n))
            {
                var ty = y + h - NodeSizes.TagHeight - 4;
                _out.Append($"<g class=\"tg-cut\"><rect x=\"{F(x - 3.5)}\" y=\"{F(y - 3.5)}\" width=\"{F(w + 7)}\" height=\"{F(h + 7)}\" rx=\"{F(s.Radius + 3)}\" fill=\"none\" stroke=\"{Red}\" stroke-width=\"2.5\" stroke-dasharray=\"6 3\"/>");
                _out.Append($"<rect class=\"tg-tag\" x=\"{F(tx)}\" y=\"{F(ty)}\" width=\"{F(NodeSizes.TagWidth)}\" height=\"{F(NodeSizes.TagHeight)}\" fill=\"{Red}\"/>");
                Text(NodeSizes.TagText, tx + NodeSizes.TagWidth / 2, ty + 9.8, 8.5, "font-weight=\"700\" fill=\"#ffffff\" style=\"fill:#ffffff\"", bold: true, anchor: "middle");
                _out.Append("</g>");
            }
            if (n.Badge is { } badge)
            {
                var bx = x + w - NodeSizes.BadgeRadius - 5;
                var by = y + NodeSizes.BadgeRadius + 4;
                _out.Append($"<g class=\"tg-overlay ov-{Token(badge.Overlay)} tg-badge\"><title>{Escape(badge.Title)}</title>");
                _out.Append($"<circle cx=\"{F(bx)}\" cy=\"{F(by)}\" r=\"{F(NodeSizes.BadgeRadius)}\" fill=\"{Ink}\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>");
                Text(badge.Text, bx, by + 3.4, 9.5, "font-weight=\"700\" fill=\"#ffffff\" style=\"fill:#ffffff\"", bold: true, anchor: "middle");
                _out.Append("</g>");
            }
            _out.Append($"<rect class=\"tg-focus\" x=\"{F(x - 4)}\" y=\"{F(y - 4)}\" width=\"{F(w + 8)}\" height=\"{F(h + 8)}\" rx=\"{F(s.Radius + 3)}\" fill=\"none\" stroke=\"{Ink}\" stroke-width=\"3\"/>");
            _out.Append("</g>");
        }

        private void Outcome(PlacedNode placed)
        {
            var n = placed.Node;
            var (x, y, w, h) = (placed.Box.X + _dx, placed.Box.Y + _dy, placed.Box.W, placed.Box.H);
            var centre = n.Kind == "outcomes";
            var fill = centre ? Ink : "#ffffff";
            var ink = centre ? "#ffffff" : Ink;
            _out.Append($"<g class=\"tg-node tg-outcome {string.Join(' ', n.Classes.Select(Token))}\" data-id=\"{Escape(n.Id)}\" tabindex=\"0\" role=\"button\">");
            _out.Append($"<title>{Escape(n.Description.Length > 0 ? n.Description : n.Label)}</title>");
            _out.Append($"<rect class=\"tg-halo\" x=\"{F(x - 6)}\" y=\"{F(y - 6)}\" width=\"{F(w + 12)}\" height=\"{F(h + 12)}\" rx=\"{F(h / 2 + 6)}\" fill=\"{Focus}\" stroke=\"{Ink}\" stroke-width=\"3\"/>");
            _out.Append($"<rect class=\"tg-sel\" x=\"{F(x - 5)}\" y=\"{F(y - 5)}\" width=\"{F(w + 10)}\" height=\"{F(h + 10)}\" rx=\"{F(h / 2 + 5)}\" fill=\"none\" stroke=\"{Blue}\" stroke-width=\"3.5\"/>");
            _out.Append($"<rect class=\"tg-frame\" x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(w)}\" height=\"{F(h)}\" rx=\"{F(Math.Min(h / 2, 16))}\" fill=\"{fill}\" stroke=\"{Ink}\" stroke-width=\"{(centre ? "2" : "1.5")}\"/>");
            var lh = placed.Size + 3;
            var y0 = y + h / 2 - (placed.Lines.Count - 1) * lh / 2 + placed.Size * 0.35;
            _out.Append($"<text class=\"tg-label\" x=\"{F(x + w / 2)}\" y=\"{F(y0)}\" font-size=\"{F(placed.Size)}\" font-weight=\"700\" text-anchor=\"middle\" fill=\"{ink}\" style=\"fill:{ink}\">");
            for (var i = 0; i < placed.Lines.Count; i++)
                _out.Append($"<tspan x=\"{F(x + w / 2)}\" y=\"{F(y0 + i * lh)}\" textLength=\"{F(Measure(placed.Lines[i], placed.Size, true))}\" lengthAdjust=\"spacingAndGlyphs\">{Escape(placed.Lines[i])}</tspan>");
            _out.Append("</text>");
            _out.Append($"<rect class=\"tg-focus\" x=\"{F(x - 4)}\" y=\"{F(y - 4)}\" width=\"{F(w + 8)}\" height=\"{F(h + 8)}\" rx=\"{F(h / 2 + 4)}\" fill=\"none\" stroke=\"{Focus}\" stroke-width=\"3\"/>");
            _out.Append("</g>");
        }

        private void Note(PlacedNode placed)
        {
            var n = placed.Node;
            var (x, y, w, h) = (placed.Box.X + _dx, placed.Box.Y + _dy, placed.Box.W, placed.Box.H);
            _out.Append($"<g class=\"tg-note {string.Join(' ', n.Classes.Select(Token))}\" data-id=\"{Escape(n.Id)}\"><title>{Escape(n.Description)}</title>");
            _out.Append($"<path class=\"tg-note-frame\" d=\"M{F(x)},{F(y)} h{F(w - 10)} l10,10 v{F(h - 10)} h{F(-w)} z\" fill=\"#fff7d1\" stroke=\"#8a6d1f\" stroke-width=\"1.2\"/>");
            _out.Append($"<path d=\"M{F(x + w - 10)},{F(y)} v10 h10\" fill=\"none\" stroke=\"#8a6d1f\" stroke-width=\"1.2\"/>");
            Text(n.KindLabel.ToUpperInvariant(), x + NodeSizes.Pad, y + 16, 9.5,
                "font-weight=\"700\" letter-spacing=\"0.5\" fill=\"#594d00\" style=\"fill:#594d00\"", bold: true, spacing: 0.5);
            for (var i = 0; i < placed.Lines.Count; i++)
                Text(placed.Lines[i], x + NodeSizes.Pad, y + 31 + i * NodeSizes.NoteLineHeight, NodeSizes.NoteSize, "class=\"tg-note-line\"");
            _out.Append("</g>");
        }

        private void Edge(PlacedEdge placed)
        {
            var e = placed.Edge;
            var s = DiagramStyles.Edge(e.Kind);
            var classes = string.Join(' ', new[] { "tg-edge", "kind-" + Token(e.Kind) }.Concat(e.Classes.Select(Token)));
            var d = new StringBuilder();
            foreach (var piece in placed.Path)
            {
                if (d.Length > 0) d.Append(' ');
                d.Append(piece.Command);
                d.Append(string.Join(' ', piece.Points.Select(pt => $"{X(pt.X)},{Y(pt.Y)}")));
            }
            var inferred = e.Classes.Contains(FindingOverlays.InferredClass);
            _out.Append($"<g class=\"{classes}\" data-id=\"{Escape(e.Id)}\" data-from=\"{Escape(e.From)}\" data-to=\"{Escape(e.To)}\">");
            if (e.Description.Length > 0) _out.Append($"<title>{Escape(e.Description)}</title>");
            _out.Append($"<path class=\"tg-edge-path\" d=\"{d}\" fill=\"none\" stroke=\"{(inferred ? InferredStroke : s.Stroke)}\" stroke-width=\"{F(s.Width)}\"");
            var dash = inferred ? InferredDash : s.Dash;
            if (dash.Length > 0) _out.Append($" stroke-dasharray=\"{dash}\"");
            if (s.Opacity < 1) _out.Append($" opacity=\"{F(s.Opacity)}\"");
            _out.Append(" stroke-linecap=\"round\"");
            if (s.Marker.Length > 0) _out.Append($" marker-end=\"url(#{_p}-{s.Marker})\"");
            _out.Append("/></g>");
        }

        private sealed record LegendItem(string Label, Func<double, double, string> Swatch, string? Classes = null);

        private List<LegendItem> LegendItems()
        {
            var items = new List<LegendItem>();
            var kinds = model.Nodes.Where(n => n.Role == DiagramNode.BodyRole)
                .GroupBy(n => n.Kind).Select(g => (Kind: g.Key, Label: g.First().KindLabel))
                .OrderBy(k => KindOrder(k.Kind)).ThenBy(k => k.Kind, StringComparer.Ordinal);
            foreach (var (kind, label) in kinds)
            {
                var s = Kind(kind);
                items.Add(new(label, (x, y) =>
                    $"<rect x=\"{F(x)}\" y=\"{F(y - 10)}\" width=\"26\" height=\"14\" rx=\"{F(Math.Min(s.Radius, 4))}\" fill=\"{s.Fill}\" stroke=\"{s.Colour}\" stroke-width=\"{F(Math.Min(s.Frame, 2))}\"{(s.Dash.Length > 0 ? $" stroke-dasharray=\"{s.Dash}\"" : "")}/>"
                    + $"<rect x=\"{F(x + 1)}\" y=\"{F(y - 9)}\" width=\"7\" height=\"12\" fill=\"url(#{_p}-pat-{Token(kind)})\"/>"));
            }
            var lineKinds = model.Edges.Where(e => !e.Classes.Contains("tg-overlay")).Select(e => e.Kind).ToHashSet();
            foreach (var (kind, s) in DiagramStyles.Edges.Where(k => lineKinds.Contains(k.Kind)))
                items.Add(new(s.Label, (x, y) =>
                    $"<path d=\"M{F(x)},{F(y - 3)} h24\" stroke=\"{s.Stroke}\" stroke-width=\"{F(s.Width)}\"{(s.Dash.Length > 0 ? $" stroke-dasharray=\"{s.Dash}\"" : "")} stroke-linecap=\"round\"{(s.Marker.Length > 0 ? $" marker-end=\"url(#{_p}-{s.Marker})\"" : "")}/>"));
            if (model.Edges.Any(e => e.Classes.Contains(FindingOverlays.InferredClass)))
                items.Add(new("Inferred line: the source supports it but does not state it", (x, y) =>
                    $"<path d=\"M{F(x)},{F(y - 3)} h24\" stroke=\"{InferredStroke}\" stroke-width=\"1.8\" stroke-dasharray=\"{InferredDash}\" marker-end=\"url(#{_p}-arrow)\"/>",
                    FindingOverlays.InferredClass));
            var checks = model.Overlays.Where(o => o.Count > 0).Select(o => o.Check).ToHashSet();
            void Overlay(string check, string label, Func<double, double, string> swatch)
            {
                if (checks.Contains(check)) items.Add(new(label, swatch, $"tg-overlay ov-{check}"));
            }
            Overlay("accountability-cycle", "Line in an accountability cycle", (x, y) => $"<path d=\"M{F(x)},{F(y - 3)} h22\" stroke=\"{Red}\" stroke-width=\"3.2\" marker-end=\"url(#{_p}-arrow-red)\"/>");
            Overlay("lsp-reporting-gap", "No path to the LSP", (x, y) => $"<rect x=\"{F(x)}\" y=\"{F(y - 10)}\" width=\"26\" height=\"14\" rx=\"3\" fill=\"none\" stroke=\"{Red}\" stroke-width=\"2.2\" stroke-dasharray=\"5 2.5\"/>");
            Overlay("duplicated-membership", "People who also sit on other bodies", (x, y) => $"<circle cx=\"{F(x + 13)}\" cy=\"{F(y - 3)}\" r=\"7\" fill=\"{Ink}\"/>");
            Overlay("missing-relevant-partner", "Board's missing relevant partners", (x, y) => $"<path d=\"M{F(x)},{F(y - 10)} h18 l6,6 v8 h-24 z\" fill=\"#fff7d1\" stroke=\"#8a6d1f\"/>");
            return items;
        }

        private (string Svg, double Height) Legend(List<LegendItem> items, double width, double top)
        {
            const double rowH = 22;
            const double size = 11.5;
            var colW = Math.Max(200, items.Select(i => Measure(i.Label, size)).DefaultIfEmpty(0).Max() + 34 + 22);
            var cols = Math.Max(1, (int)Math.Floor((width - 2 * Margin) / colW));
            var rows = (items.Count + cols - 1) / cols;
            var saved = _out.Length;
            _out.Append($"<g class=\"tg-legend\"><path d=\"M{F(Margin)},{F(top + 2)} H{F(width - Margin)}\" stroke=\"#b1b4b6\"/>");
            Text("Key", Margin, top + 20, 12, "font-weight=\"700\"", bold: true);
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var x = Margin + i % cols * colW;
                var y = top + 44 + i / cols * rowH;
                _out.Append(item.Classes is null ? "<g class=\"tg-key-item\">" : $"<g class=\"tg-key-item {item.Classes}\">");
                _out.Append(item.Swatch(x, y));
                Text(item.Label, x + 34, y + 1, size, "");
                _out.Append("</g>");
            }
            _out.Append("</g>");
            var svg = _out.ToString(saved, _out.Length - saved);
            _out.Length = saved;
            return (svg, 44 + rows * rowH);
        }
    }
}
