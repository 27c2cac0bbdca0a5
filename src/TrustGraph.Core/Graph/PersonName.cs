namespace TrustGraph.Graph;

/// <summary>
/// Identifies a person across seats by name: case, spacing and a leading honorific ("Cllr", "Dr") do not
/// make two people. Names are all the papers give; two different people with one name would be merged.
/// </summary>
public static class PersonName
{
    private static readonly string[] Honorifics = ["cllr", "councillor", "dr", "mr", "mrs", "ms", "miss", "prof", "professor", "rev", "revd", "sir", "dame"];

    public static string Key(string name)
    {
        var words = name.ToLowerInvariant()
            .Split([' ', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ','))
            .Where(w => w.Length > 0)
            .ToList();
        while (words.Count > 1 && Honorifics.Contains(words[0])) words.RemoveAt(0);
        return string.Join(' ', words);
    }
}
