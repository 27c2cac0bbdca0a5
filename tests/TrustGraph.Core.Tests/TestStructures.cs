using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests;

/// <summary>Builds the smallest structure that shows a point: bodies, seats and lines in a few lines of a test.</summary>
internal sealed class TestStructure(string authority = "testshire", AuthorityTier? tier = AuthorityTier.Unitary, string? inForce = "2009-06-01")
{
    private static readonly SourceRef Src = new("paper", "p1");
    private readonly List<Body> _bodies = [];
    private readonly List<Seat> _seats = [];
    private readonly List<AccountabilityLine> _lines = [];
    private readonly List<Duty> _duties = [];

    public TestStructure Body(string id, BodyKind kind = BodyKind.Thematic, string? name = null, string? partOf = null, int? meets = null)
    {
        _bodies.Add(new Body(id, name ?? id.ToUpperInvariant(), kind, OnionLayer.Strategy, null, meets, Src) { PartOf = partOf });
        return this;
    }

    public TestStructure Seat(string body, string? person, SeatRole role = SeatRole.Member, PartnerCategory? category = null,
        SeatStatus status = SeatStatus.Filled, string? post = null)
    {
        _seats.Add(new Seat(body, post ?? (person is null ? "A post" : null), person, null, category, role, null, status, Src));
        return this;
    }

    /// <summary>A filled seat for each category, so a board covers them.</summary>
    public TestStructure Partners(string body, params PartnerCategory[] categories)
    {
        foreach (var c in categories) Seat(body, null, category: c, post: $"{c} rep");
        return this;
    }

    public TestStructure Line(string from, string to, AccountabilityKind kind = AccountabilityKind.AccountableTo)
    {
        _lines.Add(new AccountabilityLine(from, to, kind, Src));
        return this;
    }

    public TestStructure Duty(string body, string text)
    {
        _duties.Add(new Duty(body, text, null, Src));
        return this;
    }

    public AuthorityStructure Build()
    {
        var arrangements = inForce is null
            ? new List<Arrangement> { new("current", ArrangementStatus.Current, null, Src) }
            : [new Arrangement("current", ArrangementStatus.Current, PartialDate.TryParse(inForce, out var d) ? d : throw new ArgumentException(inForce), Src)];
        return new AuthorityStructure(new Authority(authority, "Testshire", null, tier), arrangements, _bodies, _seats, _lines, _duties);
    }

    public GovernanceGraph Graph() => GovernanceGraph.For(Build()).Single();
}
