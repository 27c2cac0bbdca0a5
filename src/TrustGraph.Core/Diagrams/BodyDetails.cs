using TrustGraph.Analyses;
using TrustGraph.Graph;
using TrustGraph.Model;

namespace TrustGraph.Diagrams;

/// <summary>A seat on the body, the source it comes from (a number in <see cref="BodyDetails.Sources"/>) and the other bodies its holder sits on.</summary>
public sealed record MemberLine(Seat Seat, int Source, IReadOnlyList<Body> AlsoOn);

public sealed record DutyLine(Duty Duty, int Source);

/// <summary>A line to (<see cref="Upward"/>) or from another body.</summary>
public sealed record Connection(AccountabilityKind Kind, bool Upward, Body Other, int Source)
{
    /// <summary>The line itself, for its provenance (an inferred line is marked, with its note).</summary>
    public AccountabilityLine? Line { get; init; }
}

/// <summary>A source document cited for this body, numbered as the panel footnotes it, with what it is cited for.</summary>
public sealed record SourceNote(int Number, SourceRef Ref, string Title, string? Publisher, string? Date, IReadOnlyList<string> Facts);

/// <summary>
/// Everything the side panel says about one body: its seats (vacant ones kept, in role order), duties with their outcomes,
/// the lines to and from it, every source those facts come from with the document's title, and the findings that concern it.
/// </summary>
public sealed record BodyDetails(
    Body Body,
    int Source,
    Body? PartOf,
    IReadOnlyList<Body> Parts,
    IReadOnlyList<MemberLine> Members,
    IReadOnlyList<DutyLine> Duties,
    IReadOnlyList<Connection> Connections,
    IReadOnlyList<SourceNote> Sources,
    IReadOnlyList<Finding> Findings)
{
    public int VacantSeats => Members.Count(m => m.Seat.Status == SeatStatus.Vacant);

    public static BodyDetails? For(GovernanceGraph graph, IReadOnlyList<Finding> findings, IReadOnlyList<Source> sources, string bodyId)
    {
        if (!graph.Contains(bodyId)) return null;
        var body = graph.Body(bodyId);
        var notes = new List<(SourceRef Ref, List<string> Facts)>();
        int Cite(SourceRef r, string fact)
        {
            var i = notes.FindIndex(n => n.Ref == r);
            if (i < 0)
            {
                notes.Add((r, [fact]));
                return notes.Count;
            }
            if (!notes[i].Facts.Contains(fact)) notes[i].Facts.Add(fact);
            return i + 1;
        }

        var bodySource = Cite(body.Source, "the body");
        var peopleByKey = graph.People.ToDictionary(p => p.Key);
        var members = graph.SeatsOn(bodyId)
            .OrderBy(s => s.Role)
            .Select(s => new MemberLine(s, Cite(s.Source, "seats"),
                s.Person is null ? [] : peopleByKey[PersonName.Key(s.Person)].BodyIds.Where(id => id != bodyId).Select(graph.Body).ToList()))
            .ToList();
        var duties = graph.DutiesOf(bodyId).Select(d => new DutyLine(d, Cite(d.Source, "duties"))).ToList();
        var connections = graph.Lines.OutEdges(bodyId).Select(e => new Connection(e.Line.Kind, true, graph.Body(e.Target), Cite(e.Line.Source, "lines")) { Line = e.Line })
            .Concat(graph.Lines.InEdges(bodyId).Where(e => e.Source != bodyId)
                .Select(e => new Connection(e.Line.Kind, false, graph.Body(e.Source), Cite(e.Line.Source, "lines")) { Line = e.Line }))
            .ToList();
        var sourceNotes = notes.Select((n, i) =>
        {
            var doc = sources.FirstOrDefault(s => s.Id == n.Ref.SourceId);
            return new SourceNote(i + 1, n.Ref, doc?.Title ?? $"{n.Ref.SourceId} (not in sources.csv)", doc?.Publisher, doc?.Date, n.Facts);
        }).ToList();
        var concerning = findings
            .Where(f => f.Authority == graph.Authority.Id && f.Arrangement == graph.ArrangementId && f.Bodies.Contains(bodyId))
            .OrderByDescending(f => f.Severity)
            .ToList();
        var partOf = body.PartOf is not null && graph.Contains(body.PartOf) ? graph.Body(body.PartOf) : null;
        return new BodyDetails(body, bodySource, partOf, graph.PartsOf(bodyId).ToList(), members, duties, connections, sourceNotes, concerning);
    }
}
