using TrustGraph.Analyses;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Analyses;

public class AccountabilityCyclesTests
{
    [Fact]
    public void Cycle_of_two_bodies_is_reported_with_its_path()
    {
        var graph = new TestStructure()
            .Body("lsp", BodyKind.Lsp).Body("a", name: "Alpha Group").Body("b", name: "Beta Group")
            .Line("a", "b").Line("b", "a", AccountabilityKind.ReportsTo).Graph();

        var finding = Assert.Single(AccountabilityCycles.Find(graph));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("Alpha Group → Beta Group → Alpha Group", finding.Message);
        Assert.Equal(["a", "b"], finding.Bodies);
    }

    [Fact]
    public void Cycle_of_three_bodies_is_reported_once_with_every_body_named()
    {
        var graph = new TestStructure()
            .Body("a", name: "Alpha").Body("b", name: "Beta").Body("c", name: "Gamma")
            .Line("a", "b").Line("b", "c").Line("c", "a").Graph();

        var finding = Assert.Single(AccountabilityCycles.Find(graph));

        Assert.Contains("Alpha → Beta → Gamma → Alpha", finding.Message);
        Assert.Subset(finding.Subjects.ToHashSet(), new HashSet<string> { "a", "b", "c", "Alpha", "Beta", "Gamma" });
    }

    [Fact]
    public void Self_loop_is_a_cycle()
    {
        var graph = new TestStructure().Body("a", name: "Lonely Board").Line("a", "a").Graph();

        var finding = Assert.Single(AccountabilityCycles.Find(graph));

        Assert.Contains("Lonely Board", finding.Message);
        Assert.Contains("itself", finding.Message);
    }

    [Fact]
    public void Advice_and_observation_lines_do_not_make_a_cycle()
    {
        var graph = new TestStructure().Body("a").Body("b")
            .Line("a", "b").Line("b", "a", AccountabilityKind.Advises).Line("b", "a", AccountabilityKind.Observes).Graph();

        Assert.Empty(AccountabilityCycles.Find(graph));
    }

    [Fact]
    public void A_chain_with_no_loop_has_no_cycle()
    {
        var graph = new TestStructure().Body("lsp", BodyKind.Lsp).Body("a").Body("b").Line("b", "a").Line("a", "lsp").Graph();

        Assert.Empty(AccountabilityCycles.Find(graph));
    }
}
