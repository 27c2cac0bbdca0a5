using System.Xml.Linq;
using TrustGraph.Analyses;
using TrustGraph.Diagrams;
using TrustGraph.Graph;
using TrustGraph.Loading;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Diagrams;

/// <summary>The one renderer, in process: the SVG the viewer, <c>render</c> and the reports all show.</summary>
public sealed class DiagramSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Both_diagrams_of_an_arrangement_are_drawn_as_standalone_svg_with_every_body_and_a_key()
    {
        var graph = TestData.Graph("worcestershire", "proposed-2010");
        var findings = Analysis.Run(graph);
        var svgs = DiagramSvg.Render([HierarchyDiagram.Build(graph, findings), OnionDiagram.Build(graph, findings)]);
        Assert.Equal(2, svgs.Count);
        foreach (var svg in svgs)
        {
            var doc = XDocument.Parse(svg);
            var ids = doc.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.Contains("tg-body") == true).Select(g => (string)g.Attribute("data-id")!).ToHashSet();
            Assert.Equal(graph.Bodies.Select(b => b.Id).ToHashSet(), ids);
            Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "Key");
            Assert.Contains(doc.Descendants(Svg + "path"), p => ((string?)p.Parent?.Attribute("class"))?.Contains("tg-edge") == true && ((string)p.Attribute("d")!).Contains('C'));
        }
    }

    [Fact]
    public void Names_holding_markup_stay_text_in_a_well_formed_document()
    {
        var graph = GovernanceGraph.For(DatasetLoader.Load(TestData.WriteHostile()).Dataset!.Authorities[0])[0];
        var svg = DiagramSvg.Render(HierarchyDiagram.Build(graph, Analysis.Run(graph)));
        var doc = XDocument.Parse(svg);
        Assert.Empty(doc.Descendants(Svg + "script"));
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "img" or "foreignObject");
        var board = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-id") == "board");
        Assert.StartsWith(TestData.HostileBody, board.Element(Svg + "title")!.Value);
        Assert.Contains("Evil <b>Borough</b>", doc.Descendants(Svg + "text").First().Value);
    }

    [Fact]
    public void Two_diagrams_on_one_page_keep_their_ids_apart_and_show_only_the_overlays_asked_for()
    {
        var graph = TestData.Graph("suffolk", "2009");
        var model = HierarchyDiagram.Build(graph, Analysis.Run(graph));
        var a = XDocument.Parse(DiagramSvg.Render(model, new DiagramSvgOptions("left", ["lsp-reporting-gap"])));
        var b = XDocument.Parse(DiagramSvg.Render(model, new DiagramSvgOptions("right", [])));
        var ids = a.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>().ToList();
        Assert.All(ids, id => Assert.StartsWith("left", id));
        Assert.Empty(ids.Intersect(b.Descendants().Select(e => (string?)e.Attribute("id")).OfType<string>()));
        Assert.Equal("tg-diagram tg-hierarchy show-lsp-reporting-gap", (string)a.Root!.Attribute("class")!);
        Assert.Equal("tg-diagram tg-hierarchy", (string)b.Root!.Attribute("class")!);
    }
}
