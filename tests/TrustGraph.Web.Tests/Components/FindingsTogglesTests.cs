using Bunit;
using TrustGraph.Analyses;
using TrustGraph.Diagrams;
using TrustGraph.Web.Components.Explorer;

namespace TrustGraph.Web.Tests.Components;

public sealed class FindingsTogglesTests : BunitContext
{
    private static readonly IReadOnlyList<DiagramOverlay> Overlays =
        Checks.Core.Select((c, i) => new DiagramOverlay(c, Wording.Overlay(c), i)).ToList();

    [Fact]
    public void Each_check_has_a_labelled_toggle_with_its_count()
    {
        var cut = Render<FindingsToggles>(p => p.Add(x => x.Overlays, Overlays).Add(x => x.Findings, []).Add(x => x.Enabled, new HashSet<string>(Checks.Core)));
        var labels = cut.FindAll("label.toggle");
        Assert.Equal(4, labels.Count);
        Assert.Contains(labels, l => l.TextContent.Contains("Accountability cycles"));
        Assert.All(cut.FindAll("input[type=checkbox]"), i => Assert.True(i.HasAttribute("checked")));
    }

    [Fact]
    public void Unticking_a_check_raises_the_set_without_it_and_ticking_adds_it_back()
    {
        IReadOnlySet<string>? raised = null;
        var cut = Render<FindingsToggles>(p => p
            .Add(x => x.Overlays, Overlays)
            .Add(x => x.Findings, [])
            .Add(x => x.Enabled, new HashSet<string>(Checks.Core))
            .Add(x => x.OnChange, s => raised = s));
        cut.Find("#overlay-accountability-cycle").Change(false);
        Assert.NotNull(raised);
        Assert.DoesNotContain(Checks.AccountabilityCycle, raised!);
        Assert.Equal(3, raised!.Count);

        var off = Render<FindingsToggles>(p => p
            .Add(x => x.Overlays, Overlays)
            .Add(x => x.Findings, [])
            .Add(x => x.Enabled, new HashSet<string>())
            .Add(x => x.OnChange, s => raised = s));
        off.Find("#overlay-lsp-reporting-gap").Change(true);
        Assert.Equal([Checks.LspReportingGap], raised!.ToArray());
    }

    [Fact]
    public void A_check_with_one_finding_on_many_bodies_says_both_counts()
    {
        var graph = TrustGraph.Web.Tests.Infrastructure.TestData.Graph("york", "current");
        var findings = Analysis.Run(graph);
        var cut = Render<FindingsToggles>(p => p.Add(x => x.Overlays, Overlays).Add(x => x.Findings, findings).Add(x => x.Enabled, new HashSet<string>(Checks.Core)));
        var gap = cut.Find("#overlay-lsp-reporting-gap").ParentElement!;
        var tagged = findings.Where(f => f.Check == Checks.LspReportingGap).SelectMany(f => f.Bodies).Distinct().Count();
        Assert.Equal(9, tagged);
        Assert.Contains("1 finding, 9 bodies", gap.TextContent);
    }
}
