using QuikGraph;
using TrustGraph.Model;

namespace TrustGraph.Graph;

/// <summary>An accountability line as a QuikGraph edge between body ids.</summary>
public sealed class LineEdge(AccountabilityLine line) : IEdge<string>
{
    public AccountabilityLine Line { get; } = line;
    public string Source => Line.From;
    public string Target => Line.To;
}

/// <summary>Every seat one person holds in an arrangement, under the name the papers first give.</summary>
public sealed record PersonSeats(string Key, string Name, IReadOnlyList<Seat> Seats)
{
    public IEnumerable<string> BodyIds => Seats.Select(s => s.Body).Distinct();
}

/// <summary>
/// One arrangement of one authority as a graph: bodies as vertices, accountability lines as edges
/// (all kinds in <see cref="Lines"/>, only the chain of accountability in <see cref="Chain"/>), with the seats,
/// people and duties on those bodies. The analyses read it; nothing changes it once built.
/// </summary>
public sealed class GovernanceGraph
{
    private readonly Dictionary<string, Body> _bodies;
    private ILookup<string, Seat>? _seatsByBody;
    private ILookup<string, Duty>? _dutiesByBody;

    private GovernanceGraph(AuthorityStructure structure, Arrangement? arrangement)
    {
        Structure = structure;
        Arrangement = arrangement;
        Bodies = structure.BodiesIn(arrangement?.Id).ToList();
        _bodies = Bodies.ToDictionary(b => b.Id);
        Seats = structure.Seats.Where(s => _bodies.ContainsKey(s.Body)).ToList();
        Duties = structure.Duties.Where(d => _bodies.ContainsKey(d.Body)).ToList();

        Lines = new BidirectionalGraph<string, LineEdge>(allowParallelEdges: true);
        Chain = new BidirectionalGraph<string, LineEdge>(allowParallelEdges: true);
        Lines.AddVertexRange(_bodies.Keys);
        Chain.AddVertexRange(_bodies.Keys);
        foreach (var line in structure.Lines.Where(l => _bodies.ContainsKey(l.From) && _bodies.ContainsKey(l.To)))
        {
            var edge = new LineEdge(line);
            Lines.AddEdge(edge);
            if (line.Kind.CarriesAccountability()) Chain.AddEdge(edge);
        }

        People = GroupByPerson(Seats);
    }

    public AuthorityStructure Structure { get; }
    public Authority Authority => Structure.Authority;

    /// <summary>
    /// The body a reader asked to judge as the Children's Trust Board (<c>--board</c>), to test another reading of the papers;
    /// null when the analyses choose the board themselves (see <c>TrustBoard.Choose</c>).
    /// </summary>
    public string? NamedBoard { get; private init; }

    /// <summary>The same arrangement with <paramref name="bodyId"/> judged as the board (this graph when null).</summary>
    public GovernanceGraph JudgingBoard(string? bodyId) =>
        bodyId is null || bodyId == NamedBoard ? this
        : Contains(bodyId) ? new GovernanceGraph(Structure, Arrangement) { NamedBoard = bodyId }
        : throw new ArgumentException($"'{bodyId}' is not a body of {Title}", nameof(bodyId));

    /// <summary>Null only for an authority whose papers describe no arrangement.</summary>
    public Arrangement? Arrangement { get; }

    public string? ArrangementId => Arrangement?.Id;
    public IReadOnlyList<Body> Bodies { get; }
    public IReadOnlyList<Seat> Seats { get; }
    public IReadOnlyList<Duty> Duties { get; }
    public IReadOnlyList<PersonSeats> People { get; }

    /// <summary>Every accountability line, of every kind.</summary>
    public BidirectionalGraph<string, LineEdge> Lines { get; }

    /// <summary>The chain of accountability: <c>accountable-to</c> and <c>reports-to</c> lines only.</summary>
    public BidirectionalGraph<string, LineEdge> Chain { get; }

    public Body Body(string id) => _bodies[id];
    public bool Contains(string bodyId) => _bodies.ContainsKey(bodyId);
    public IEnumerable<Seat> SeatsOn(string bodyId) => LazyInitializer.EnsureInitialized(ref _seatsByBody, () => Seats.ToLookup(s => s.Body))[bodyId];
    public IEnumerable<Duty> DutiesOf(string bodyId) => LazyInitializer.EnsureInitialized(ref _dutiesByBody, () => Duties.ToLookup(d => d.Body))[bodyId];

    /// <summary>The bodies this body is divided into (containment, from <c>part_of</c>).</summary>
    public IEnumerable<Body> PartsOf(string bodyId) => Bodies.Where(b => b.PartOf == bodyId);

    /// <summary>"Suffolk (2009)": how findings and pages name this view.</summary>
    public string Title => TitleOf(Authority.Name, Arrangement?.Id);

    public static string TitleOf(string authorityName, string? arrangementId) =>
        arrangementId is null ? authorityName : $"{authorityName} ({arrangementId})";

    /// <summary>Every named person's seats, people in the order their first seat appears, seats in file order.</summary>
    private static List<PersonSeats> GroupByPerson(IReadOnlyList<Seat> seats)
    {
        var byKey = new Dictionary<string, List<Seat>>();
        var people = new List<PersonSeats>();
        foreach (var seat in seats)
        {
            if (seat.Person is null) continue;
            var key = PersonName.Key(seat.Person);
            if (!byKey.TryGetValue(key, out var held))
            {
                byKey.Add(key, held = []);
                people.Add(new PersonSeats(key, seat.Person, held));
            }
            held.Add(seat);
        }
        return people;
    }

    /// <summary>One graph per arrangement of the authority (one graph when the papers describe none).</summary>
    public static IReadOnlyList<GovernanceGraph> For(AuthorityStructure structure) =>
        structure.Arrangements.Count == 0
            ? [new GovernanceGraph(structure, null)]
            : structure.Arrangements.Select(a => new GovernanceGraph(structure, a)).ToList();

    public static IReadOnlyList<GovernanceGraph> For(Dataset dataset) =>
        dataset.Authorities.SelectMany(For).ToList();
}
