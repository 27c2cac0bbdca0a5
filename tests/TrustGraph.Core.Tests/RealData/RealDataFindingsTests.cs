using TrustGraph.Analyses;
using TrustGraph.Graph;
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
        var finding = Assert.Single(Of("calderdale", "model-2", Checks.DuplicatedMembership), f => f.Subjects[0] == "Director of Children's Services");

        Assert.Equal(["Director of Children's Services", "Calderdale Council", "ice", "trust-board"], finding.Subjects);
        Assert.Equal(Severity.Warning, finding.Severity);
    }

    [Fact]
    public void Calderdale_Head_of_the_Childrens_Trust_attending_both_the_executive_and_the_board_is_one_office_in_a_support_role()
    {
        var finding = Assert.Single(Of("calderdale", "model-2", Checks.DuplicatedMembership), f => f.Subjects[0] == "Head of Children's Trust");

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Equal(["Head of Children's Trust", "ice", "trust-board"], finding.Subjects);
        Assert.Contains("one office and so one person", finding.Message);
        Assert.Contains("deliberate link", finding.Message);
    }

    [Fact]
    public void Suffolk_performance_group_reaches_the_SSP_only_through_inferred_lines_so_no_gap_is_claimed()
    {
        Assert.DoesNotContain(Of("suffolk", "2009", Checks.LspReportingGap), f => f.Subjects[0] == "pig");
    }

    [Fact]
    public void The_Local_Area_Groups_partnership_is_an_inferred_body_and_its_gap_says_so()
    {
        var finding = Assert.Single(Of("anyplace", "lag-sample", Checks.LspReportingGap), f => f.Subjects[0] == "cypp");

        Assert.Contains("This rests on an inferred body: Children and Young People's Partnership (named only as the partnership", finding.Message);
        Assert.Equal("anyplace/bodies.csv", Assert.Single(finding.Inferred).File);
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
    [InlineData("suffolk", "2009", "ecg", "ctpb")]
    [InlineData("york", "current", "icg", "yorok-board")]
    public void A_board_with_no_listed_membership_gives_way_to_the_plan_holder_whose_membership_is_listed(string authority, string arrangement,
        string judged, string recorded)
    {
        var findings = Of(authority, arrangement, Checks.MissingRelevantPartner).ToList();

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal(judged, f.Subjects[0]));
        Assert.All(findings, f => Assert.StartsWith("(Judged as the Children's Trust Board: ", f.Message));
        Assert.All(findings, f => Assert.Contains("(recorded as the board; no membership listed)", f.Message));
        Assert.DoesNotContain(findings, f => f.Subjects[0] == recorded);
    }

    [Fact]
    public void Suffolk_partner_gaps_rest_on_the_inferred_invitee_list_and_say_so()
    {
        var finding = Assert.Single(Of("suffolk", "2009", Checks.MissingRelevantPartner), f => f.Subjects.Contains("youth-offending"));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("This rests on 16 inferred seats: Rosalind Turner, Carol Carruthers, Gary Nethercott and 13 more", finding.Message);
        Assert.Equal(16, finding.Inferred.Count);
        Assert.All(finding.Inferred, r => Assert.Equal("suffolk/memberships.csv", r.File));
        Assert.Equal(2, finding.Inferred[0].Line);
    }

    [Fact]
    public void Naming_another_board_judges_it_instead_and_says_so()
    {
        var calderdale = Assert.Single(GovernanceGraph.For(RealDataset.Load().Find("calderdale")!)).JudgingBoard("ice");

        var findings = MissingRelevantPartners.Find(calderdale, TrustGraph.Guidance.RelevantPartners.Statutory);

        Assert.All(findings, f => Assert.Equal("ice", f.Subjects[0]));
        Assert.All(findings, f => Assert.StartsWith("(Judged as the Children's Trust Board: Children's Trust Integrated Commissioning Executive (named with --board). "
            + "Another candidate (judge with --board): Children's Trust Board (recorded as the board; membership listed).)", f.Message));
        Assert.Contains(findings, f => f.Subjects.Contains("probation") && f.Severity == Severity.Error);
    }

    [Fact]
    public void Worcestershire_JCB_alone_can_be_judged_as_the_board()
    {
        var jcb = GovernanceGraph.For(RealDataset.Load().Find("worcestershire")!).Single(g => g.ArrangementId == "2009").JudgingBoard("jcb");

        var findings = MissingRelevantPartners.Find(jcb, TrustGraph.Guidance.RelevantPartners.Statutory);

        Assert.Contains(findings, f => f.Subjects.Contains("police") && f.Message.Contains("Joint Commissioning Board (JCB) has no seat for Police"));
    }

    [Theory]
    [InlineData("calderdale", "model-2")]
    [InlineData("york", "current")]
    public void Structures_whose_papers_name_no_LSP_say_the_papers_do_not_name_one(string authority, string arrangement)
    {
        var finding = Assert.Single(Of(authority, arrangement, Checks.LspReportingGap));

        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("do not name a Local Strategic Partnership", finding.Message);
        Assert.Contains("not the same as finding that it never does", finding.Message);
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
