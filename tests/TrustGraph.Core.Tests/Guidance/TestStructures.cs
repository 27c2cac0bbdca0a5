using TrustGraph.Graph;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Guidance;

/// <summary>Small hand-built structures for the guidance checks, and the real dataset shipped in data/.</summary>
internal sealed class StructureBuilder(string authority = "testshire", AuthorityTier? tier = AuthorityTier.Unitary, string? inForce = "2010-06")
{
    private readonly List<Body> _bodies = [];
    private readonly List<Seat> _seats = [];
    private readonly List<AccountabilityLine> _lines = [];
    private readonly List<Duty> _duties = [];
    private static readonly SourceRef Src = new("test-paper", "p1");

    public StructureBuilder Body(string id, BodyKind kind, int? meets = null, string? name = null, string? partOf = null)
    {
        _bodies.Add(new Body(id, name ?? id, kind, OnionLayer.Governance, null, meets, Src) { PartOf = partOf });
        return this;
    }

    public StructureBuilder Seat(string body, PartnerCategory? category, SeatRole role = SeatRole.Member, string? post = null,
        string? person = null, string? agency = null, SeatStatus status = SeatStatus.Filled)
    {
        _seats.Add(new Seat(body, post ?? category?.ToWord() ?? "post", person, agency, category, role, null, status, Src));
        return this;
    }

    /// <summary>A filled seat for every relevant partner in force from 1 April 2010 that applies to a unitary area.</summary>
    public StructureBuilder AllPartners(string body)
    {
        foreach (var c in new[] { PartnerCategory.Police, PartnerCategory.Probation, PartnerCategory.YouthOffending, PartnerCategory.StrategicHealthAuthority,
                     PartnerCategory.Pct, PartnerCategory.Connexions, PartnerCategory.MaintainedSchool, PartnerCategory.FeCollege, PartnerCategory.JobcentrePlus })
            Seat(body, c);
        return this;
    }

    public StructureBuilder Line(string from, string to, AccountabilityKind kind = AccountabilityKind.AccountableTo)
    {
        _lines.Add(new AccountabilityLine(from, to, kind, Src));
        return this;
    }

    public StructureBuilder Duty(string body, string text)
    {
        _duties.Add(new Duty(body, text, null, Src));
        return this;
    }

    public AuthorityStructure Build()
    {
        PartialDate? date = inForce is null ? null : PartialDate.TryParse(inForce, out var d) ? d : throw new ArgumentException(inForce);
        return new AuthorityStructure(
            new Authority(authority, "Testshire", null, tier),
            [new Arrangement("a", ArrangementStatus.Current, date, Src)],
            _bodies, _seats, _lines, _duties);
    }

    public GovernanceGraph Graph() => GovernanceGraph.For(Build())[0];
}

internal static class ShippedData
{
    private static readonly Lazy<Dataset> Loaded = new(() =>
    {
        var result = DatasetLoader.Load(Folder);
        return result.Dataset ?? throw new InvalidOperationException("the shipped dataset does not load: " + string.Join("; ", result.Errors));
    });

    public static Dataset Dataset => Loaded.Value;

    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "data", "authorities.csv")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
                    return Path.Combine(dir.FullName, "data");
            throw new DirectoryNotFoundException("the repository's data/ folder was not found above " + AppContext.BaseDirectory);
        }
    }

    public static GovernanceGraph Graph(string authority, string arrangement) =>
        GovernanceGraph.For(Dataset.Find(authority)!).Single(g => g.ArrangementId == arrangement);
}
