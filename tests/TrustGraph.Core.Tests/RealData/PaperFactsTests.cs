using TrustGraph.Model;

namespace TrustGraph.Core.Tests.RealData;

/// <summary>
/// What the five papers state (and what we only read from them), checked row by row in data/ as a reader of the papers
/// would check them: each inferred row says so and why, each stated fact is there.
/// </summary>
public class PaperFactsTests
{
    private static readonly Dataset Data = RealDataset.Load();

    private static AuthorityStructure Of(string authority) => Data.Authorities.Single(a => a.Id == authority);

    private static AccountabilityLine Line(string authority, string from, string to) =>
        Assert.Single(Of(authority).Lines, l => l.From == from && l.To == to && l.Kind.CarriesAccountability());

    private static Body Body(string authority, string id) => Assert.Single(Of(authority).Bodies, b => b.Id == id);

    [Fact]
    public void Suffolk_trust_board_reports_to_the_SSP_as_one_of_its_nine_Delivery_Partnerships_an_inferred_line()
    {
        var line = Line("suffolk", "ctpb", "ssp");

        Assert.Equal(Basis.Inferred, line.Basis);
        Assert.Contains("nine Delivery Partnerships", line.Note);
        Assert.Equal("suffolk-ecg-2009#prg-report", line.Source.ToString());
    }

    [Fact]
    public void Suffolk_Performance_Improvement_Group_answers_to_the_Board_it_manages_performance_for()
    {
        var line = Line("suffolk", "pig", "ctpb");

        Assert.Equal(Basis.Inferred, line.Basis);
        Assert.Contains("on behalf of the Partnership Board", line.Note);
    }

    [Fact]
    public void Suffolk_invitees_are_an_inferred_membership_with_organisations_paired_by_list_order()
    {
        var seats = Of("suffolk").Seats.Where(s => s.Body == "ecg").ToList();

        Assert.Equal(16, seats.Count);
        Assert.All(seats, s => Assert.Equal(Basis.Inferred, s.Basis));
        Assert.All(seats, s => Assert.Contains("invited to the 10 March 2009 meeting", s.Note));
        Assert.Contains("paired with the name by list order", Assert.Single(seats, s => s.Person == "Tim Mutum").Note);
        Assert.Equal("Babergh District Council", Assert.Single(seats, s => s.Person == "Tim Mutum").Agency);
        Assert.Contains("stated in the meeting reports", Assert.Single(seats, s => s.Person == "Gavin Bultitude").Note);
    }

    [Fact]
    public void Suffolk_meetings_pattern_gives_the_Board_four_meetings_and_the_ECG_seven()
    {
        Assert.Equal(4, Body("suffolk", "ctpb").MeetsPerYear);
        Assert.Equal(7, Body("suffolk", "ecg").MeetsPerYear);
    }

    [Fact]
    public void Anyplace_Board_sample_and_B_Local_Area_Group_sample_are_separate_arrangements_not_wired_together()
    {
        var anyplace = Of("anyplace");
        var board = anyplace.Bodies.Where(b => b.Arrangement == "board-sample").Select(b => b.Id).ToHashSet();
        var lag = anyplace.Bodies.Where(b => b.Arrangement == "lag-sample").Select(b => b.Id).ToHashSet();

        Assert.Equal(["board-sample", "lag-sample"], anyplace.Arrangements.Select(a => a.Id));
        Assert.DoesNotContain(anyplace.Bodies, b => b.Arrangement is null);
        Assert.Contains("ctb", board);
        Assert.Contains("lag", lag);
        Assert.DoesNotContain(anyplace.Lines, l => board.Contains(l.From) != board.Contains(l.To));
        Assert.DoesNotContain(anyplace.Seats, s => board.Contains(s.Body) && s.Agency == "B Local Area Group");
    }

    [Fact]
    public void B_Local_Area_Group_reports_to_the_Children_and_Young_Peoples_Partnership_and_its_own_LSP()
    {
        var lines = Of("anyplace").Lines.Where(l => l.From == "lag").ToList();

        Assert.Contains(lines, l => l.To == "cypp" && l.Kind == AccountabilityKind.ReportsTo);
        Assert.Contains(lines, l => l.To == "b-csp" && l.Kind == AccountabilityKind.ReportsTo);
        Assert.Contains(lines, l => l.To == "x-bcc" && l.Kind == AccountabilityKind.AccountableTo);
        Assert.Equal("Children and Young People's Partnership", Body("anyplace", "cypp").Name);
        Assert.Equal(Basis.Inferred, Body("anyplace", "cypp").Basis);
    }

    [Fact]
    public void Anyplace_Board_sample_has_no_vacancies_for_the_template_blanks_of_4_1()
    {
        var seats = Of("anyplace").Seats.Where(s => s.Body == "ctb").ToList();

        Assert.DoesNotContain(seats, s => s.Status == SeatStatus.Vacant);
        Assert.Contains("blanks", Body("anyplace", "ctb").Note);
        Assert.True(Body("anyplace", "ctb").MembershipPartial);
    }

    [Fact]
    public void Anyplace_Board_has_a_chair_and_deputy_chair_and_the_DCS_as_secretariat()
    {
        var seats = Of("anyplace").Seats.Where(s => s.Body == "ctb").ToList();

        Assert.Contains(seats, s => s.Role == SeatRole.Chair && s.Source.Locator == "ctb-6-1");
        Assert.Contains(seats, s => s.Role == SeatRole.ViceChair && s.Source.Locator == "ctb-6-1");
        Assert.Contains(seats, s => s.Role == SeatRole.Secretariat && s.Post == "Director of Children's Services" && s.Source.Locator == "ctb-8-1");
    }

    [Fact]
    public void B_Local_Area_Group_has_a_chair_a_vice_chair_and_non_voting_attendees()
    {
        var seats = Of("anyplace").Seats.Where(s => s.Body == "lag").ToList();

        Assert.Contains(seats, s => s.Role == SeatRole.Chair);
        Assert.Contains(seats, s => s.Role == SeatRole.ViceChair);
        Assert.Contains(seats, s => s.Role == SeatRole.InAttendance && s.Voting == false);
    }

    [Theory]
    [InlineData("anyplace", "ctb", "pct-board")]
    [InlineData("anyplace", "ctb", "cabinet")]
    [InlineData("calderdale", "ice", "accountable-partner-bodies")]
    public void Delegation_from_partner_bodies_is_read_the_same_way_in_Anyplace_and_Calderdale(string authority, string from, string to)
    {
        var line = Line(authority, from, to);

        Assert.Equal(AccountabilityKind.AccountableTo, line.Kind);
        Assert.Equal(Basis.Inferred, line.Basis);
        Assert.StartsWith("read from delegation", line.Note);
    }

    [Fact]
    public void Calderdale_thematic_chairs_are_to_be_nominated_so_vacant()
    {
        var chairs = Of("calderdale").Seats.Where(s => s.Body.StartsWith("tp-") && s.Role == SeatRole.Chair).ToList();

        Assert.Equal(6, chairs.Count);
        Assert.All(chairs, s => Assert.Equal(SeatStatus.Vacant, s.Status));
        Assert.All(chairs, s => Assert.Contains("to be nominated", s.Note));
    }

    [Fact]
    public void Calderdale_thematic_memberships_are_a_must_include_minimum()
    {
        var thematic = Of("calderdale").Bodies.Where(b => b.Kind == BodyKind.Thematic).ToList();

        Assert.Equal(6, thematic.Count);
        Assert.All(thematic, b => Assert.True(b.MembershipPartial));
        Assert.All(thematic, b => Assert.Contains("must include", b.Note));
    }

    [Fact]
    public void Calderdale_board_keeps_its_split_into_statutory_and_non_statutory_partners()
    {
        var seats = Of("calderdale").Seats.Where(s => s.Body == "trust-board").ToList();

        Assert.Equal("listed under statutory partners", seats.First(s => s.Post == "Jobcentre Plus").Note);
        Assert.All(seats.Where(s => s.Post == "VCS representative"), s => Assert.Equal("listed under non-statutory partners", s.Note));
    }

    [Theory]
    [InlineData("calderdale", "ADASS (adult social services director)")]
    [InlineData("calderdale", "Community Foundation")]
    [InlineData("calderdale", "Chair Schools Forum / CASH / CPHA representative")]
    [InlineData("worcestershire", "Higher and further education representative")]
    [InlineData("worcestershire", "Special school heads representative")]
    public void Guessed_partner_categories_are_marked_inferred(string authority, string post)
    {
        var seat = Assert.Single(Of(authority).Seats, s => s.Post == post);

        Assert.Equal(Basis.Inferred, seat.Basis);
        Assert.False(string.IsNullOrWhiteSpace(seat.Note));
    }

    [Fact]
    public void York_records_the_role_of_members_of_the_ICG()
    {
        var roles = Of("york").Duties.Where(d => d.Source.Locator == "member-role").ToList();

        Assert.Equal(3, roles.Count);
        Assert.Contains(roles, d => d.Text.Contains("substitute"));
    }

    [Theory]
    [InlineData("yorok-subgroups")]
    [InlineData("new-planning-forums")]
    [InlineData("icg-subgroups")]
    public void York_forums_named_for_commissioning_report_to_the_ICG(string forum)
    {
        var line = Line("york", forum, "icg");

        Assert.Equal(AccountabilityKind.ReportsTo, line.Kind);
        Assert.Equal(Basis.Inferred, line.Basis);
        Assert.Equal("york-cicg-tor#reporting", line.Source.ToString());
    }

    [Fact]
    public void Worcestershire_Joint_Commissioning_Executive_is_officers_of_NHS_Worcestershire_and_WCC()
    {
        var seats = Of("worcestershire").Seats.Where(s => s.Body == "jce").ToList();

        Assert.Equal(["NHS Worcestershire", "Worcestershire County Council"], seats.Select(s => s.Agency));
        Assert.All(seats, s => Assert.Contains("officer-only", s.Note));
    }

    [Fact]
    public void Worcestershire_JCB_advisor_supporters_are_recorded_as_attending()
    {
        var seats = Of("worcestershire").Seats.Where(s => s.Body == "jcb" && s.Role == SeatRole.InAttendance).ToList();

        Assert.Contains(seats, s => s.Post == "Parent Engagement Advisor, Children's Services");
        Assert.Contains(seats, s => s.Post == "Service Development Manager, Youth Support" && s.Person is null);
        Assert.All(seats, s => Assert.Equal(Basis.Inferred, s.Basis));
    }

    [Fact]
    public void The_Learning_and_Skills_Council_is_spelled_as_both_papers_spell_it_and_carries_the_lsc_category()
    {
        var seats = Data.Authorities.SelectMany(a => a.Seats).Where(s => s.PartnerCategory == PartnerCategory.Lsc).ToList();

        Assert.Equal(2, seats.Count);
        Assert.All(seats, s => Assert.Equal("Learning Skills Council", s.Agency));
    }

    [Fact]
    public void Every_inferred_row_says_what_it_rests_on()
    {
        IEnumerable<IHasBasis> rows = Data.Authorities.SelectMany(a =>
            a.Bodies.Cast<IHasBasis>().Concat(a.Seats).Concat(a.Lines).Concat(a.Duties));

        Assert.All(rows.Where(r => r.Basis == Basis.Inferred), r => Assert.False(string.IsNullOrWhiteSpace(r.Note), r.ToString()));
    }

    [Fact]
    public void Every_arrangement_says_what_its_in_force_date_rests_on()
    {
        Assert.All(Data.Authorities.SelectMany(a => a.Arrangements), a => Assert.False(string.IsNullOrWhiteSpace(a.Note), a.Id));
    }
}
