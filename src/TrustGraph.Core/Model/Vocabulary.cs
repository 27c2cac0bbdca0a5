using System.Collections.Frozen;
using System.Text;

namespace TrustGraph.Model;

/// <summary>
/// The contract's enumerations are written in files as lower-case, hyphenated words
/// (<c>trust-board</c>, <c>jobcentre-plus</c>); in code they are enums. This maps one to the other.
/// </summary>
public static class Vocabulary<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByWord;
    private static readonly FrozenDictionary<TEnum, string> ByValue;

    static Vocabulary()
    {
        var values = Enum.GetValues<TEnum>();
        ByValue = values.ToFrozenDictionary(v => v, v => ToWord(v.ToString()));
        ByWord = values.ToFrozenDictionary(v => ToWord(v.ToString()), v => v, StringComparer.Ordinal);
        Words = values.Select(v => ByValue[v]).ToArray();
    }

    /// <summary>The allowed words, in declaration order, for error messages.</summary>
    public static IReadOnlyList<string> Words { get; }

    public static string AllowedList => string.Join(", ", Words);

    public static bool TryParse(string word, out TEnum value) => ByWord.TryGetValue(word, out value);

    public static string Word(TEnum value) => ByValue[value];

    private static string ToWord(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0) sb.Append('-');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}

public static class VocabularyExtensions
{
    /// <summary>The word the dataset files use for this value (<c>BodyKind.TrustBoard</c> → <c>trust-board</c>).</summary>
    public static string ToWord<TEnum>(this TEnum value) where TEnum : struct, Enum => Vocabulary<TEnum>.Word(value);
}
