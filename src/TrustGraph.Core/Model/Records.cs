namespace TrustGraph.Model;

/// <summary>Where a fact comes from: a document in <c>sources.csv</c> and, optionally, a place in it (<c>suffolk-ecg-2009#tor-7</c>).</summary>
public readonly record struct SourceRef(string SourceId, string? Locator)
{
    public static SourceRef Parse(string text)
    {
        var hash = text.IndexOf('#');
        return hash < 0 ? new SourceRef(text, null) : new SourceRef(text[..hash], text[(hash + 1)..]);
    }

    public override string ToString() => Locator is null ? SourceId : $"{SourceId}#{Locator}";
}

/// <summary>A source document: a terms of reference, an agenda, a guidance paper.</summary>
public sealed record Source(string Id, string Title, string? Publisher, string? Date);

/// <summary>A local authority area whose Children's Trust is described.</summary>
public sealed record Authority(string Id, string Name, string? OnsCode, AuthorityTier? Tier);

/// <summary>
/// One version of an authority's structure: the one in force, a proposal, or an option paper.
/// Judged against the law in force on <see cref="InForce"/> (the latest law when the papers give no date).
/// </summary>
public sealed record Arrangement(string Id, ArrangementStatus Status, PartialDate? InForce, SourceRef Source)
{
    /// <summary>A short caveat in our own words (what the date rests on, say).</summary>
    public string? Note { get; init; }
}

/// <summary>
/// A board, group or partnership. <see cref="Arrangement"/> is null when the body belongs to every arrangement of its
/// authority. <see cref="PartOf"/> is containment, not accountability: the body is one of the groups another body is
/// divided into (Worcestershire's CYPSP "is divided into" its advisory body and commissioning board).
/// </summary>
public sealed record Body(
    string Id, string Name, BodyKind Kind, OnionLayer Layer, string? Arrangement, int? MeetsPerYear, SourceRef Source) : IHasBasis
{
    public string? PartOf { get; init; }

    /// <summary>
    /// True when the sources list only some of the body's seats (a proposal that names the chair and a few members):
    /// a partner missing from a partial list cannot be judged absent.
    /// </summary>
    public bool MembershipPartial { get; init; }

    /// <summary>Whether the source states this row or only supports it; see <see cref="Model.Basis"/>.</summary>
    public Basis Basis { get; init; }

    /// <summary>A short caveat in our own words: what an inferred row rests on, or a qualification of a stated one.</summary>
    public string? Note { get; init; }
}

/// <summary>
/// A seat on a body. <see cref="Person"/> is null where the paper names only the post; vacant seats are kept,
/// because a vacancy is a finding, not an absence. <see cref="Voting"/> is null where the paper does not say.
/// </summary>
public sealed record Seat(
    string Body, string? Post, string? Person, string? Agency, PartnerCategory? PartnerCategory,
    SeatRole Role, bool? Voting, SeatStatus Status, SourceRef Source) : IHasBasis
{
    /// <summary>Whether the source states this row or only supports it; see <see cref="Model.Basis"/>.</summary>
    public Basis Basis { get; init; }

    /// <summary>A short caveat in our own words: what an inferred row rests on, or a qualification of a stated one.</summary>
    public string? Note { get; init; }

    public bool IsFilled => Status == SeatStatus.Filled;

    /// <summary>Chair, vice-chair, member or advisor: the seat belongs to the body rather than attending or serving it.</summary>
    public bool IsMembership => Role is SeatRole.Chair or SeatRole.ViceChair or SeatRole.Member or SeatRole.Advisor;

    /// <summary>How a reader would name the seat: the person, else the post.</summary>
    public string Label => Person ?? Post ?? "(unnamed seat)";
}

/// <summary>A line of accountability: <see cref="From"/> answers to, reports to, advises or observes <see cref="To"/>.</summary>
public sealed record AccountabilityLine(string From, string To, AccountabilityKind Kind, SourceRef Source) : IHasBasis
{
    /// <summary>Whether the source states this row or only supports it; see <see cref="Model.Basis"/>.</summary>
    public Basis Basis { get; init; }

    /// <summary>A short caveat in our own words: what an inferred row rests on, or a qualification of a stated one.</summary>
    public string? Note { get; init; }
}

/// <summary>Something a body must do, optionally tagged with the Every Child Matters outcome it serves.</summary>
public sealed record Duty(string Body, string Text, Outcome? Outcome, SourceRef Source) : IHasBasis
{
    /// <summary>Whether the source states this row or only supports it; see <see cref="Model.Basis"/>.</summary>
    public Basis Basis { get; init; }

    /// <summary>A short caveat in our own words: what an inferred row rests on, or a qualification of a stated one.</summary>
    public string? Note { get; init; }
}
