using System.Text;

namespace TrustGraph.Model;

/// <summary>
/// The contract's enumerations are written in files as lower-case, hyphenated words
/// (<c>trust-board</c>, <c>jobcentre-plus</c>); in code they are enums. This maps one to the other.
/// </summary>
public static class Vocabulary<TEnum> where TEnum : struct, Enum
{
    // Plain arrays rather than frozen dictionaries: an enumeration has a handful of values, and a short program should not
    // spend its start-up compiling dictionary code for each of them.
    private static readonly TEnum[] Values = Enum.GetValues<TEnum>();
    private static readonly string[] WordsOfValues = WordsOf(Values);
    private static readonly byte[][] Utf8WordsOfValues = [.. WordsOfValues.Select(Encoding.UTF8.GetBytes)];

    /// <summary>The allowed words, in declaration order, for error messages.</summary>
    public static IReadOnlyList<string> Words { get; } = WordsOfValues;

    public static string AllowedList => string.Join(", ", Words);

    public static bool TryParse(string word, out TEnum value) => TryParse(word.AsSpan(), out value);

    public static bool TryParse(ReadOnlySpan<char> word, out TEnum value)
    {
        for (var i = 0; i < WordsOfValues.Length; i++)
            if (word.SequenceEqual(WordsOfValues[i]))
            {
                value = Values[i];
                return true;
            }
        value = default;
        return false;
    }

    /// <summary>The same, for a word still in a reader's UTF-8 buffer.</summary>
    public static bool TryParse(ReadOnlySpan<byte> word, out TEnum value)
    {
        for (var i = 0; i < Utf8WordsOfValues.Length; i++)
            if (word.SequenceEqual(Utf8WordsOfValues[i]))
            {
                value = Values[i];
                return true;
            }
        value = default;
        return false;
    }

    public static string Word(TEnum value)
    {
        for (var i = 0; i < Values.Length; i++)
            if (EqualityComparer<TEnum>.Default.Equals(Values[i], value)) return WordsOfValues[i];
        throw new KeyNotFoundException($"{value} is not a value of {typeof(TEnum).Name}");
    }

    private static string[] WordsOf(TEnum[] values)
    {
        var words = new string[values.Length];
        for (var i = 0; i < values.Length; i++) words[i] = ToWord(values[i].ToString());
        return words;
    }

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
