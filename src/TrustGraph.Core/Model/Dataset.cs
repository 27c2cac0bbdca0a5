namespace TrustGraph.Model;

/// <summary>Everything the papers say about one authority's Children's Trust: its arrangements and the bodies, seats, lines and duties in them.</summary>
public sealed record AuthorityStructure(
    Authority Authority,
    IReadOnlyList<Arrangement> Arrangements,
    IReadOnlyList<Body> Bodies,
    IReadOnlyList<Seat> Seats,
    IReadOnlyList<AccountabilityLine> Lines,
    IReadOnlyList<Duty> Duties)
{
    public string Id => Authority.Id;

    /// <summary>The bodies of one arrangement: its own bodies and those shared by every arrangement.</summary>
    public IEnumerable<Body> BodiesIn(string? arrangement) =>
        Bodies.Where(b => b.Arrangement is null || arrangement is null || b.Arrangement == arrangement);
}

/// <summary>A loaded, valid dataset: the authorities and the source documents they cite.</summary>
public sealed record Dataset(IReadOnlyList<AuthorityStructure> Authorities, IReadOnlyList<Source> Sources)
{
    public AuthorityStructure? Find(string authorityId) => Authorities.FirstOrDefault(a => a.Id == authorityId);

    public Source? FindSource(string id) => Sources.FirstOrDefault(s => s.Id == id);
}
