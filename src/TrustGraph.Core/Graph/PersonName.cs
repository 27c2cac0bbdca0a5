namespace TrustGraph.Graph;

/// <summary>
/// Identifies a person across seats by name: case, spacing and a leading honorific ("Cllr", "Dr") do not
/// make two people. Names are all the papers give; two different people with one name would be merged.
/// </summary>
public static class PersonName
{
    private static readonly string[] Honorifics = ["cllr", "councillor", "dr", "mr", "mrs", "ms", "miss", "prof", "professor", "rev", "revd", "sir", "dame"];

    /// <summary>
    /// The name lower-cased (invariant), split into words on spaces, tabs and no-break spaces, each word stripped of
    /// surrounding '.' and ',', empty words dropped, leading honorifics dropped while another word remains, joined by one space.
    /// </summary>
    public static string Key(string name)
    {
        Span<char> lower = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        name.AsSpan().ToLowerInvariant(lower);

        var maxWords = name.Length / 2 + 1;
        Span<Range> words = maxWords <= 128 ? stackalloc Range[maxWords] : new Range[maxWords];
        var count = 0;
        for (var i = 0; i < lower.Length;)
        {
            while (i < lower.Length && IsSeparator(lower[i])) i++;
            var start = i;
            while (i < lower.Length && !IsSeparator(lower[i])) i++;
            var end = i;
            while (start < end && lower[start] is '.' or ',') start++;
            while (end > start && lower[end - 1] is '.' or ',') end--;
            if (end > start) words[count++] = new Range(start, end);
        }

        var first = 0;
        while (count - first > 1 && IsHonorific(lower[words[first]])) first++;

        Span<char> key = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        for (var w = first; w < count; w++)
        {
            if (w > first) key[length++] = ' ';
            var word = lower[words[w]];
            word.CopyTo(key[length..]);
            length += word.Length;
        }
        return new string(key[..length]);
    }

    private static bool IsSeparator(char c) => c is ' ' or '\t' or '\u00a0';

    private static bool IsHonorific(ReadOnlySpan<char> word)
    {
        foreach (var honorific in Honorifics)
            if (word.SequenceEqual(honorific)) return true;
        return false;
    }
}
