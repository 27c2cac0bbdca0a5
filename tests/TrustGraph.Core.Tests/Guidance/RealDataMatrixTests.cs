using TrustGraph.Guidance;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Guidance;

/// <summary>
/// The requirement × arrangement matrix for the shipped papers, cell by cell. Each expectation is what the source paper
/// decides: a Met or Not met cell rests on rows the paper gives; a Cannot assess cell is a question the paper leaves open.
/// </summary>
public sealed class RealDataMatrixTests
{
    private const string M = "Met", N = "Not met", C = "Cannot assess";

    public static TheoryData<string, string, string, string> Cells => new()
    {
        // Calderdale, Model 2 option paper: the Board's membership, chair (DCS), bi-monthly meetings and its CYP Plan duty are listed; no LSCB, LSP or quorum.
        { "calderdale", "model-2", "board-exists", M },
        { "calderdale", "model-2", "board-relevant-partners", N },
        { "calderdale", "model-2", "board-owns-plan", M },
        { "calderdale", "model-2", "board-meets-quarterly", M },
        { "calderdale", "model-2", "lscb-linked-not-subgroup", C },
        { "calderdale", "model-2", "joint-commissioning-body", M },
        { "calderdale", "model-2", "commissioning-framework", M },
        { "calderdale", "model-2", "children-families-involved", M },
        { "calderdale", "model-2", "lsp-reporting-path", C },
        { "calderdale", "model-2", "no-accountability-cycles", M },
        { "calderdale", "model-2", "tor-chair", M },
        { "calderdale", "model-2", "tor-quorum", C },
        // Suffolk, the Executive Commissioning Group's papers: the Partnership Board is named but its membership is not given; the meetings
        // pattern gives it about four meetings a year, and it reaches the SSP as one of its nine Delivery Partnerships (an inferred line).
        { "suffolk", "2009", "board-exists", M },
        { "suffolk", "2009", "board-relevant-partners", N }, // judged on the ECG, whose invitees are listed
        { "suffolk", "2009", "board-owns-plan", N },
        { "suffolk", "2009", "board-meets-quarterly", M },
        { "suffolk", "2009", "lscb-linked-not-subgroup", C },
        { "suffolk", "2009", "joint-commissioning-body", M },
        { "suffolk", "2009", "commissioning-framework", N },
        { "suffolk", "2009", "children-families-involved", M },
        { "suffolk", "2009", "lsp-reporting-path", M },
        { "suffolk", "2009", "no-accountability-cycles", M },
        { "suffolk", "2009", "tor-chair", C },
        { "suffolk", "2009", "tor-quorum", C },
        // York, the ICG's terms of reference: the YorOK Board's membership and meetings are not given; the ICG holds the CYPP.
        { "york", "current", "board-exists", M },
        { "york", "current", "board-relevant-partners", N }, // judged on the ICG, whose membership is listed
        { "york", "current", "board-owns-plan", N },
        { "york", "current", "board-meets-quarterly", C },
        { "york", "current", "lscb-linked-not-subgroup", C },
        { "york", "current", "joint-commissioning-body", M },
        { "york", "current", "commissioning-framework", N },
        { "york", "current", "children-families-involved", M },
        { "york", "current", "lsp-reporting-path", C },
        { "york", "current", "no-accountability-cycles", M },
        { "york", "current", "tor-chair", C },
        { "york", "current", "tor-quorum", C },
        // Worcestershire 2009: the CYPSP (PAB + JCB) owns the CYPP; no SHA seat; the WSCB manager advises the JCB; no chair of the whole CYPSP.
        { "worcestershire", "2009", "board-exists", M },
        { "worcestershire", "2009", "board-relevant-partners", N },
        { "worcestershire", "2009", "board-owns-plan", M },
        { "worcestershire", "2009", "board-meets-quarterly", C },
        { "worcestershire", "2009", "lscb-linked-not-subgroup", M },
        { "worcestershire", "2009", "joint-commissioning-body", M },
        { "worcestershire", "2009", "commissioning-framework", C },
        { "worcestershire", "2009", "children-families-involved", M },
        { "worcestershire", "2009", "lsp-reporting-path", N },
        { "worcestershire", "2009", "no-accountability-cycles", M },
        { "worcestershire", "2009", "tor-chair", N },
        { "worcestershire", "2009", "tor-quorum", C },
        // Worcestershire proposed 2010: the Trust Board meets quarterly, is chaired, and the WSCB reports to it "but not a sub-group";
        // the paper names only some of its members ("inclusive and representative membership"), so its partners cannot be judged.
        { "worcestershire", "proposed-2010", "board-exists", M },
        { "worcestershire", "proposed-2010", "board-relevant-partners", C },
        { "worcestershire", "proposed-2010", "board-owns-plan", M },
        { "worcestershire", "proposed-2010", "board-meets-quarterly", M },
        { "worcestershire", "proposed-2010", "lscb-linked-not-subgroup", M },
        { "worcestershire", "proposed-2010", "joint-commissioning-body", M },
        { "worcestershire", "proposed-2010", "commissioning-framework", C },
        { "worcestershire", "proposed-2010", "children-families-involved", M },
        { "worcestershire", "proposed-2010", "lsp-reporting-path", N },
        { "worcestershire", "proposed-2010", "no-accountability-cycles", M },
        { "worcestershire", "proposed-2010", "tor-chair", M },
        { "worcestershire", "proposed-2010", "tor-quorum", C },
        // Anyplace, the briefing's sample Board terms of reference (appendix 1): meets at least four times a year.
        { "anyplace", "board-sample", "board-exists", M },
        { "anyplace", "board-sample", "board-relevant-partners", C }, // the sample ToR leaves the commissioning partners blank: partial
        { "anyplace", "board-sample", "board-owns-plan", M },
        { "anyplace", "board-sample", "board-meets-quarterly", M },
        { "anyplace", "board-sample", "lscb-linked-not-subgroup", M },
        { "anyplace", "board-sample", "joint-commissioning-body", M },
        { "anyplace", "board-sample", "commissioning-framework", M },
        { "anyplace", "board-sample", "children-families-involved", M },
        { "anyplace", "board-sample", "lsp-reporting-path", M },
        { "anyplace", "board-sample", "no-accountability-cycles", M },
        { "anyplace", "board-sample", "tor-chair", M }, // 6.1 provides a chair and a deputy, the name or position left to fill in
        { "anyplace", "board-sample", "tor-quorum", C },
        // Anyplace, the briefing's separate sample of a two-tier area's B Local Area Group (appendix 2): the Children and Young People's
        // Partnership it reports to is named only as such (no membership, duties or meetings), so most of the Board's checks cannot be
        // assessed; no commissioning body is named, and neither the Partnership nor the support team has a line to the B LSP.
        { "anyplace", "lag-sample", "board-exists", M },
        { "anyplace", "lag-sample", "board-relevant-partners", C },
        { "anyplace", "lag-sample", "board-owns-plan", C },
        { "anyplace", "lag-sample", "board-meets-quarterly", C },
        { "anyplace", "lag-sample", "lscb-linked-not-subgroup", C },
        { "anyplace", "lag-sample", "joint-commissioning-body", N },
        { "anyplace", "lag-sample", "commissioning-framework", C },
        { "anyplace", "lag-sample", "children-families-involved", M },
        { "anyplace", "lag-sample", "lsp-reporting-path", N },
        { "anyplace", "lag-sample", "no-accountability-cycles", M },
        { "anyplace", "lag-sample", "tor-chair", C },
        { "anyplace", "lag-sample", "tor-quorum", C },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Each_cell_of_the_matrix_is_what_the_papers_decide(string authority, string arrangement, string requirement, string expected)
    {
        var verdict = Verdict(authority, arrangement, requirement);

        Assert.Equal(expected, verdict.Status.Label());
        Assert.False(string.IsNullOrWhiteSpace(verdict.Reason));
        if (verdict.Status == VerdictStatus.NotMet) Assert.False(string.IsNullOrWhiteSpace(verdict.Remedy));
        if (verdict.Status == VerdictStatus.CannotAssess) Assert.Equal(Severity.Info, verdict.Severity);
    }

    [Fact]
    public void The_matrix_covers_every_requirement_of_every_arrangement()
    {
        var cells = Cells.Select(row => ((string)row[0], (string)row[1], (string)row[2])).ToHashSet();
        var arrangements = ShippedData.Dataset.Authorities.SelectMany(a => a.Arrangements.Select(x => (a.Id, x.Id)));
        foreach (var (authority, arrangement) in arrangements)
            foreach (var requirement in Requirements.Statutory)
                Assert.Contains((authority, arrangement, requirement.Id), cells);
    }

    [Fact]
    public void Every_cannot_assess_says_what_the_papers_leave_open()
    {
        var open = ShippedData.Dataset.Authorities
            .SelectMany(Graph.GovernanceGraph.For)
            .SelectMany(g => GuidanceChecks.Run(g))
            .Where(v => v.Status == VerdictStatus.CannotAssess)
            .ToList();

        Assert.NotEmpty(open);
        Assert.All(open, v => Assert.Matches(
            "do not give|do not say|do not mention|do not record|not recorded|no place for a quorum|cannot be traced|is not known|mention the plan only|list only part",
            v.Reason));
    }

    [Fact]
    public void Calderdale_board_lacks_a_police_seat_and_the_remedy_says_to_add_one()
    {
        var verdict = Verdict("calderdale", "model-2", "board-relevant-partners");

        Assert.Contains("Police", verdict.Reason);
        Assert.Contains("Add seats to Children's Trust Board for Police", verdict.Remedy);
        Assert.Contains(verdict.Evidence.Sources, s => s.ToString() == "calderdale-model-2#board-membership");
        Assert.Equal(Severity.Error, verdict.Severity);
    }

    [Fact]
    public void Suffolk_and_York_boards_have_no_listed_membership_so_the_group_whose_membership_is_listed_is_judged_for_partners()
    {
        var suffolk = Verdict("suffolk", "2009", "board-relevant-partners").Reason;
        var york = Verdict("york", "current", "board-relevant-partners").Reason;

        Assert.StartsWith("(Judged as the Children's Trust Board: Children's Trust Executive Commissioning Group (holds the Children and Young People's Plan; membership listed).", suffolk);
        Assert.Contains("Suffolk Children's Trust Partnership Board (recorded as the board; no membership listed)", suffolk);
        Assert.StartsWith("(Judged as the Children's Trust Board: YorOK Children's Integrated Commissioning Group", york);
        Assert.Contains("YorOK Children's Trust Board (recorded as the board; no membership listed)", york);
    }

    [Fact]
    public void Worcestershire_proposed_board_meets_quarterly_and_its_safeguarding_board_reports_to_it_without_being_a_sub_group()
    {
        Assert.Equal("Children's Trust Board meets 4 times a year.", Verdict("worcestershire", "proposed-2010", "board-meets-quarterly").Reason);
        var lscb = Verdict("worcestershire", "proposed-2010", "lscb-linked-not-subgroup");
        Assert.Contains("Worcestershire Safeguarding Children Board (WSCB) reports to Children's Trust Board", lscb.Reason);
        Assert.Contains("is not a sub-group", lscb.Reason);
    }

    [Fact]
    public void Worcestershire_proposed_board_lists_only_some_members_so_missing_partners_are_not_judged_absent()
    {
        var verdict = Verdict("worcestershire", "proposed-2010", "board-relevant-partners");

        Assert.Contains("only part of the membership of Children's Trust Board", verdict.Reason);
        Assert.Contains("Present: District council", verdict.Reason);
        Assert.Contains("Not shown: Police authority and chief officer of police", verdict.Reason);
    }

    [Fact]
    public void A_gap_in_an_arrangement_before_April_2010_is_a_warning_because_it_was_guidance_then()
    {
        var suffolk = Verdict("suffolk", "2009", "board-owns-plan");
        var york = Verdict("york", "current", "board-owns-plan");

        Assert.Equal(Severity.Warning, suffolk.Severity);
        Assert.Contains("On 10 March 2009 this was guidance, not yet statute", suffolk.Reason);
        Assert.Contains("Children's Trust Executive Commissioning Group", suffolk.Reason);
        Assert.Equal(Severity.Error, york.Severity);
        Assert.Contains("no in-force date", york.Reason);
        Assert.Contains("“Statutory plan held: Children and Young People's Plan”", york.Reason);
    }

    [Fact]
    public void Worcestershire_2009_lacks_a_Strategic_Health_Authority_seat_across_the_two_groups_of_its_partnership()
    {
        var verdict = Verdict("worcestershire", "2009", "board-relevant-partners");

        Assert.Contains("Children & Young People's Strategic Partnership (CYPSP) has no seat for Strategic Health Authority (s10(4)(e)).", verdict.Reason);
        Assert.Contains("divided into Partnership Advisory Body (PAB) and Joint Commissioning Board (JCB)", verdict.Reason);
        Assert.Equal("Add a Strategic Health Authority seat to Children & Young People's Strategic Partnership (CYPSP).", verdict.Remedy);
        Assert.Equal(Severity.Warning, verdict.Severity);
    }

    [Fact]
    public void York_board_agrees_the_definition_of_commissioning_but_not_the_framework_the_ICG_develops()
    {
        var verdict = Verdict("york", "current", "commissioning-framework");

        Assert.Contains("YorOK Children's Integrated Commissioning Group", verdict.Reason);
        Assert.Contains("“Agree the local definition of commissioning”", verdict.Reason);
        Assert.Equal("Have YorOK Children's Trust Board agree the commissioning framework that YorOK Children's Integrated Commissioning Group develops, and say so in the Board's terms of reference.", verdict.Remedy);
    }

    private static Verdict Verdict(string authority, string arrangement, string requirement) =>
        GuidanceChecks.Judge(ShippedData.Graph(authority, arrangement), Requirements.Statutory.Single(r => r.Id == requirement));
}
