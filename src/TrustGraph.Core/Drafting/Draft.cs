using System.Security.Cryptography;
using TrustGraph.Model;

namespace TrustGraph.Drafting;

/// <summary>
/// An option being designed in TrustGraph: an ordinary arrangement of an authority whose source is a
/// <c>sources.csv</c> row made for it (id <c>draft-…</c>, publisher <see cref="Drafts.Publisher"/>), so every report and
/// export reads it as it reads any arrangement. <see cref="CopiedFrom"/> is the arrangement it began as a copy of (null
/// for a draft started empty); its findings are compared with that arrangement's.
/// </summary>
public sealed record Draft(string AuthorityId, Arrangement Arrangement, Source Source, string? CopiedFrom)
{
    public string Id => Arrangement.Id;

    /// <summary>The name the person drafting gave it ("Variation on version 2").</summary>
    public string Name => Source.Title;

    /// <summary>"worcestershire/variation-on-version-2": how the CLI and the viewer's addresses name a draft.</summary>
    public string Key => $"{AuthorityId}/{Id}";
}

/// <summary>Finding drafts in a dataset, and the conventions that mark one.</summary>
public static class Drafts
{
    /// <summary>The publisher of every draft's source row: the draft rests on a person's design, not on a paper.</summary>
    public const string Publisher = "TrustGraph drafting";

    public const string SourcePrefix = "draft-";

    /// <summary>The locator of a draft arrangement's source that names the arrangement it was copied from (<c>#from-2009</c>).</summary>
    public const string FromLocator = "from-";

    /// <summary>The locator of a draft started with no bodies of its own.</summary>
    public const string EmptyLocator = "empty";

    public static bool IsDraft(Dataset dataset, Arrangement arrangement) =>
        arrangement.Source.SourceId.StartsWith(SourcePrefix, StringComparison.Ordinal)
        && dataset.FindSource(arrangement.Source.SourceId)?.Publisher == Publisher;

    /// <summary>Every draft in the dataset (of one authority when given), in dataset order.</summary>
    public static IReadOnlyList<Draft> List(Dataset dataset, string? authorityId = null) =>
        dataset.Authorities
            .Where(a => authorityId is null || a.Id == authorityId)
            .SelectMany(a => a.Arrangements.Where(x => IsDraft(dataset, x)).Select(x => Describe(dataset, a, x)))
            .ToList();

    public static Draft? Find(Dataset dataset, string authorityId, string arrangementId)
    {
        var structure = dataset.Find(authorityId);
        var arrangement = structure?.Arrangements.FirstOrDefault(a => a.Id == arrangementId);
        return structure is null || arrangement is null || !IsDraft(dataset, arrangement) ? null : Describe(dataset, structure, arrangement);
    }

    /// <summary>Resolves "worcestershire/variation-on-version-2".</summary>
    public static Draft? FindByKey(Dataset dataset, string key)
    {
        var slash = key.IndexOf('/');
        return slash <= 0 ? null : Find(dataset, key[..slash], key[(slash + 1)..]);
    }

    private static Draft Describe(Dataset dataset, AuthorityStructure structure, Arrangement arrangement)
    {
        var locator = arrangement.Source.Locator;
        var from = locator is not null && locator.StartsWith(FromLocator, StringComparison.Ordinal) ? locator[FromLocator.Length..] : null;
        if (from is not null && structure.Arrangements.All(a => a.Id != from)) from = null;
        return new Draft(structure.Id, arrangement, dataset.FindSource(arrangement.Source.SourceId)!, from);
    }

    /// <summary>
    /// A token for the state of one authority's files and sources.csv as they are on disk: an editor sends back the token
    /// it read, and a change is refused when the files have moved on since (someone else saved), never written over them.
    /// </summary>
    public static string VersionOf(string dataDir, string authorityId)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in DraftFiles.AuthorityFiles(authorityId).Prepend("sources.csv"))
        {
            var path = Path.Combine(dataDir, file.Replace('/', Path.DirectorySeparatorChar));
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\n"));
            if (File.Exists(path)) hash.AppendData(File.ReadAllBytes(path));
            hash.AppendData("\0"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
