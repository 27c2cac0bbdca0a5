using TrustGraph.Analyses;
using TrustGraph.Generation;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Core.Tests.Generation;

public sealed class SyntheticNationTests
{
    private static readonly Lazy<GeneratedDataset> National = new(() => SyntheticNation.Generate(new GeneratorOptions(SyntheticNation.NationalScale, Seed: 1)));

    private static HashSet<FindingKey> Found(Dataset dataset) => Analysis.Run(dataset).Select(FindingKey.Of).ToHashSet();

    [Fact]
    public void Analyses_find_exactly_the_injected_defects_in_a_national_dataset()
    {
        var generated = National.Value;
        var found = Found(generated.Dataset);
        var injected = generated.Truth.Where(t => t.Key.IsDefect).Select(t => t.Key).ToHashSet();
        var reported = found.Where(k => k.IsDefect).ToHashSet();

        var truePositives = reported.Count(injected.Contains);
        var recall = (double)truePositives / injected.Count;
        var precision = (double)truePositives / reported.Count;
        Assert.True(recall == 1.0 && precision == 1.0,
            $"recall {recall:0.000}, precision {precision:0.000}; missed: {string.Join("; ", injected.Except(reported).Take(5))}; "
            + $"not injected: {string.Join("; ", reported.Except(injected).Take(5))}");
        Assert.InRange(injected.Count, 60, 200);
    }

    [Fact]
    public void Info_findings_are_exactly_the_deliberate_links_and_partners_the_truth_file_expects()
    {
        var generated = National.Value;
        var found = Found(generated.Dataset).Where(k => !k.IsDefect).ToHashSet();
        var expected = generated.Truth.Where(t => !t.Key.IsDefect).Select(t => t.Key).ToHashSet();

        Assert.Empty(expected.Except(found));
        Assert.Empty(found.Except(expected));
    }

    [Fact]
    public void A_senior_pool_nation_gives_exactly_the_truth_files_findings_with_thousands_of_people_on_unlinked_bodies()
    {
        var generated = SyntheticNation.Generate(new GeneratorOptions(40, Seed: 2) { Shape = NationShape.SeniorPool });
        var found = Found(generated.Dataset);
        var expected = generated.Truth.Select(t => t.Key).ToHashSet();

        Assert.Empty(expected.Except(found).Take(5));
        Assert.Empty(found.Except(expected).Take(5));
        var senior = generated.Truth.Where(t => t.Defect == "senior-pool").ToList();
        Assert.True(senior.Count > 1500, $"only {senior.Count} senior people on several unlinked bodies in 40 authorities");
        Assert.All(senior, t => Assert.Equal((Checks.DuplicatedMembership, Severity.Warning), (t.Key.Check, t.Key.Severity)));
    }

    [Fact]
    public void The_default_links_shape_has_no_senior_pool_and_a_fraction_of_its_findings()
    {
        var links = SyntheticNation.Generate(new GeneratorOptions(12, Seed: 4));
        var pooled = SyntheticNation.Generate(new GeneratorOptions(12, Seed: 4) { Shape = NationShape.SeniorPool });

        Assert.DoesNotContain(links.Truth, t => t.Defect.StartsWith("senior-pool", StringComparison.Ordinal));
        Assert.True(pooled.Truth.Count > 2 * links.Truth.Count, $"{pooled.Truth.Count} findings with the pool, {links.Truth.Count} without");
    }

    [Fact]
    public void Every_kind_of_defect_and_of_expected_info_is_present_at_national_scale()
    {
        var byKind = National.Value.Truth.GroupBy(t => t.Defect).ToDictionary(g => g.Key, g => g.ToList());

        foreach (var kind in new[] { "cycle", "self-accountable", "cut-off", "missing-partner", "vacant-partner", "listed-twice", "unlinked-seats" })
            Assert.True(byKind.ContainsKey(kind), $"no '{kind}' defect was injected");
        foreach (var kind in new[] { "deliberate-link", "becomes-relevant", "cannot-assess" })
            Assert.True(byKind.ContainsKey(kind), $"no '{kind}' info is expected");
        Assert.All(byKind["deliberate-link"], t => Assert.Equal(Severity.Info, t.Key.Severity));
        Assert.True(byKind["deliberate-link"].Count > 1000, "directors should sit on several bodies through deliberate links");
    }

    [Fact]
    public void Missing_partners_are_judged_by_the_law_at_the_arrangements_date_and_the_tier()
    {
        var dataset = National.Value.Dataset;
        var findings = Analysis.Run(dataset).Where(f => f.Check == Checks.MissingRelevantPartner).ToList();
        var arrangements = dataset.Authorities.SelectMany(a => a.Arrangements.Select(r => (a.Authority, Arrangement: r)))
            .ToDictionary(x => (x.Authority.Id, x.Arrangement.Id));
        bool Before2010((string, string) at) => arrangements[at].Arrangement.InForce is { } d && d.Earliest < new DateOnly(2010, 4, 1);

        var jobcentrePlusBefore2010 = findings.Where(f => f.Subjects[2] == "jobcentre-plus" && Before2010((f.Authority, f.Arrangement!))).ToList();
        Assert.NotEmpty(jobcentrePlusBefore2010);
        Assert.All(jobcentrePlusBefore2010, f => Assert.Equal(Severity.Info, f.Severity));
        Assert.Contains(jobcentrePlusBefore2010, f => f.Message.Contains("becomes a relevant partner on 1 April 2010"));

        Assert.DoesNotContain(findings, f => f.Subjects[2] == "district-council" && arrangements[(f.Authority, f.Arrangement!)].Authority.Tier != AuthorityTier.County);
        Assert.Contains(findings, f => f.Severity == Severity.Error && !Before2010((f.Authority, f.Arrangement!)));
        Assert.Contains(findings, f => f.Severity == Severity.Warning && f.Message.Contains("has no seat for") && Before2010((f.Authority, f.Arrangement!)));
    }

    [Fact]
    public void National_dataset_has_the_size_and_tiers_of_England()
    {
        var dataset = National.Value.Dataset;

        Assert.Equal(152, dataset.Authorities.Count);
        Assert.InRange(dataset.Authorities.Sum(a => a.Bodies.Count), 4_500, 5_500);
        Assert.InRange(dataset.Authorities.Sum(a => a.Seats.Count), 60_000, 80_000);
        var tiers = dataset.Authorities.GroupBy(a => a.Authority.Tier!.Value).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(27, tiers[AuthorityTier.County]);
        Assert.Equal(56, tiers[AuthorityTier.Unitary]);
        Assert.Equal(36, tiers[AuthorityTier.Metropolitan]);
        Assert.Equal(33, tiers[AuthorityTier.LondonBorough]);
        Assert.All(dataset.Authorities.Where(a => a.Authority.Tier != AuthorityTier.County),
            a => Assert.DoesNotContain(a.Seats, s => s.PartnerCategory == PartnerCategory.DistrictCouncil));
        Assert.Contains(dataset.Authorities.SelectMany(a => a.Seats), s => s.Status == SeatStatus.Vacant);
        Assert.Contains(dataset.Authorities.SelectMany(a => a.Arrangements), a => a.InForce is { } d && d.Earliest < new DateOnly(2010, 4, 1));
        Assert.Contains(dataset.Authorities.SelectMany(a => a.Arrangements), a => a.InForce is { } d && d.Earliest >= new DateOnly(2010, 4, 1));
    }

    [Fact]
    public void Every_body_has_eight_to_twenty_five_seats_and_every_row_cites_a_source()
    {
        var dataset = National.Value.Dataset;
        var sources = dataset.Sources.Select(s => s.Id).ToHashSet();

        foreach (var authority in dataset.Authorities)
        {
            var seats = authority.Seats.CountBy(s => s.Body).ToDictionary();
            Assert.All(authority.Bodies, b => Assert.InRange(seats.GetValueOrDefault(b.Id), 8, 25));
            Assert.All(authority.Seats, s => Assert.Contains(s.Source.SourceId, sources));
            Assert.All(authority.Lines, l => Assert.Contains(l.Source.SourceId, sources));
            Assert.All(authority.Bodies, b => Assert.Contains(b.Source.SourceId, sources));
        }
    }

    [Fact]
    public void Without_injected_defects_the_analyses_report_no_warnings_or_errors()
    {
        var clean = SyntheticNation.Generate(new GeneratorOptions(40, Seed: 7) { Defects = DefectRates.None });

        var findings = Analysis.Run(clean.Dataset);

        Assert.DoesNotContain(findings, f => f.Severity != Severity.Info);
        Assert.DoesNotContain(clean.Truth, t => t.Key.IsDefect);
        Assert.Equal(clean.Truth.Count, findings.Count);
    }

    [Fact]
    public void Written_dataset_loads_cleanly_and_its_truth_file_matches_the_analyses()
    {
        using var dir = new TempDir();
        SyntheticNation.Write(SyntheticNation.Generate(new GeneratorOptions(24, Seed: 3)), dir.Path);

        var loaded = DatasetLoader.Load(dir.Path);

        Assert.Empty(loaded.Errors);
        var truth = GroundTruth.Read(Path.Combine(dir.Path, GroundTruth.FileName)).Select(t => t.Key).ToHashSet();
        Assert.Equal(truth.OrderBy(k => k.ToString()), Found(loaded.Dataset!).OrderBy(k => k.ToString()));
        Assert.Contains(truth, k => k.IsDefect);
    }

    [Fact]
    public void Same_seed_gives_the_same_files_byte_for_byte_and_another_seed_does_not()
    {
        using var first = new TempDir();
        using var second = new TempDir();
        using var other = new TempDir();
        SyntheticNation.Write(SyntheticNation.Generate(new GeneratorOptions(12, Seed: 42)), first.Path);
        SyntheticNation.Write(SyntheticNation.Generate(new GeneratorOptions(12, Seed: 42)), second.Path);
        SyntheticNation.Write(SyntheticNation.Generate(new GeneratorOptions(12, Seed: 43)), other.Path);

        var files = first.Files();
        Assert.True(files.Count > 12 * 5);
        Assert.Equal(files, second.Files());
        foreach (var file in files)
            Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, file)), File.ReadAllBytes(Path.Combine(second.Path, file)));
        Assert.NotEqual(File.ReadAllBytes(Path.Combine(first.Path, "authorities.csv")), File.ReadAllBytes(Path.Combine(other.Path, "authorities.csv")));
    }

    [Fact]
    public void A_larger_nation_begins_with_the_authorities_of_a_smaller_one()
    {
        var small = SyntheticNation.Generate(new GeneratorOptions(10, Seed: 5));
        var large = SyntheticNation.Generate(new GeneratorOptions(30, Seed: 5));

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(small.Dataset.Authorities[i].Authority, large.Dataset.Authorities[i].Authority);
            Assert.Equal(small.Dataset.Authorities[i].Seats, large.Dataset.Authorities[i].Seats);
        }
        Assert.Equal(30, large.Dataset.Authorities.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public void Beyond_the_supply_of_place_names_authorities_still_get_unique_ids()
    {
        var names = Names.PlaceStarts.Length * Names.PlaceEnds.Length;
        var generated = SyntheticNation.Generate(new GeneratorOptions(names + 3, Seed: 9) { Defects = DefectRates.None });

        Assert.Equal(names + 3, generated.Dataset.Authorities.Select(a => a.Id).Distinct().Count());
        Assert.Contains(generated.Dataset.Authorities, a => a.Authority.Name.EndsWith(" 2", StringComparison.Ordinal));
    }

    private sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("trustgraph-gen-").FullName;

        public List<string> Files() => Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Path, f)).Order(StringComparer.Ordinal).ToList();

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
