using TrustGraph.Graph;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Web.Tests.Infrastructure;

/// <summary>The repository's real dataset, and small or large datasets written to a temporary folder with the real writer.</summary>
public static class TestData
{
    public static string RealPath { get; } = Repository.Data;

    public static Dataset Real { get; } = DatasetLoader.Load(RealPath).Dataset
        ?? throw new InvalidOperationException($"the repository dataset at {RealPath} does not load");

    public static GovernanceGraph Graph(string authority, string? arrangement) =>
        GovernanceGraph.For(Real.Find(authority)!).Single(g => g.ArrangementId == arrangement);

    public const string HostileBody = "<script>window.__pwned=1</script> \"Board\" </svg> & 'co'";
    public const string HostilePerson = "Eve </svg><img src=x onerror=\"window.__pwned=2\">";

    /// <summary>An authority whose names are markup: a viewer that renders them as anything but text is broken.</summary>
    public static string WriteHostile()
    {
        var source = new SourceRef("src", "p1");
        var structure = new AuthorityStructure(
            new Authority("evil", "Evil <b>Borough</b>", null, AuthorityTier.Unitary),
            [new Arrangement("2009", ArrangementStatus.Current, new PartialDate(2009, 6, null), source)],
            [
                new Body("lsp", "Evil LSP </text></g>", BodyKind.Lsp, OnionLayer.Outside, null, null, source),
                new Body("board", HostileBody, BodyKind.TrustBoard, OnionLayer.Governance, "2009", 4, source),
                new Body("group", "Group ]]> <!-- x -->", BodyKind.Thematic, OnionLayer.Strategy, "2009", null, source),
            ],
            [
                new Seat("board", "Chair <i>post</i>", HostilePerson, "Agency \"A\"", PartnerCategory.LocalAuthority, SeatRole.Chair, true, SeatStatus.Filled, source),
                new Seat("group", "Member", HostilePerson, null, PartnerCategory.Police, SeatRole.Member, null, SeatStatus.Filled, source),
                new Seat("board", "Police seat", null, null, PartnerCategory.Police, SeatRole.Member, null, SeatStatus.Vacant, source),
            ],
            [
                new AccountabilityLine("board", "lsp", AccountabilityKind.AccountableTo, source),
                new AccountabilityLine("group", "board", AccountabilityKind.ReportsTo, source),
            ],
            [new Duty("board", "Own the <plan> & \"all\"", Outcome.All, source)]);
        return Write(new Dataset([structure], [new Source("src", "Title <i>with markup</i>", "Pub & co", "2009")]));
    }

    /// <summary>An authority whose three groups answer to each other in a ring, besides a board that answers to the LSP.</summary>
    public static string WriteCycle()
    {
        var source = new SourceRef("src", null);
        var structure = new AuthorityStructure(
            new Authority("loop", "Loopshire", null, AuthorityTier.Unitary), [],
            [
                new Body("lsp", "Loopshire Partnership", BodyKind.Lsp, OnionLayer.Outside, null, null, source),
                new Body("board", "Loopshire Children's Trust Board", BodyKind.TrustBoard, OnionLayer.Governance, null, 6, source),
                new Body("a", "Group A", BodyKind.Thematic, OnionLayer.Strategy, null, null, source),
                new Body("b", "Group B", BodyKind.Thematic, OnionLayer.Strategy, null, null, source),
                new Body("c", "Group C", BodyKind.Thematic, OnionLayer.Processes, null, null, source),
            ],
            [new Seat("board", "Director", "Dana Smith", "Council", PartnerCategory.LocalAuthority, SeatRole.Chair, true, SeatStatus.Filled, source)],
            [
                new AccountabilityLine("board", "lsp", AccountabilityKind.AccountableTo, source),
                new AccountabilityLine("a", "b", AccountabilityKind.AccountableTo, source),
                new AccountabilityLine("b", "c", AccountabilityKind.ReportsTo, source),
                new AccountabilityLine("c", "a", AccountabilityKind.AccountableTo, source),
                new AccountabilityLine("a", "board", AccountabilityKind.Advises, source),
            ],
            []);
        return Write(new Dataset([structure], [new Source("src", "Loopshire papers", null, null)]));
    }

    /// <summary>
    /// A large authority for measuring: an LSP, a board, thematic groups, sub-groups and localities under them, 200+ bodies,
    /// with reporting lines, a few advisory and observing lines and people on several bodies.
    /// </summary>
    public static string WriteLarge(int bodies = 220)
    {
        var source = new SourceRef("src", null);
        var list = new List<Body>
        {
            new("lsp", "Large Area Partnership", BodyKind.Lsp, OnionLayer.Outside, null, null, source),
            new("board", "Large Area Children's Trust Board", BodyKind.TrustBoard, OnionLayer.Governance, null, 6, source),
            new("cabinet", "Council Cabinet", BodyKind.AgencyGovernance, OnionLayer.Outside, null, null, source),
        };
        var lines = new List<AccountabilityLine> { new("board", "lsp", AccountabilityKind.AccountableTo, source) };
        var seats = new List<Seat>();
        var themes = 8;
        for (var t = 0; t < themes; t++)
        {
            list.Add(new Body($"theme-{t}", $"Thematic partnership {t + 1} for children and young people", BodyKind.Thematic, OnionLayer.Strategy, null, 4, source));
            lines.Add(new AccountabilityLine($"theme-{t}", "board", AccountabilityKind.AccountableTo, source));
        }
        var i = 0;
        while (list.Count < bodies)
        {
            var theme = i % themes;
            var id = $"group-{i}";
            var kind = i % 3 == 0 ? BodyKind.Locality : BodyKind.SubGroup;
            list.Add(new Body(id, $"{(kind == BodyKind.Locality ? "Locality" : "Sub-group")} {i + 1}: services in area {i % 17 + 1}", kind,
                kind == BodyKind.Locality ? OnionLayer.Delivery : OnionLayer.Processes, null, null, source));
            var parent = i < 40 ? $"theme-{theme}" : $"group-{i % 40}";
            lines.Add(new AccountabilityLine(id, parent, i % 4 == 0 ? AccountabilityKind.ReportsTo : AccountabilityKind.AccountableTo, source));
            if (i % 25 == 0) lines.Add(new AccountabilityLine(id, "cabinet", AccountabilityKind.Observes, source));
            seats.Add(new Seat(id, "Chair", $"Person {i % 60}", "Council", PartnerCategory.LocalAuthority, SeatRole.Chair, true, SeatStatus.Filled, source));
            i++;
        }
        seats.Add(new Seat("board", "Director of Children's Services", "Person 1", "Council", PartnerCategory.LocalAuthority, SeatRole.Chair, true, SeatStatus.Filled, source));
        var structure = new AuthorityStructure(new Authority("large", "Large Area", null, AuthorityTier.Unitary), [], list, seats, lines,
            [new Duty("board", "Own the Children and Young People's Plan", Outcome.All, source)]);
        return Write(new Dataset([structure], [new Source("src", "Synthetic structure for measuring", null, null)]));
    }

    /// <summary>A copy of a dataset folder (the repository's data/ by default) in a new temporary folder, for tests that write.</summary>
    public static string CopyOf(string? source = null)
    {
        var from = source ?? RealPath;
        var dir = Path.Combine(Path.GetTempPath(), "trustgraph-web-tests", Guid.NewGuid().ToString("N"));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith(".history", StringComparison.Ordinal)) continue;
            var target = Path.Combine(dir, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return dir;
    }

    /// <summary>Every file of a dataset folder (outside .history) with its bytes, to show that a rejected action changed nothing.</summary>
    public static Dictionary<string, string> Fingerprint(string dir) =>
        Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(dir, f).StartsWith(".history", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));

    private static string Write(Dataset dataset)
    {
        var dir = Path.Combine(Path.GetTempPath(), "trustgraph-web-tests", Guid.NewGuid().ToString("N"));
        DatasetWriter.Write(dataset, dir);
        var check = DatasetLoader.Load(dir);
        if (!check.IsValid) throw new InvalidOperationException("test dataset invalid: " + string.Join("; ", check.Errors));
        return dir;
    }
}
