using TrustGraph.Analyses;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Analyses;

public class DuplicatedMembershipTests
{
    [Fact]
    public void Person_listed_twice_on_one_body_is_a_data_quality_warning()
    {
        var graph = new TestStructure().Body("jcb", name: "Joint Board")
            .Seat("jcb", "Roger Smith", SeatRole.Advisor).Seat("jcb", "Roger Smith", SeatRole.Advisor).Graph();

        var finding = Assert.Single(DuplicatedMembership.Find(graph));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Contains("Roger Smith is listed twice on Joint Board", finding.Message);
    }

    [Fact]
    public void Person_on_two_unlinked_bodies_is_a_warning_naming_both()
    {
        var graph = new TestStructure().Body("pab", name: "Advisory Body").Body("jcb", name: "Joint Board")
            .Seat("pab", "Richard Keble").Seat("jcb", "Richard Keble").Graph();

        var finding = Assert.Single(DuplicatedMembership.Find(graph));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(["Richard Keble", "pab", "jcb"], finding.Subjects);
        Assert.Contains("Advisory Body (member) and Joint Board (member)", finding.Message);
    }

    [Fact]
    public void Chair_of_a_body_sitting_on_the_body_it_answers_to_is_a_deliberate_link()
    {
        var graph = new TestStructure().Body("theme", name: "Health Group").Body("exec", name: "Executive")
            .Line("theme", "exec", AccountabilityKind.ReportsTo)
            .Seat("theme", "Ann Lee", SeatRole.Chair).Seat("exec", "Ann Lee").Graph();

        var finding = Assert.Single(DuplicatedMembership.Find(graph));

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("held as chair of Health Group, which reports to Executive", finding.Message);
        Assert.Contains("deliberate link", finding.Message);
    }

    [Fact]
    public void Advisor_seat_held_by_the_chair_of_an_advisory_body_is_a_deliberate_link()
    {
        var graph = new TestStructure().Body("pab", BodyKind.Advisory, "Advisory Body").Body("jcb", name: "Joint Board")
            .Seat("pab", "Michael Hunter", SeatRole.Chair).Seat("jcb", "Michael Hunter", SeatRole.Advisor).Graph();

        Assert.Equal(Severity.Info, Assert.Single(DuplicatedMembership.Find(graph)).Severity);
    }

    [Fact]
    public void Attending_another_body_is_not_membership_of_it()
    {
        var graph = new TestStructure().Body("a", name: "Board").Body("b", name: "Executive")
            .Seat("a", "Head of Trust").Seat("b", "Head of Trust", SeatRole.InAttendance).Graph();

        var finding = Assert.Single(DuplicatedMembership.Find(graph));

        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("in-attendance, not membership", finding.Message);
    }

    [Fact]
    public void Names_differing_only_in_case_spacing_and_title_are_one_person()
    {
        var graph = new TestStructure().Body("a").Body("b")
            .Seat("a", "Cllr Marcus  Hart").Seat("b", "marcus hart").Graph();

        Assert.Single(DuplicatedMembership.Find(graph));
    }

    [Fact]
    public void One_seat_each_for_different_people_and_unattributed_posts_is_no_finding()
    {
        var graph = new TestStructure().Body("a").Body("b").Seat("a", "Ann").Seat("b", "Bob").Seat("a", null).Seat("a", null).Graph();

        Assert.Empty(DuplicatedMembership.Find(graph));
    }
}

public class OfficeHolderTests
{
    [Fact]
    public void The_same_office_of_the_same_agency_on_two_bodies_is_one_person_on_two_bodies()
    {
        var s = new TestStructure().Body("ice", name: "Executive").Body("board", BodyKind.TrustBoard, "Board");
        var graph = GovernanceGraphWith(s, ("ice", SeatRole.Member), ("board", SeatRole.Chair));

        var finding = Assert.Single(DuplicatedMembership.Find(graph));

        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.StartsWith("The Director of Children's Services (Shire Council), one office and so one person, sits on 2 bodies", finding.Message);
        Assert.Equal(["Director of Children's Services", "Shire Council", "ice", "board"], finding.Subjects);
    }

    private static TrustGraph.Graph.GovernanceGraph GovernanceGraphWith(TestStructure s, params (string Body, SeatRole Role)[] seats)
    {
        var structure = s.Build();
        var withSeats = structure with
        {
            Seats = seats.Select(x => new Seat(x.Body, "Director of Children's Services", null, "Shire Council", PartnerCategory.LocalAuthority,
                x.Role, null, SeatStatus.Filled, new SourceRef("paper", null))).ToList(),
        };
        return TrustGraph.Graph.GovernanceGraph.For(withSeats).Single();
    }
}
