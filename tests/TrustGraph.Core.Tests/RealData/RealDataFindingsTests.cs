using TrustGraph.Analyses;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.RealData;

/// <summary>What the source papers prove about the four authorities and the briefing paper's model, asserted by name.</summary>
public class RealDataFindingsTests
{
    private static readonly IReadOnlyList<Finding> All = Analysis.Run(RealDataset.Load());

    private static IEnumerable<Finding> Of(string authority, string arrangement, string check) =>
        All.Where(f => f.Authority == authority && f.Arrangement == arrangement && f.Check == check);

    [Fact]
    public void Richard_Keble_on_both_halves_of_the_Worcestershire_CYPSP_is_a_warning()
    {
        var finding = Assert.Single(Of("worcestershire", "2009", Checks.DuplicatedMembership), f => f.Subjects[0] == "Richard Keble");

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["Richard Keble", "pab", "jcb"], finding.Subjects);
        Assert.Contains("worcs-cyp-2009#pab-members", finding.Sources);
    }

    [Fact]
    public void Roger_Hollingsworth_listed_twice_among_the_JCB_advisors_is_reported()
    {
        var finding = Assert.Single(Of("worcestershire", "2009", Checks.DuplicatedMembership),
            f => f.Subjects[0] == "Roger Hollingsworth" && f.Message.Contains("listed twice"));

        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void Michael_Hunter_advising_the_JCB_as_chair_of_the_PAB_is_a_deliberate_link()
    {
        var finding = Assert.Single(Of("worcestershire", "2009", Checks.DuplicatedMembership), f => f.Subjects[0] == "Michael Hunter");

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("deliberate link", finding.Message);
    }

    [Fact]
    public void Calderdale_DCS_sits_on_the_executive_and_chairs_the_board()
    {
        var finding = Assert.Single(Of("calderdale", "model-2", Checks.DuplicatedMembership));

        Assert.Equal(["Director of Children's Services", "Calderdale Council", "ice", "trust-board"], finding.Subjects);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void Calderdale_model_2_board_has_no_police_seat()
    {
        var finding = Assert.Single(Of("calderdale", "model-2", Checks.MissingRelevantPartner), f => f.Subjects.Contains("police"));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("Children's Trust Board has no seat for Police", finding.Message);
        Assert.Contains("in-force date is not recorded", finding.Message);
    }

    [Fact]
    public void Calderdale_needs_no_district_council_because_it_is_a_metropolitan_borough()
    {
        Assert.DoesNotContain(Of("calderdale", "model-2", Checks.MissingRelevantPartner), f => f.Subjects.Contains("district-council"));
    }

    [Fact]
    public void Worcestershire_2009_is_judged_on_the_law_before_april_2010()
    {
        var findings = Of("worcestershire", "2009", Checks.MissingRelevantPartner).ToList();

        var sha = Assert.Single(findings, f => f.Subjects.Contains("strategic-health-authority"));
        Assert.Equal(Severity.Warning, sha.Severity);
        var jobcentre = Assert.Single(findings, f => f.Subjects.Contains("jobcentre-plus"));
        Assert.Equal(Severity.Info, jobcentre.Severity);
        Assert.Contains("becomes a relevant partner on 1 April 2010", jobcentre.Message);
        Assert.DoesNotContain(findings, f => f.Subjects.Contains("lsc") || f.Subjects.Contains("police"));
    }

    [Fact]
    public void Worcestershire_proposed_2010_board_lists_only_some_seats_so_partners_cannot_be_assessed()
    {
        var finding = Assert.Single(Of("worcestershire", "proposed-2010", Checks.MissingRelevantPartner));

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("Cannot assess", finding.Message);
        Assert.Contains("District council", finding.Message);
    }

    [Theory]
    [InlineData("suffolk", "2009")]
    [InlineData("york", "current")]
    public void Boards_whose_membership_the_papers_do_not_give_cannot_be_assessed(string authority, string arrangement)
    {
        var finding = Assert.Single(Of(authority, arrangement, Checks.MissingRelevantPartner));

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("do not give its membership", finding.Message);
    }

    [Theory]
    [InlineData("calderdale", "model-2")]
    [InlineData("york", "current")]
    public void Structures_whose_papers_name_no_LSP_never_reach_one(string authority, string arrangement)
    {
        var finding = Assert.Single(Of(authority, arrangement, Checks.LspReportingGap));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("never reaches an LSP", finding.Message);
    }

    [Fact]
    public void Suffolk_reaches_the_SSP_through_the_trust_board_as_one_of_its_Delivery_Partnerships()
    {
        Assert.Empty(Of("suffolk", "2009", Checks.LspReportingGap));
    }

    [Fact]
    public void Worcestershire_PAB_and_JCB_reach_the_Worcestershire_Partnership_through_the_CYPSP()
    {
        Assert.DoesNotContain(Of("worcestershire", "2009", Checks.LspReportingGap), f => f.Subjects[0] is "pab" or "jcb" or "cypsp");
    }

    [Fact]
    public void No_paper_describes_an_accountability_cycle()
    {
        Assert.DoesNotContain(All, f => f.Check == Checks.AccountabilityCycle);
    }

    [Fact]
    public void Every_finding_cites_at_least_one_source_row()
    {
        Assert.All(All, f => Assert.NotEmpty(f.Sources));
    }
}
