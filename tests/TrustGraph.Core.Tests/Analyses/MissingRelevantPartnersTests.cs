using TrustGraph.Analyses;
using TrustGraph.Model;
using static TrustGraph.Model.PartnerCategory;

namespace TrustGraph.Core.Tests.Analyses;

public class MissingRelevantPartnersTests
{
    private static readonly PartnerCategory[] Original = [Police, Probation, YouthOffending, StrategicHealthAuthority, Pct, Connexions];
    private static readonly PartnerCategory[] Added2010 = [MaintainedSchool, FeCollege, JobcentrePlus];

    private static IReadOnlyList<Finding> Run(TestStructure s) => MissingRelevantPartners.Find(s.Graph(), TrustGraph.Guidance.RelevantPartners.Statutory);

    private static IEnumerable<string> Problems(IReadOnlyList<Finding> findings) =>
        findings.Where(f => f.Severity != Severity.Info).Select(f => f.Subjects[2]);

    [Fact]
    public void Board_with_every_partner_of_2009_has_no_gaps_before_april_2010()
    {
        var findings = Run(new TestStructure(inForce: "2009-06-01").Body("board", BodyKind.TrustBoard).Partners("board", [.. Original, Lsc]));

        Assert.Empty(Problems(findings));
    }

    [Fact]
    public void Jobcentre_plus_is_info_on_a_2009_board_and_an_error_on_a_2010_board()
    {
        var before = Run(new TestStructure(inForce: "2009-06-01").Body("board", BodyKind.TrustBoard).Partners("board", [.. Original, Lsc]));
        var after = Run(new TestStructure(inForce: "2010-04-01").Body("board", BodyKind.TrustBoard).Partners("board", [.. Original, MaintainedSchool, FeCollege]));

        var info = Assert.Single(before, f => f.Subjects.Contains("jobcentre-plus"));
        Assert.Equal(Severity.Info, info.Severity);
        Assert.Contains("becomes a relevant partner on 1 April 2010", info.Message);
        var error = Assert.Single(after, f => f.Subjects.Contains("jobcentre-plus"));
        Assert.Equal(Severity.Error, error.Severity);
    }

    [Fact]
    public void The_learning_and_skills_council_is_required_in_2009_and_not_after_april_2010()
    {
        var before = Run(new TestStructure(inForce: "2009-06-01").Body("board", BodyKind.TrustBoard).Partners("board", Original));
        var after = Run(new TestStructure(inForce: "2010-06-01").Body("board", BodyKind.TrustBoard).Partners("board", [.. Original, .. Added2010]));

        Assert.Contains("lsc", Problems(before));
        Assert.Empty(Problems(after));
    }

    [Fact]
    public void District_councils_are_required_on_a_county_board_but_not_a_unitary_one()
    {
        var county = Run(new TestStructure(tier: AuthorityTier.County).Body("board", BodyKind.TrustBoard).Partners("board", [.. Original, Lsc]));
        var unitary = Run(new TestStructure(tier: AuthorityTier.Unitary).Body("board", BodyKind.TrustBoard).Partners("board", [.. Original, Lsc]));

        Assert.Equal(["district-council"], Problems(county));
        Assert.Empty(Problems(unitary));
    }

    [Fact]
    public void Vacant_seat_counts_as_vacant_not_absent()
    {
        var findings = Run(new TestStructure().Body("board", BodyKind.TrustBoard, "The Board")
            .Partners("board", [Probation, YouthOffending, StrategicHealthAuthority, Pct, Connexions, Lsc])
            .Seat("board", null, category: Police, status: SeatStatus.Vacant, post: "Police rep"));

        var police = Assert.Single(findings, f => f.Subjects.Contains("police"));
        Assert.Equal(Severity.Warning, police.Severity);
        Assert.Contains("is vacant", police.Message);
    }

    [Fact]
    public void Board_whose_membership_is_unknown_gets_one_cannot_assess_finding()
    {
        var findings = Run(new TestStructure().Body("board", BodyKind.TrustBoard, "The Board"));

        var only = Assert.Single(findings);
        Assert.Equal(Severity.Info, only.Severity);
        Assert.Contains("Cannot assess", only.Message);
    }

    [Fact]
    public void Without_a_board_the_body_holding_the_plan_is_assessed_and_the_choice_is_explained()
    {
        var findings = Run(new TestStructure().Body("cyps", BodyKind.Executive, "CYP Partnership")
            .Duty("cyps", "Owns the Children and Young People's Plan").Partners("cyps", [.. Original, Lsc]));

        Assert.All(findings, f => Assert.Contains("assessed as acting for it", f.Message));
    }

    [Fact]
    public void A_missing_partner_is_a_warning_before_the_board_was_statutory_and_an_error_after()
    {
        var before = Run(new TestStructure(inForce: "2009-06-01").Body("board", BodyKind.TrustBoard).Partners("board", [Probation, YouthOffending, StrategicHealthAuthority, Pct, Connexions, Lsc]));
        var after = Run(new TestStructure(inForce: "2011").Body("board", BodyKind.TrustBoard).Partners("board", [Probation, YouthOffending, StrategicHealthAuthority, Pct, Connexions, .. Added2010]));

        Assert.Equal(Severity.Warning, Assert.Single(before, f => f.Subjects.Contains("police")).Severity);
        Assert.Equal(Severity.Error, Assert.Single(after, f => f.Subjects.Contains("police")).Severity);
    }

    [Fact]
    public void An_undated_arrangement_is_judged_on_the_current_law_and_says_so()
    {
        var findings = Run(new TestStructure(inForce: null).Body("board", BodyKind.TrustBoard).Partners("board", Original));

        var jcp = Assert.Single(findings, f => f.Subjects.Contains("jobcentre-plus"));
        Assert.Equal(Severity.Error, jcp.Severity);
        Assert.Contains("in-force date is not recorded", jcp.Message);
    }

    [Fact]
    public void Academies_absent_from_the_board_cannot_be_assessed_because_there_may_be_none()
    {
        var findings = Run(new TestStructure(inForce: "2010-05-01").Body("board", BodyKind.TrustBoard).Partners("board", [.. Original, .. Added2010]));

        var academy = Assert.Single(findings, f => f.Subjects.Contains("academy"));
        Assert.Equal(Severity.Info, academy.Severity);
        Assert.Contains("Cannot assess", academy.Message);
    }

    [Fact]
    public void Seats_of_the_groups_a_board_is_divided_into_count_as_its_membership()
    {
        var findings = Run(new TestStructure().Body("cypsp", BodyKind.TrustBoard).Body("pab", partOf: "cypsp").Body("jcb", partOf: "cypsp")
            .Partners("pab", [Police, Probation, YouthOffending]).Partners("jcb", [StrategicHealthAuthority, Pct, Connexions, Lsc]));

        Assert.Empty(Problems(findings));
    }
}
