using Bunit;
using TrustGraph.Diagrams;
using TrustGraph.Web.Components.Explorer;
using TrustGraph.Web.Tests.Infrastructure;

namespace TrustGraph.Web.Tests.Components;

public sealed class SeatSearchBoxTests : BunitContext
{
    [Fact]
    public void One_seat_on_one_body_is_said_in_the_singular()
    {
        var graph = TestData.Graph("worcestershire", "2009");
        var matches = SeatSearch.Find(graph, "Jim Baker");
        Assert.Single(matches);
        var cut = Render<SeatSearchBox>(p => p.Add(x => x.Query, "Jim Baker").Add(x => x.Matches, matches));
        Assert.Contains("1 seat on 1 body matches “Jim Baker”", cut.Find(".results").TextContent);
    }

    [Fact]
    public void Two_seats_on_two_bodies_are_said_in_the_plural()
    {
        var graph = TestData.Graph("worcestershire", "2009");
        var matches = SeatSearch.Find(graph, "Richard Keble");
        var cut = Render<SeatSearchBox>(p => p.Add(x => x.Query, "Richard Keble").Add(x => x.Matches, matches));
        Assert.Contains("2 seats on 2 bodies match “Richard Keble”", cut.Find(".results").TextContent);
    }
}
