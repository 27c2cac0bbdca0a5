using System.Xml;
using System.Xml.Linq;

namespace TrustGraph.Reports;

/// <summary>A diagram for the HTML report: its title and the SVG markup the diagram renderer produced.</summary>
public sealed record ReportDiagram(string Title, string Svg);

/// <summary>
/// Makes a diagram's SVG safe to inline in a report. The markup is parsed as XML (so a name that was not escaped, such as
/// one containing &lt;/svg&gt;, makes it fail rather than break out of the figure), then scripts, foreign objects, event
/// handler attributes and script links are removed. A diagram that does not parse is left out and the report says why.
/// </summary>
public static class InlineSvg
{
    private static readonly string[] Forbidden = ["script", "foreignObject", "iframe", "object", "embed"];

    public static (string? Svg, string? Problem) Clean(string markup)
    {
        XDocument doc;
        try
        {
            doc = XDocument.Parse(markup, LoadOptions.None);
        }
        catch (XmlException e)
        {
            return (null, $"its SVG is not well-formed ({e.Message})");
        }
        if (doc.Root is not { } root || root.Name.LocalName != "svg")
            return (null, "it is not an SVG image");

        foreach (var element in root.DescendantsAndSelf().Where(e => Forbidden.Contains(e.Name.LocalName, StringComparer.OrdinalIgnoreCase)).ToList())
            element.Remove();
        foreach (var element in root.DescendantsAndSelf())
            foreach (var attribute in element.Attributes().ToList())
            {
                var name = attribute.Name.LocalName;
                var value = attribute.Value.Trim();
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || (name == "href" && !value.StartsWith('#'))
                    || value.Contains("javascript:", StringComparison.OrdinalIgnoreCase))
                    attribute.Remove();
            }
        return (root.ToString(SaveOptions.DisableFormatting), null);
    }
}
