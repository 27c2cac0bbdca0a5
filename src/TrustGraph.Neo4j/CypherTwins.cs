using TrustGraph.Analyses;

namespace TrustGraph.Neo4j;

/// <summary>The Cypher twin of one analysis: the check it answers and the statement in <c>Cypher/&lt;check&gt;.cypher</c>.</summary>
public sealed record CypherTwin(string Check, string FileName, string Statement);

/// <summary>
/// The four twins, embedded from <c>src/TrustGraph.Neo4j/Cypher/</c> so the program carries them; the files are the
/// readable copies to paste into Neo4j Browser (set <c>:param authority =&gt; null</c> and <c>:param arrangement =&gt; null</c>).
/// </summary>
public static class CypherTwins
{
    private static readonly Lazy<IReadOnlyList<CypherTwin>> Embedded = new(() =>
        Checks.Core.Select(check => new CypherTwin(check, check + ".cypher", Read(check + ".cypher"))).ToList());

    /// <summary>In the order the embedded analyses run.</summary>
    public static IReadOnlyList<CypherTwin> All => Embedded.Value;

    public static CypherTwin For(string check) => All.First(t => t.Check == check);

    private static string Read(string fileName)
    {
        var assembly = typeof(CypherTwins).Assembly;
        using var stream = assembly.GetManifestResourceStream("cypher/" + fileName)
            ?? throw new FileNotFoundException($"the Cypher twin '{fileName}' is not embedded in {assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
