using TrustGraph.Analyses;
using TrustGraph.Guidance;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Guidance;

public sealed class GuidanceCheckTests
{
    private static Verdict Judge(StructureBuilder structure, string requirement) =>
        GuidanceChecks.Judge(structure.Graph(), Requirements.Statutory.Single(r => r.Id == requirement));

    private static StructureBuilder BoardUnderLsp() => new StructureBuilder()
        .Body("lsp", BodyKind.Lsp, name: "Testshire Partnership")
        .Body("ctb", BodyKind.TrustBoard, meets: 4, name: "Children's Trust Board")
        .Line("ctb", "lsp");

    [Fact]
    public void An_arrangement_with_no_board_fails_the_first_requirement_and_cannot_be_judged_on_the_board_ones()
    {
        var structure = new StructureBuilder().Body("lsp", BodyKind.Lsp).Body("group", BodyKind.Thematic).Line("group", "lsp");

        var exists = Judge(structure, "board-exists");
        var chair = Judge(structure, "tor-chair");

        Assert.Equal(VerdictStatus.NotMet, exists.Status);
        Assert.Contains("Establish a Children's Trust Board for Testshire", exists.Remedy);
        Assert.Equal(VerdictStatus.CannotAssess, chair.Status);
        Assert.Contains("No Children's Trust Board is recorded", chair.Reason);
    }

    [Fact]
    public void A_body_holding_the_plan_acts_as_the_board_when_none_is_recorded()
    {
        var structure = new StructureBuilder().Body("cyps", BodyKind.Executive, name: "CYP Partnership").Duty("cyps", "Prepare and publish the CYP Plan");

        var verdict = Judge(structure, "board-exists");

        Assert.Equal(VerdictStatus.Met, verdict.Status);
        Assert.Contains("CYP Partnership holds the Children and Young People's Plan", verdict.Reason);
    }

    [Fact]
    public void A_board_meeting_twice_a_year_is_told_to_meet_four_times()
    {
        var structure = new StructureBuilder().Body("ctb", BodyKind.TrustBoard, meets: 2, name: "Children's Trust Board");

        var verdict = Judge(structure, "board-meets-quarterly");

        Assert.Equal(VerdictStatus.NotMet, verdict.Status);
        Assert.Equal("Children's Trust Board meets twice a year, fewer than 4.", verdict.Reason);
        Assert.StartsWith("Schedule at least 4 meetings of Children's Trust Board a year", verdict.Remedy);
    }

    [Fact]
    public void A_safeguarding_board_that_is_a_sub_group_of_the_board_is_a_gap()
    {
        var structure = BoardUnderLsp().Body("lscb", BodyKind.SubGroup, name: "Local Safeguarding Children Board").Line("lscb", "ctb", AccountabilityKind.ReportsTo);

        var verdict = Judge(structure, "lscb-linked-not-subgroup");

        Assert.Equal(VerdictStatus.NotMet, verdict.Status);
        Assert.Contains("is recorded as a sub-group", verdict.Reason);
        Assert.StartsWith("Make Local Safeguarding Children Board a separate board that reports to Children's Trust Board", verdict.Remedy);
    }

    [Fact]
    public void A_safeguarding_board_contained_in_the_board_is_a_gap_even_when_its_kind_is_safeguarding()
    {
        var structure = BoardUnderLsp().Body("lscb", BodyKind.Safeguarding, name: "LSCB", partOf: "ctb");

        var verdict = Judge(structure, "lscb-linked-not-subgroup");

        Assert.Equal(VerdictStatus.NotMet, verdict.Status);
        Assert.Contains("LSCB is recorded as part of Children's Trust Board", verdict.Reason);
    }

    [Fact]
    public void A_safeguarding_board_with_no_line_or_seat_to_the_board_is_a_gap()
    {
        var structure = BoardUnderLsp().Body("lscb", BodyKind.Safeguarding, name: "LSCB").Line("lscb", "lsp", AccountabilityKind.ReportsTo);

        var verdict = Judge(structure, "lscb-linked-not-subgroup");

        Assert.Equal(VerdictStatus.NotMet, verdict.Status);
        Assert.Equal("LSCB is recorded, but no line or seat links it to Children's Trust Board.", verdict.Reason);
    }

    [Fact]
    public void A_safeguarding_board_chair_observing_the_board_is_a_link_without_subordination()
    {
        var structure = BoardUnderLsp().Body("lscb", BodyKind.Safeguarding, name: "LSCB")
            .Seat("ctb", PartnerCategory.Other, SeatRole.Observer, post: "Chair of the LSCB", agency: "Local Safeguarding Children Board");

        var verdict = Judge(structure, "lscb-linked-not-subgroup");

        Assert.Equal(VerdictStatus.Met, verdict.Status);
        Assert.Contains("Chair of the LSCB sits on Children's Trust Board as observer", verdict.Reason);
    }

    [Fact]
    public void The_plan_held_by_a_commissioning_group_instead_of_the_board_is_a_gap_and_a_passing_mention_is_not_evidence()
    {
        var held = BoardUnderLsp().Body("icg", BodyKind.Commissioning, name: "ICG").Line("icg", "ctb").Duty("icg", "Develop, publish and review the CYPP");
        var mentioned = BoardUnderLsp().Body("icg", BodyKind.Commissioning, name: "ICG").Line("icg", "ctb").Duty("icg", "Monitor performance against CYPP aims");

        var gap = Judge(held, "board-owns-plan");
        var open = Judge(mentioned, "board-owns-plan");

        Assert.Equal(VerdictStatus.NotMet, gap.Status);
        Assert.Contains("The papers give the plan to ICG", gap.Reason);
        Assert.Equal(VerdictStatus.CannotAssess, open.Status);
        Assert.Contains("mention the plan only in passing", open.Reason);
    }

    [Theory]
    [InlineData("Develop, publish, review and revise the CYP Plan", true)]
    [InlineData("Own and deliver the Children and Young People's Plan", true)]
    [InlineData("Statutory plan held: Children and Young People's Plan", true)]
    [InlineData("Produce, performance-manage and revise the CYP Plan", true)]
    [InlineData("Develop a joint commissioning strategy within the CYPP", false)]
    [InlineData("Oversee CYPP implementation, improvement planning and CAA preparation", false)]
    [InlineData("Track progress against the CYP Plan", false)]
    [InlineData("Approve the CYPP and major changes; receive annual report", false)]
    public void A_duty_holds_the_plan_only_when_the_plan_is_what_it_prepares_or_owns(string duty, bool holds) =>
        Assert.Equal(holds, BoardOwnsPlan.HoldsPlan(duty));

    [Fact]
    public void A_vacant_partner_seat_is_a_gap_to_fill_not_an_absence()
    {
        var structure = BoardUnderLsp().AllPartners("ctb").Seat("ctb", PartnerCategory.Police, status: SeatStatus.Vacant);
        var built = structure.Build();
        var withoutFilledPolice = built with { Seats = built.Seats.Where(s => !(s.PartnerCategory == PartnerCategory.Police && s.IsFilled)).ToList() };

        var verdict = GuidanceChecks.Judge(Graph.GovernanceGraph.For(withoutFilledPolice)[0], Requirements.Statutory.Single(r => r.Id == "board-relevant-partners"));

        Assert.Equal(VerdictStatus.NotMet, verdict.Status);
        Assert.Contains("The seat for Police authority and chief officer of police (s10(4)(b)) is vacant", verdict.Reason);
        Assert.Equal("Fill the vacant Police authority and chief officer of police seat.", verdict.Remedy);
    }

    [Fact]
    public void A_board_with_every_partner_meets_the_requirement_but_cannot_answer_for_academies_that_may_not_exist()
    {
        var verdict = Judge(BoardUnderLsp().AllPartners("ctb"), "board-relevant-partners");

        Assert.Equal(VerdictStatus.Met, verdict.Status);
        Assert.Contains("Proprietors of Academies, CTCs and CCTAs in the area (s10(4)(fc))", verdict.Reason);
        Assert.Contains("only where there are any in the area", verdict.Reason);
    }

    [Fact]
    public void An_unknown_tier_leaves_the_district_council_seat_open_rather_than_missing()
    {
        var structure = new StructureBuilder(tier: null).Body("ctb", BodyKind.TrustBoard, name: "Children's Trust Board").AllPartners("ctb");

        var verdict = Judge(structure, "board-relevant-partners");

        Assert.Equal(VerdictStatus.CannotAssess, verdict.Status);
        Assert.Contains("tier is not recorded", verdict.Reason);
        Assert.Contains("District council", verdict.Reason);
    }

    [Fact]
    public void A_listed_membership_with_no_chair_is_a_gap_and_a_vacant_chair_asks_for_an_appointment()
    {
        var noChair = Judge(BoardUnderLsp().Seat("ctb", PartnerCategory.Pct), "tor-chair");
        var vacant = Judge(BoardUnderLsp().Seat("ctb", null, SeatRole.Chair, post: "Chair", status: SeatStatus.Vacant), "tor-chair");

        Assert.Equal(VerdictStatus.NotMet, noChair.Status);
        Assert.Contains("no seat is its chair", noChair.Reason);
        Assert.Equal("The chair of Children's Trust Board is vacant.", vacant.Reason);
    }

    [Fact]
    public void A_quorum_counts_only_when_a_duty_of_the_board_states_it()
    {
        var stated = Judge(BoardUnderLsp().Duty("ctb", "Meetings are quorate when half the members attend"), "tor-quorum");
        var silent = Judge(BoardUnderLsp(), "tor-quorum");

        Assert.Equal(VerdictStatus.Met, stated.Status);
        Assert.Equal(VerdictStatus.CannotAssess, silent.Status);
        Assert.Contains("no quorum column", silent.Reason);
    }

    [Fact]
    public void Involvement_needs_a_duty_that_involves_families_or_their_own_seats()
    {
        var duty = Judge(BoardUnderLsp().Duty("ctb", "Consult children and young people on the plan"), "children-families-involved");
        var seat = Judge(BoardUnderLsp().Seat("ctb", PartnerCategory.ParentCarer, post: "Parent rep"), "children-families-involved");
        var neither = Judge(BoardUnderLsp().Duty("ctb", "Influence allocation of the children's fund"), "children-families-involved");

        Assert.Equal(VerdictStatus.Met, duty.Status);
        Assert.Equal(VerdictStatus.Met, seat.Status);
        Assert.Equal(VerdictStatus.NotMet, neither.Status);
        Assert.Contains("a seat for a parent/carer representative", neither.Remedy);
    }

    [Fact]
    public void Cycles_and_reporting_gaps_come_from_the_shared_analyses()
    {
        var structure = BoardUnderLsp()
            .Body("a", BodyKind.SubGroup, name: "Group A").Body("b", BodyKind.SubGroup, name: "Group B")
            .Line("a", "b").Line("b", "a");

        var cycle = Judge(structure, "no-accountability-cycles");
        var path = Judge(structure, "lsp-reporting-path");

        Assert.Equal(VerdictStatus.NotMet, cycle.Status);
        Assert.Contains("Accountability cycle", cycle.Reason);
        Assert.Equal(VerdictStatus.NotMet, path.Status);
        Assert.Contains("2 of the 3 bodies of the Trust have no reporting path to Testshire Partnership: Group A and Group B", path.Reason);
    }

    [Fact]
    public void Gaps_and_open_questions_become_guidance_findings_and_met_requirements_do_not()
    {
        var structure = BoardUnderLsp().Seat("ctb", PartnerCategory.Pct, SeatRole.Chair, post: "PCT chief executive");

        var findings = GuidanceChecks.Findings(structure.Graph());
        var json = FindingsJson.Write(findings);

        Assert.All(findings, f => Assert.Equal(Checks.Guidance, f.Check));
        Assert.Contains(findings, f => f.Subjects[0] == "board-relevant-partners" && f.Severity == Severity.Error && f.Remedy is not null);
        Assert.Contains(findings, f => f.Subjects[0] == "tor-quorum" && f.Severity == Severity.Info);
        Assert.DoesNotContain(findings, f => f.Subjects[0] == "tor-chair" || f.Subjects[0] == "board-exists");
        Assert.Contains("\"check\": \"guidance\"", json);
    }
}
