using TrustGraph.Guidance;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Generation;

/// <summary>
/// How often each kind of defect is injected. Structural defects (a cycle or a body cut off from the LSP) are drawn per
/// arrangement, at most one of the two in any arrangement; partner defects per board; person defects per authority.
/// </summary>
public sealed record DefectRates(
    double Cycle, double CutOff, double MissingPartner, double VacantPartner, double ListedTwice, double UnlinkedSeats)
{
    /// <summary>A known, small rate: at 152 authorities roughly a hundred defects among some seventy thousand seats.</summary>
    public static readonly DefectRates Default = new(Cycle: 0.06, CutOff: 0.08, MissingPartner: 0.10, VacantPartner: 0.05, ListedTwice: 0.10, UnlinkedSeats: 0.10);

    public static readonly DefectRates None = new(0, 0, 0, 0, 0, 0);
}

/// <summary>
/// What to generate. The same <see cref="Authorities"/> and <see cref="Seed"/> give the same files, byte for byte; the first
/// N authorities of a larger run are the N authorities of a smaller one with the same seed. <see cref="Today"/> is the day the
/// law is judged on for arrangements with no in-force date (the analyses use the current date).
/// </summary>
public sealed record GeneratorOptions(int Authorities, int Seed)
{
    public DefectRates Defects { get; init; } = DefectRates.Default;

    /// <summary>How people are spread over the bodies; <see cref="NationShape.Links"/> (the default) keeps the files of earlier releases.</summary>
    public NationShape Shape { get; init; } = NationShape.Links;
    public DateOnly Today { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);
}

/// <summary>How the people of an authority are spread over its bodies.</summary>
public enum NationShape
{
    /// <summary>Directors sit on several bodies only through the deliberate links; ordinary members sit on one body each.</summary>
    Links,

    /// <summary>
    /// As <see cref="Links"/>, and a small pool of senior people per authority (60 to 90) also fills seven in ten ordinary
    /// seats, so each of them sits on many bodies with no line between them: the shape of the real comparators' papers, and a
    /// duplicated-membership warning per pool member per arrangement (tens of thousands at national scale).
    /// </summary>
    SeniorPool,
}

/// <summary>A generated dataset and the findings the analyses should make on it (see <see cref="GroundTruth"/>).</summary>
public sealed record GeneratedDataset(Dataset Dataset, IReadOnlyList<ExpectedFinding> Truth);

/// <summary>
/// Deterministic synthetic national datasets in the contract's format, shaped like the real papers: per authority an LSP,
/// a Children's Trust Board, an executive and a commissioning group, thematic partnerships and their sub-groups, locality
/// groups, an LSCB and the agencies' own governance; the same directors on several bodies through deliberate links; vacancies;
/// county, unitary, metropolitan and London-borough tiers; arrangements in force on both sides of 1 April 2010. A known, small
/// rate of defects is injected and every finding the analyses should make is listed in the truth file.
/// </summary>
public static class SyntheticNation
{
    /// <summary>England's 152 children's services authorities in 2009, by tier: the shares every generated nation keeps.</summary>
    private static readonly (AuthorityTier Tier, int Count)[] TierShares =
        [(AuthorityTier.County, 27), (AuthorityTier.Unitary, 56), (AuthorityTier.Metropolitan, 36), (AuthorityTier.LondonBorough, 33)];

    public const int NationalScale = 152;

    public static GeneratedDataset Generate(GeneratorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Authorities);
        var setup = Rng.For(options.Seed, -1);
        var tiers = setup.Shuffled(TierShares.SelectMany(t => Enumerable.Repeat(t.Tier, t.Count)));
        var places = setup.Shuffled(Names.PlaceStarts.SelectMany(s => Names.PlaceEnds.Select(e => s + e)));
        var partners = RelevantPartners.Statutory;

        var structures = new List<AuthorityStructure>(options.Authorities);
        var sources = new List<Source>();
        var truth = new List<ExpectedFinding>();
        var onsCounters = new Dictionary<AuthorityTier, int>();
        for (var i = 0; i < options.Authorities; i++)
        {
            var tier = tiers[i % tiers.Count];
            var round = i / places.Count;
            var name = places[i % places.Count] + (round == 0 ? "" : $" {round + 1}");
            var ons = onsCounters[tier] = onsCounters.GetValueOrDefault(tier) + 1;
            var onsCode = tier switch
            {
                AuthorityTier.County => "E10",
                AuthorityTier.Unitary => "E06",
                AuthorityTier.Metropolitan => "E08",
                _ => "E09",
            } + ons.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            var authority = new Authority(Slug.From(name), name, onsCode, tier);
            var built = new AuthorityBuilder(authority, Rng.For(options.Seed, i), options.Defects, partners, options.Today, places, options.Shape).Build();
            structures.Add(built.Structure);
            sources.AddRange(built.Sources);
            truth.AddRange(built.Truth);
        }
        return new GeneratedDataset(new Dataset(structures, sources), truth);
    }

    /// <summary>Writes the dataset in the contract's format to <paramref name="directory"/> and the truth file beside it.</summary>
    public static void Write(GeneratedDataset generated, string directory)
    {
        DatasetWriter.Write(generated.Dataset, directory);
        GroundTruth.Write(generated.Truth, Path.Combine(directory, GroundTruth.FileName));
    }
}
