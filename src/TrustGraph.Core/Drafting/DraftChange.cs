using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Drafting;

/// <summary>
/// The rows a draft owns: its arrangement, its own bodies, the seats and duties on them, and every line with at least
/// one end on them. Bodies shared by every arrangement (the LSP, a council cabinet) are not the draft's: a line may end
/// on one, but editing one would change every arrangement.
/// </summary>
public sealed record DraftRows(
    Arrangement Arrangement, IReadOnlyList<Body> Bodies, IReadOnlyList<Seat> Seats, IReadOnlyList<AccountabilityLine> Lines, IReadOnlyList<Duty> Duties)
{
    public static DraftRows Of(AuthorityStructure structure, string arrangementId)
    {
        var arrangement = structure.Arrangements.Single(a => a.Id == arrangementId);
        var bodies = structure.Bodies.Where(b => b.Arrangement == arrangementId).ToList();
        var ids = bodies.Select(b => b.Id).ToHashSet();
        return new DraftRows(arrangement, bodies,
            structure.Seats.Where(s => ids.Contains(s.Body)).ToList(),
            structure.Lines.Where(l => ids.Contains(l.From) || ids.Contains(l.To)).ToList(),
            structure.Duties.Where(d => ids.Contains(d.Body)).ToList());
    }

    public bool Owns(string bodyId) => Bodies.Any(b => b.Id == bodyId);

    /// <summary>The in_force date as a person typed it, written as typed so that the loader judges it; null keeps <see cref="Arrangement"/>'s.</summary>
    public string? InForceText { get; init; }

    /// <summary>True once <see cref="InForceText"/> was set, even to blank (a date removed).</summary>
    public bool InForceTyped { get; init; }
}

/// <summary>A problem with a change, beside the form field it concerns (<c>name</c>, <c>post</c>, <c>in_force</c>: the file's column names).</summary>
public sealed record DraftProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}

/// <summary>What a change may look at: the authority as loaded, the draft's rows, and the source new rows cite.</summary>
public sealed record DraftContext(AuthorityStructure Structure, DraftRows Rows, SourceRef DraftSource)
{
    /// <summary>A body id not yet used in the authority, made from <paramref name="name"/>.</summary>
    public string NewBodyId(string name)
    {
        var used = Structure.Bodies.Select(b => b.Id).ToHashSet();
        var stem = Slug.From(name);
        if (!used.Contains(stem)) return stem;
        var withDraft = $"{stem}-{Rows.Arrangement.Id}";
        if (!used.Contains(withDraft)) return withDraft;
        for (var n = 2; ; n++)
            if (!used.Contains($"{withDraft}-{n}")) return $"{withDraft}-{n}";
    }
}

/// <summary>
/// One change to a draft, as a person makes it in the viewer. Each is saved as one commit with its own snapshot, so
/// undo takes back one change. <see cref="Apply"/> returns the draft's rows after the change, or the problems that
/// stop it; the loader's rules are then checked on the files it would write.
/// </summary>
public abstract record DraftChange
{
    /// <summary>What the change does, in words for the history list ("seat Probation on Children's Trust Board").</summary>
    public abstract string Describe(DraftContext context);

    public abstract (DraftRows? Rows, IReadOnlyList<DraftProblem> Problems) Apply(DraftContext context);

    /// <summary>True when the change only takes rows away: the files are then written referencing-first, so a crash between them leaves a valid dataset.</summary>
    public virtual bool Removes => false;

    protected static (DraftRows?, IReadOnlyList<DraftProblem>) Refuse(string field, string message) => (null, [new DraftProblem(field, message)]);

    protected static (DraftRows?, IReadOnlyList<DraftProblem>) Done(DraftRows rows) => (rows, []);

    protected static string NameOf(DraftContext c, string bodyId) => c.Structure.Bodies.FirstOrDefault(b => b.Id == bodyId)?.Name ?? bodyId;

    protected static (DraftRows?, IReadOnlyList<DraftProblem>)? NotOwned(DraftContext c, string bodyId, string field = "body") =>
        c.Rows.Owns(bodyId) ? null
        : c.Structure.Bodies.Any(b => b.Id == bodyId)
            ? Refuse(field, $"'{NameOf(c, bodyId)}' belongs to every arrangement of {c.Structure.Authority.Name} (or to another one), so the draft cannot change it; expected a body of this draft")
            : Refuse(field, $"body '{bodyId}' is not in the draft; expected the id of one of its bodies");
}

/// <summary>Adds a body to the draft, with its kind and layer; it cites the draft.</summary>
public sealed record AddBody(string Name, BodyKind Kind, OnionLayer Layer, int? MeetsPerYear = null, Basis Basis = Basis.Stated, string? Note = null) : DraftChange
{
    public override string Describe(DraftContext context) => $"add {Name.Trim()}";

    public override (DraftRows?, IReadOnlyList<DraftProblem>) Apply(DraftContext c)
    {
        var body = new Body(c.NewBodyId(Name), Name.Trim(), Kind, Layer, c.Rows.Arrangement.Id, MeetsPerYear, c.DraftSource) { Basis = Basis, Note = Blank(Note) };
        return Done(c.Rows with { Bodies = [.. c.Rows.Bodies, body] });
    }

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Renames, re-kinds or moves a body of the draft to another layer; its id stays, so its seats and lines stay with it.</summary>
public sealed record EditBody(string Id, string Name, BodyKind Kind, OnionLayer Layer, int? MeetsPerYear, bool MembershipPartial, Basis Basis = Basis.Stated, string? Note = null) : DraftChange
{
    public override string Describe(DraftContext c)
    {
        var before = c.Rows.Bodies.FirstOrDefault(b => b.Id == Id);
        if (before is null) return $"change {Id}";
        var what = new List<string>();
        if (before.Name != Name.Trim()) what.Add($"rename {before.Name} to {Name.Trim()}");
        if (before.Kind != Kind) what.Add($"make {before.Name} {Kind.ToWord()}");
        if (before.Layer != Layer) what.Add($"move {before.Name} to the {Layer.ToWord()} layer");
        if (before.MembershipPartial != MembershipPartial) what.Add($"mark {before.Name}'s membership {(MembershipPartial ? "partial" : "full")}");
        if (before.MeetsPerYear != MeetsPerYear) what.Add($"{before.Name} meets {MeetsPerYear?.ToString() ?? "(not stated)"} times a year");
        if (before.Basis != Basis) what.Add($"mark {before.Name} {Basis.ToWord()}");
        return what.Count == 0 ? $"edit {before.Name}" : string.Join("; ", what);
    }

    public override (DraftRows?, IReadOnlyList<DraftProblem>) Apply(DraftContext c)
    {
        if (NotOwned(c, Id) is { } refused) return refused;
        var bodies = c.Rows.Bodies.Select(b => b.Id != Id ? b : b with
        {
            Name = Name.Trim(), Kind = Kind, Layer = Layer, MeetsPerYear = MeetsPerYear, MembershipPartial = MembershipPartial,
            Basis = Basis, Note = AddBody.Blank(Note), Source = c.DraftSource,
        }).ToList();
        return Done(c.Rows with { Bodies = bodies });
    }
}

/// <summary>Removes a body of the draft with its seats, duties and lines; bodies that were part of it stand alone.</summary>
public sealed record RemoveBody(string Id) : DraftChange
{
    public override bool Removes => true;

    public override string Describe(DraftContext c) => $"remove {NameOf(c, Id)}";

    public override (DraftRows?, IReadOnlyList<DraftProblem>) Apply(DraftContext c)
    {
        if (NotOwned(c, Id) is { } refused) return refused;
        return Done(c.Rows with
        {
            Bodies = c.Rows.Bodies.Where(b => b.Id != Id).Select(b => b.PartOf == Id ? b with { PartOf = null } : b).ToList(),
            Seats = c.Rows.Seats.Where(s => s.Body != Id).ToList(),
            Duties = c.Rows.Duties.Where(d => d.Body != Id).ToList(),
            Lines = c.Rows.Lines.Where(l => l.From != Id && l.To != Id).ToList(),
        });
    }
}

/// <summary>Draws a line from one body to another; at least one end must be the draft's own.</summary>
public sealed record AddLine(string From, string To, AccountabilityKind Kind, Basis Basis = Basis.Stated, string? Note = null) : DraftChange
{
    public override string Describe(DraftContext c) => $"{NameOf(c, From)} {Kind.ToWord()} {NameOf(c, To)}";

    public override (DraftRows?, IReadOnlyList<DraftProblem>) Apply(DraftContext c)
    {
        var ids = c.Structure.BodiesIn(c.Rows.Arrangement.Id).Select(b => b.Id).ToHashSet();
        if (!ids.Contains(From)) return Refuse("from", $"body '{From}' is not in this draft; expected one of its bodies or one shared by every arrangement");
        if (!ids.Contains(To)) return Refuse("to", $"body '{To}' is not in this draft; expected one of its bodies or one shared by every arrangement");
        if (From == To) return Refuse("to", $"a line from {NameOf(c, From)} to itself says nothing; expected another body");
        if (!c.Rows.Owns(From) && !c.Rows.Owns(To))
            return Refuse("from", $"{NameOf(c, From)} and {NameOf(c, To)} both belong to every arrangement, so a line between them would change every arrangement; expected a line from or to a body of this draft");
        if (c.Rows.Lines.Any(l => l.From == From && l.To == To && l.Kind == Kind))
            return Refuse("to", $"{NameOf(c, From)} already {Kind.ToWord()} {NameOf(c, To)}");
        var line = new AccountabilityLine(From, To, Kind, c.DraftSource) { Basis = Basis, Note = AddBody.Blank(Note) };
        return Done(c.Rows with { Lines = [.. c.Rows.Lines, line] });
    }
}

/// <summary>Deletes one line of the draft.</summary>
public sealed record RemoveLine(string From, string To, AccountabilityKind Kind) : DraftChange
{
    public override bool Removes => true;

    public override string Describe(DraftContext c) => $"remove the line {NameOf(c, From)} {Kind.ToWord()} {NameOf(c, To)}";

    public override (DraftRows?, IReadOnlyList<DraftProblem>) Apply(DraftContext c)
    {
        var index = c.Rows.Lines.ToList().FindIndex(l => l.From == From && l.To == To && l.Kind == Kind);
        if (index < 0) return Refuse("line", $"the draft has no line {NameOf(c, From)} {Kind.ToWord()} {NameOf(c, To)}");
        var lines = c.Rows.Lines.ToList();
        lines.RemoveAt(index);
        return Done(c.Rows with { Lines = lines });
    }
}

/// <summary>What a person types for a seat; the source is always the draft's, since the draft, not a paper, now says it.</summary>
public sealed record SeatFields(
    string Body, string? Post, string? Person, string? Agency, PartnerCategory? Category, SeatRole Role, bool? Voting,
    SeatStatus Status = SeatStatus.Filled, Basis Basis = Basis.Stated, string? Note = null)
{
    public Seat ToSeat(SourceRef source) =>
        new(Body, AddBody.Blank(Post), Status == SeatStatus.Vacant ? null : AddBody.Blank(Person), AddBody.Blank(Agency), Category, Role, Voting, Status, source)
        { Basis = Basis, Note = AddBody.Blank(Note) };

    public static SeatFields Of(Seat s) => new(s.Body, s.Post, s.Person, s.Agency, s.PartnerCategory, s.Role, s.Voting, s.Status, s.Basis, s.Note);
}

/// <summary>Adds a seat to a body of the draft.</summary>
public sealed record AddSeat(SeatFields Fields) : DraftChange
{
    public override string Describe(DraftContext c) =>
        $"seat {Fields.Category?.ToWord() ?? "a member"} ({AddBody.Blank(Fields.Person) ?? AddBody.Blank(Fields.Post) ?? "unnamed"}) on {NameOf(c, Fields.Body)}";

    public override (DraftRows?, IReadOnlyList<DraftProblem>) Apply(DraftContext c)
    {
        if (NotOwned(c, Fields.Body) is { } refused) return refused;
        return Done(c.Rows with { Seats = [.. c.Rows.Seats, Fields.ToSeat(c.DraftSource)] });
    }
}

/// <summary>Changes the seat at <see cref="Index"/> of the draft's seats (in file order), on the same or another of its bodies.</summary>
public sealed record EditSeat(int Index, SeatFields Fields) : DraftChange
{
    public override string Describe(DraftContext c) =>
        Index >= 0 && Index < c.Rows.Seats.Count ? $"edit the seat {c.Rows.Seats[Index].Label} on {NameOf(c, c.Rows.Seats[Index].Body)}" : "edit a seat";

    public override (DraftRows?, IReadOnlyList<DraftProblem>) Apply(DraftContext c)
    {
        if (Index < 0 || Index >= c.Rows.Seats.Count) return Refuse("seat", $"the draft has no seat {Index + 1}; it has {c.Rows.Seats.Count}");
        if (NotOwned(c, Fields.Body) is { } refused) return refused;
        var seats = c.Rows.Seats.ToList();
        seats[Index] = Fields.ToSeat(c.DraftSource);
        return Done(c.Rows with { Seats = seats });
    }
}

/// <summary>Marks a seat vacant: the post stays (a vacancy is a finding, not an absence), the person goes.</summary>
public sealed record VacateSeat(int Index) : DraftChange
{
    public override string Describe(DraftContext c) =>
        Index >= 0 && Index < c.Rows.Seats.Count ? $"vacate the seat {c.Rows.Seats[Index].Label} on {NameOf(c, c.Rows.Seats[Index].Body)}" : "vacate a seat";

    public override (DraftRows?, IReadOnlyList<DraftProblem>) Apply(DraftContext c)
    {
        if (Index < 0 || Index >= c.Rows.Seats.Count) return Refuse("seat", $"the draft has no seat {Index + 1}; it has {c.Rows.Seats.Count}");
        var seats = c.Rows.Seats.ToList();
        var seat = seats[Index];
        if (seat.Post is null)
            return Refuse("post", $"the seat names only a person ({seat.Person}), so vacating it would leave nothing to say which seat is vacant; expected a post: edit the seat to give it one first");
        seats[Index] = seat with { Person = null, Status = SeatStatus.Vacant, Source = c.DraftSource };
        return Done(c.Rows with { Seats = seats });
    }
}

/// <summary>Takes a seat off its body.</summary>
public sealed record RemoveSeat(int Index) : DraftChange
{
    public override bool Removes => true;

    public override string Describe(DraftContext c) =>
        Index >= 0 && Index < c.Rows.Seats.Count ? $"remove the seat {c.Rows.Seats[Index].Label} from {NameOf(c, c.Rows.Seats[Index].Body)}" : "remove a seat";

    public override (DraftRows?, IReadOnlyList<DraftProblem>) Apply(DraftContext c)
    {
        if (Index < 0 || Index >= c.Rows.Seats.Count) return Refuse("seat", $"the draft has no seat {Index + 1}; it has {c.Rows.Seats.Count}");
        var seats = c.Rows.Seats.ToList();
        seats.RemoveAt(Index);
        return Done(c.Rows with { Seats = seats });
    }
}

/// <summary>Changes the draft's status (option or proposed) and the date it would take effect, which sets the law it is judged by.</summary>
public sealed record EditDetails(ArrangementStatus Status, string? InForce) : DraftChange
{
    public override string Describe(DraftContext c) =>
        $"make it {Status.ToWord()}, in force {AddBody.Blank(InForce) ?? "(date not set)"}";

    public override (DraftRows?, IReadOnlyList<DraftProblem>) Apply(DraftContext c)
    {
        if (Status == ArrangementStatus.Current) return Refuse("status", "a draft is an option or a proposal until it is adopted; expected option or proposed");
        // The date is checked by the loader, on the file the change would write (DraftFiles writes the text as typed).
        return Done(c.Rows with { Arrangement = c.Rows.Arrangement with { Status = Status }, InForceText = AddBody.Blank(InForce), InForceTyped = true });
    }
}
