using Bunit;
using TrustGraph.Analyses;
using TrustGraph.Diagrams;
using TrustGraph.Web.Components.Explorer;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Components;

public sealed class BodyPanelTests : BunitContext
{
    private IRenderedComponent<BodyPanel> RenderFor(string authority, string? arrangement, string body)
    {
        var graph = TestData.Graph(authority, arrangement);
        var details = BodyDetails.For(graph, Analysis.Run(graph), TestData.Real.Sources, body);
        return Render<BodyPanel>(p => p.Add(x => x.Details, details));
    }

    [Fact]
    public void Members_are_listed_with_post_person_agency_role_and_voting_and_a_vacant_seat_shows_as_vacant()
    {
        var cut = RenderFor("worcestershire", "2009", "pab");
        var rows = cut.FindAll("table.members tbody tr");
        var seats = TestData.Graph("worcestershire", "2009").SeatsOn("pab").ToList();
        Assert.Equal(seats.Count, rows.Count);
        Assert.Contains(rows, r => r.TextContent.Contains("Jim Baker") && r.TextContent.Contains("West Mercia Constabulary") && r.TextContent.Contains("Member"));
        var vacant = cut.FindAll("table.members tbody tr.vacant");
        Assert.Equal(seats.Count(s => s.Status == TrustGraph.Model.SeatStatus.Vacant), vacant.Count);
        Assert.All(vacant, r => Assert.Contains("Vacant", r.QuerySelector(".vacant-tag")!.TextContent));
        Assert.Contains("Secondary school heads representative", vacant[0].TextContent);
    }

    [Fact]
    public void People_who_sit_elsewhere_are_marked_and_the_findings_and_sources_are_shown()
    {
        var cut = RenderFor("worcestershire", "2009", "pab");
        var keble = cut.FindAll("table.members tbody tr").Single(r => r.TextContent.Contains("Richard Keble"));
        Assert.Contains("also on 1 other", keble.TextContent);
        Assert.Contains("Richard Keble sits on 2 bodies", cut.Find("ul.findings").TextContent);
        Assert.Contains("Children's Trust Arrangements, Edition 4", cut.Find("ol.sources").TextContent);
    }

    [Fact]
    public void Duties_show_their_outcome_and_meeting_frequency_is_stated_or_said_to_be_missing()
    {
        var cut = RenderFor("worcestershire", "proposed-2010", "trust-board-2010");
        Assert.Contains("4 times a year", cut.Find("dl.facts").TextContent);
        var other = RenderFor("worcestershire", "2009", "cypsp");
        Assert.Contains("Not stated in the sources", other.Find("dl.facts").TextContent);
        Assert.Contains("All five outcomes", other.Find("ul.duties").TextContent);
    }

    [Fact]
    public void Choosing_a_linked_body_raises_its_id()
    {
        var graph = TestData.Graph("worcestershire", "2009");
        string? chosen = null;
        var cut = Render<BodyPanel>(p => p
            .Add(x => x.Details, BodyDetails.For(graph, [], TestData.Real.Sources, "pab"))
            .Add(x => x.OnSelectBody, id => chosen = id));
        cut.FindAll("button.link").First(b => b.TextContent.Contains("Strategic Partnership")).Click();
        Assert.Equal("cypsp", chosen);
    }

    [Fact]
    public void With_nothing_selected_the_panel_says_how_to_choose_a_body()
    {
        var cut = Render<BodyPanel>();
        Assert.Contains("Select a body", cut.Find("h2").TextContent);
    }

    [Fact]
    public void Inferred_seats_are_marked_with_what_they_rest_on()
    {
        var cut = RenderFor("suffolk", "2009", "ecg");

        var mutum = cut.FindAll("table.members tbody tr").Single(r => r.TextContent.Contains("Tim Mutum"));
        Assert.Equal("inferred", mutum.QuerySelector(".inferred-tag")!.TextContent);
        Assert.Contains("paired with the name by list order", mutum.QuerySelector(".provenance .note")!.TextContent);
        Assert.Equal(16, cut.FindAll("table.members tbody tr .inferred-tag").Count);
    }

    [Fact]
    public void Inferred_lines_are_marked_and_stated_lines_are_not()
    {
        var cut = RenderFor("suffolk", "2009", "ctpb");

        var lines = cut.FindAll("ul.lines li");
        var toSsp = lines.Single(l => l.TextContent.Contains("Suffolk Strategic Partnership"));
        Assert.Contains("nine Delivery Partnerships", toSsp.QuerySelector(".provenance.inferred")!.TextContent);
        var fromEcg = lines.Single(l => l.TextContent.Contains("Executive Commissioning Group"));
        Assert.Null(fromEcg.QuerySelector(".inferred-tag"));
    }

    [Fact]
    public void An_inferred_body_and_a_stated_note_are_shown_under_the_heading()
    {
        var cypp = RenderFor("anyplace", "lag-sample", "cypp");
        Assert.Contains("taken as the area's Children's Trust partnership", cypp.Find("h2 + .provenance.inferred").TextContent);

        var board = RenderFor("suffolk", "2009", "ctpb");
        Assert.Contains("about 4 meetings a year", board.Find("h2 + .provenance.note").TextContent);
    }
}
