using TrustGraph.Analyses;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Analyses;

public class LspReportingGapsTests
{
    [Fact]
    public void Body_cut_off_from_the_LSP_is_reported_by_name()
    {
        var graph = new TestStructure()
            .Body("lsp", BodyKind.Lsp, "Testshire Partnership").Body("board", BodyKind.TrustBoard).Body("island", name: "Island Group")
            .Line("board", "lsp").Graph();

        var finding = Assert.Single(LspReportingGaps.Find(graph));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["island", "Island Group"], finding.Subjects);
        Assert.Contains("Island Group has no reporting path to Testshire Partnership", finding.Message);
    }

    [Fact]
    public void A_body_that_only_advises_has_no_path_and_the_message_says_why()
    {
        var graph = new TestStructure().Body("lsp", BodyKind.Lsp).Body("panel", name: "Panel")
            .Line("panel", "lsp", AccountabilityKind.Advises).Graph();

        var finding = Assert.Single(LspReportingGaps.Find(graph));

        Assert.Contains("carry no accountability", finding.Message);
    }

    [Fact]
    public void Reaching_the_LSP_through_several_bodies_is_a_path()
    {
        var graph = new TestStructure().Body("lsp", BodyKind.Lsp).Body("a").Body("b").Body("c")
            .Line("c", "b", AccountabilityKind.ReportsTo).Line("b", "a").Line("a", "lsp").Graph();

        Assert.Empty(LspReportingGaps.Find(graph));
    }

    [Fact]
    public void Authority_with_no_LSP_gets_one_error_not_one_per_body()
    {
        var graph = new TestStructure().Body("board", BodyKind.TrustBoard).Body("a").Line("a", "board").Graph();

        var finding = Assert.Single(LspReportingGaps.Find(graph));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("do not name a Local Strategic Partnership", finding.Message);
    }

    [Fact]
    public void Partner_agencies_own_governance_is_not_expected_to_reach_the_LSP()
    {
        var graph = new TestStructure().Body("lsp", BodyKind.Lsp).Body("pct-board", BodyKind.AgencyGovernance).Graph();

        Assert.Empty(LspReportingGaps.Find(graph));
    }

    [Fact]
    public void A_group_that_is_part_of_a_body_reaching_the_LSP_reaches_it_too()
    {
        var graph = new TestStructure().Body("lsp", BodyKind.Lsp).Body("cypsp", BodyKind.TrustBoard).Body("pab", partOf: "cypsp")
            .Line("cypsp", "lsp").Graph();

        Assert.Empty(LspReportingGaps.Find(graph));
    }
}
