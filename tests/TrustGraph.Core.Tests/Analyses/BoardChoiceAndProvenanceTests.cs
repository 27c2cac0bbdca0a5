using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Guidance;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Analyses;

/// <summary>Which body is judged as the board, offices held once across bodies, and findings that own up to inferred rows.</summary>
public class BoardChoiceAndProvenanceTests
{
    private static GovernanceGraph Inferring(AuthorityStructure s, Func<AccountabilityLine, bool> line) =>
        GovernanceGraph.For(s with { Lines = s.Lines.Select(l => line(l) ? l with { Basis = Basis.Inferred, Note = "read from \"on behalf of\"" } : l).ToList() }).Single();

    [Fact]
    public void A_recorded_board_with_no_seats_gives_way_to_the_plan_holder_whose_membership_is_listed()
    {
        var graph = new TestStructure().Body("board", BodyKind.TrustBoard, "The Board").Body("group", BodyKind.Commissioning, "The Group")
            .Duty("group", "Prepare the CYPP").Partners("group", PartnerCategory.Police).Graph();

        var findings = MissingRelevantPartners.Find(graph, RelevantPartners.Statutory);

        Assert.All(findings, f => Assert.Equal("group", f.Subjects[0]));
        Assert.All(findings, f => Assert.StartsWith("(Judged as the Children's Trust Board: The Group (holds the Children and Young People's Plan; membership listed). "
            + "Another candidate (judge with --board): The Board (recorded as the board; no membership listed).)", f.Message));
    }

    [Fact]
    public void With_no_listed_candidate_the_recorded_board_cannot_be_assessed()
    {
        var graph = new TestStructure().Body("board", BodyKind.TrustBoard, "The Board").Body("group", name: "The Group").Duty("group", "Prepare the CYPP").Graph();

        var finding = Assert.Single(MissingRelevantPartners.Find(graph, RelevantPartners.Statutory));

        Assert.Equal("board", finding.Subjects[0]);
        Assert.Contains("Cannot assess relevant partners on The Board", finding.Message);
    }

    [Fact]
    public void A_duty_that_only_mentions_the_plan_does_not_make_a_candidate()
    {
        var graph = new TestStructure().Body("board", BodyKind.TrustBoard, "The Board").Partners("board", PartnerCategory.Police)
            .Body("theme", name: "Theme").Duty("theme", "Monitor partners against CYPP indicators").Partners("theme", PartnerCategory.Police).Graph();

        var choice = TrustBoard.Choose(graph);

        Assert.Equal(["board"], choice.Boards.Select(b => b.Id));
        Assert.Null(choice.Choice);
    }

    [Fact]
    public void The_Head_of_the_Childrens_Trust_is_one_office_whatever_the_small_words_and_with_no_agency()
    {
        var graph = new TestStructure().Body("ice", name: "Executive").Body("board", BodyKind.TrustBoard, "Board")
            .Seat("ice", null, SeatRole.InAttendance, post: "Head of Children's Trust")
            .Seat("board", null, SeatRole.InAttendance, post: "Head of the Children’s Trust")
            .Seat("ice", null, post: "VCS representative").Seat("board", null, post: "VCS representative").Graph();

        var finding = Assert.Single(DuplicatedMembership.Find(graph));

        Assert.Equal(["Head of Children's Trust", "ice", "board"], finding.Subjects);
        Assert.Equal(Severity.Info, finding.Severity);
        Assert.Contains("one office and so one person", finding.Message);
    }

    [Fact]
    public void A_gap_that_rests_on_an_inferred_line_says_so_and_lists_the_line()
    {
        var structure = new TestStructure().Body("lsp", BodyKind.Lsp, "The LSP").Body("board", BodyKind.TrustBoard, "The Board")
            .Body("group", name: "The Group").Line("group", "board", AccountabilityKind.Advises).Build();

        var graph = Inferring(structure, l => l.From == "group");
        var finding = Assert.Single(LspReportingGaps.Find(graph), f => f.Subjects[0] == "group");

        Assert.EndsWith("This rests on an inferred line: The Group advises The Board (read from \"on behalf of\").", finding.Message);
        Assert.Equal([new InferredRow("testshire/accountability.csv", null, "read from \"on behalf of\"")], finding.Inferred);
    }

    [Fact]
    public void A_finding_on_stated_rows_only_lists_nothing_inferred()
    {
        var graph = new TestStructure().Body("lsp", BodyKind.Lsp).Body("a").Graph();

        var finding = Assert.Single(LspReportingGaps.Find(graph));

        Assert.Empty(finding.Inferred);
        Assert.DoesNotContain("rests on", finding.Message);
    }

    [Fact]
    public void Several_inferred_seats_are_counted_named_and_their_notes_given_once()
    {
        Assert.Equal("This rests on 4 inferred seats: A, B, C and 1 more (invited, not listed).",
            RestsOn.Sentence([new("seat", "A", "invited, not listed"), new("seat", "B", "invited, not listed"), new("seat", "C", null), new("seat", "D", "invited, not listed")]));
    }
}
