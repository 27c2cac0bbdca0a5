using System.Xml.Linq;
using TrustGraph.Analyses;
using TrustGraph.Diagrams;
using TrustGraph.Graph;
using TrustGraph.Loading;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Diagrams;

/// <summary>The static renderer: the viewer's own JavaScript module run by Node.js.</summary>
public sealed class DiagramSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task Both_diagrams_of_an_arrangement_are_drawn_as_standalone_svg_with_every_body_and_a_key()
    {
        var graph = TestData.Graph("worcestershire", "proposed-2010");
        var findings = Analysis.Run(graph);
        var svgs = await DiagramSvg.RenderAsync([HierarchyDiagram.Build(graph, findings), OnionDiagram.Build(graph, findings)]);
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
    public async Task Names_holding_markup_stay_text_in_a_well_formed_document()
    {
        var graph = GovernanceGraph.For(DatasetLoader.Load(TestData.WriteHostile()).Dataset!.Authorities[0])[0];
        var svg = await DiagramSvg.RenderAsync(HierarchyDiagram.Build(graph, Analysis.Run(graph)));
        var doc = XDocument.Parse(svg);
        Assert.Empty(doc.Descendants(Svg + "script"));
        Assert.DoesNotContain(doc.Descendants(), e => e.Name.LocalName is "img" or "foreignObject");
        var board = doc.Descendants(Svg + "g").Single(g => (string?)g.Attribute("data-id") == "board");
        Assert.StartsWith(TestData.HostileBody, board.Element(Svg + "title")!.Value);
        Assert.Contains("Evil <b>Borough</b>", doc.Descendants(Svg + "text").First().Value);
    }

    [Fact]
    public async Task A_missing_script_is_reported_as_a_broken_environment_with_the_path()
    {
        var e = await Assert.ThrowsAsync<DiagramRendererException>(() =>
            DiagramSvg.RenderAsync(HierarchyDiagram.Build(TestData.Graph("york", "current"), []), "/nowhere/diagram-cli.mjs"));
        Assert.Contains("/nowhere/diagram-cli.mjs", e.Message);
    }
}
