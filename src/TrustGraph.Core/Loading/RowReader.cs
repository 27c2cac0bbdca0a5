using System.Buffers.Binary;
using System.Text;
using System.Globalization;
using TrustGraph.Model;

namespace TrustGraph.Loading;

/// <summary>Reads typed values out of one CSV row, recording a located error for each bad value instead of throwing.</summary>
internal readonly struct RowReader(CsvTable table, CsvRow row, ICollection<DatasetError> errors)
{
    public int Line => row.Line;

    public int ColumnNumber(string column) => table.IndexOf(column) + 1;

    public void Error(string column, string message) =>
        errors.Add(new DatasetError(table.File, row.Line, ColumnNumber(column), message));

    public string? Optional(string column)
    {
        var i = table.IndexOf(column);
        if (i < 0 || i >= row.Fields.Length) return null;
        var value = row.Fields[i].Trim();
        return value.Length == 0 ? null : value;
    }

    public string? Required(string column, string what)
    {
        var value = Optional(column);
        if (value is null) Error(column, $"'{column}' is empty; expected {what}");
        return value;
    }

    public string? Id(string column, string what)
    {
        var value = Required(column, what);
        if (value is not null && !Slug.IsValid(value))
        {
            Error(column, $"'{value}' is not a valid id; expected {what} as a lower-case slug of a-z, 0-9 and '-'");
            return null;
        }
        return value;
    }

    public TEnum? Enum<TEnum>(string column, bool required) where TEnum : struct, Enum
    {
        var value = Optional(column);
        if (value is null)
        {
            if (required) Error(column, $"'{column}' is empty; expected one of: {Vocabulary<TEnum>.AllowedList}");
            return null;
        }
        if (Vocabulary<TEnum>.TryParse(value, out var parsed)) return parsed;
        Error(column, $"unknown {column} '{value}'; expected one of: {Vocabulary<TEnum>.AllowedList}");
        return null;
    }

    public int? NonNegativeInt(string column)
    {
        var value = Optional(column);
        if (value is null) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 1000) return n;
        Error(column, $"'{value}' is not a number of meetings; expected a whole number from 0 to 1000, or blank when not stated");
        return null;
    }

    public PartialDate? Date(string column)
    {
        var value = Optional(column);
        if (value is null) return null;
        if (PartialDate.TryParse(value, out var date)) return date;
        Error(column, $"'{value}' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD, or blank when not stated");
        return null;
    }

    /// <summary>The row's <c>basis</c>: stated when blank or absent; an unknown word is an error on the cell (and reads as stated).</summary>
    public Basis Basis()
    {
        var value = Optional("basis");
        switch (value)
        {
            case null or "stated": return Model.Basis.Stated;
            case "inferred": return Model.Basis.Inferred;
            default:
                Error("basis", $"unknown basis '{value}'; expected stated, inferred, or blank (stated)");
                return Model.Basis.Stated;
        }
    }

    /// <summary>Records where an inferred row was read, so findings that rest on it can point at it; returns the row.</summary>
    public T Remember<T>(T row) where T : class, IHasBasis
    {
        if (row.Basis == Model.Basis.Inferred) RowOrigin.Remember(row, new RowOrigin(table.File, Line));
        return row;
    }

    public bool? YesNo(string column)
    {
        var value = Optional(column);
        switch (value)
        {
            case null: return null;
            case "yes": return true;
            case "no": return false;
            default:
                Error(column, $"unknown {column} '{value}'; expected yes, no, or blank when not stated");
                return null;
        }
    }

    public SourceRef? SourceRef(string column, ICollection<(string File, int Line, int Column, string Id)> references)
    {
        var value = Required(column, "a source id from sources.csv, optionally followed by #locator");
        if (value is null) return null;
        var reference = Model.SourceRef.Parse(value);
        if (!Slug.IsValid(reference.SourceId))
        {
            Error(column, $"'{value}' is not a source reference; expected a source id (lower-case slug) optionally followed by #locator");
            return null;
        }
        references.Add((table.File, row.Line, ColumnNumber(column), reference.SourceId));
        return reference;
    }

    /// <summary>A source reference, checked against <c>sources.csv</c> as it is read (an unknown source id is an error on this cell).</summary>
    public SourceRef? SourceRef(string column, SourceCatalogue sources)
    {
        var value = Required(column, "a source id from sources.csv, optionally followed by #locator");
        if (value is null) return null;
        var reference = sources.Parse(value);
        if (!Slug.IsValid(reference.SourceId))
        {
            Error(column, $"'{value}' is not a source reference; expected a source id (lower-case slug) optionally followed by #locator");
            return null;
        }
        if (!sources.Contains(reference.SourceId))
            Error(column, $"source '{reference.SourceId}' is not in sources.csv; expected the id of a row of sources.csv");
        return reference;
    }
}

/// <summary>
/// The ids of <c>sources.csv</c>, read before anything cites them, and the references already parsed: a dataset cites a few
/// hundred distinct references tens of thousands of times.
/// </summary>
internal sealed class SourceCatalogue
{
    private readonly HashSet<string> _ids;
    private readonly Dictionary<string, SourceRef> _parsed = new(StringComparer.Ordinal);

    public SourceCatalogue(IEnumerable<string> ids) => _ids = ids.ToHashSet(StringComparer.Ordinal);

    private SourceCatalogue(HashSet<string> ids) => _ids = ids;

    /// <summary>The same ids (only read, so shared) with references parsed apart: one per thread reading an authority.</summary>
    public SourceCatalogue ForOneReader() => new(_ids);

    public bool Contains(string id) => _ids.Contains(id);

    /// <summary>Forgets the parsed references: each authority cites its own, so a dataset read authority by authority keeps only one authority's.</summary>
    public void ForgetParsed()
    {
        _parsed.Clear();
        _judged.Clear();
    }

    public SourceRef Parse(string text)
    {
        if (!_parsed.TryGetValue(text, out var reference)) _parsed.Add(text, reference = Model.SourceRef.Parse(text));
        return reference;
    }

    /// <summary>
    /// A reference still in a reader's UTF-8 buffer, parsed and judged once per distinct text: whether its source id is a slug,
    /// and whether sources.csv lists it.
    /// </summary>
    public (SourceRef Reference, bool IsSlug, bool IsKnown) Judge(ReadOnlySpan<byte> text)
    {
        var lookup = _judgedLookup ??= _judged.GetAlternateLookup<ReadOnlySpan<byte>>();
        if (lookup.TryGetValue(text, out var judged)) return judged;
        var reference = Model.SourceRef.Parse(Encoding.UTF8.GetString(text));
        var isSlug = Slug.IsValid(reference.SourceId);
        judged = (reference, isSlug, isSlug && Contains(reference.SourceId));
        _judged.Add(text.ToArray(), judged);
        return judged;
    }

    private readonly Dictionary<byte[], (SourceRef, bool, bool)> _judged = new(Utf8Comparer.Instance);
    private Dictionary<byte[], (SourceRef, bool, bool)>.AlternateLookup<ReadOnlySpan<byte>>? _judgedLookup;
}

/// <summary>Compares UTF-8 keys byte for byte, and looks them up from spans, so a lookup from a reader's buffer allocates nothing.</summary>
internal sealed class Utf8Comparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    public static readonly Utf8Comparer Instance = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] key) => GetHashCode(key.AsSpan());

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<byte> alternate)
    {
        // Keys are short (ids, posts, source references): eight bytes at a time, multiplied and folded, is plenty.
        var hash = 0xCBF29CE484222325UL ^ (ulong)alternate.Length;
        for (; alternate.Length >= 8; alternate = alternate[8..])
        {
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(alternate)) * 0x9E3779B97F4A7C15UL;
            hash ^= hash >> 29;
        }
        foreach (var b in alternate) hash = (hash ^ b) * 0x100000001B3UL;
        return (int)(hash ^ (hash >> 32));
    }

    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
}

/// <summary>
/// One string per distinct value: ids, posts and agencies repeat on row after row, and the model should keep one copy of each
/// rather than one per row. Values are looked up as UTF-8 spans, so a repeat costs no allocation at all. Each value can carry
/// a mark (what the loader has learnt about it: "the id of a valid body"), answered by the same lookup.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<byte[], (string Text, int Mark)> _strings;
    private readonly Dictionary<byte[], (string Text, int Mark)>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    public StringPool()
    {
        _strings = new Dictionary<byte[], (string, int)>(Utf8Comparer.Instance);
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    public string? Get(ReadOnlySpan<byte> value) => Get(value, out _);

    public string? Get(ReadOnlySpan<byte> value, out int mark)
    {
        mark = 0;
        if (value.IsEmpty) return null;
        if (_lookup.TryGetValue(value, out var same))
        {
            mark = same.Mark;
            return same.Text;
        }
        var kept = Encoding.UTF8.GetString(value);
        _strings.Add(value.ToArray(), (kept, 0));
        return kept;
    }

    /// <summary>Adds <paramref name="mark"/> to the marks of a value (pooling it if it is new).</summary>
    public void Mark(string value, int mark)
    {
        var key = Encoding.UTF8.GetBytes(value);
        _strings[key] = (_strings.TryGetValue(key, out var entry) ? entry.Text : value, entry.Mark | mark);
    }
}

/// <summary>Ids in the dataset are lower-case slugs: <c>[a-z0-9-]+</c>.</summary>
public static class Slug
{
    public static bool IsValid(string text) => IsValid(text.AsSpan());

    public static bool IsValid(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0) return false;
        foreach (var c in utf8)
            if (c is not ((>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-')) return false;
        return true;
    }

    public static bool IsValid(ReadOnlySpan<char> text)
    {
        if (text.Length == 0) return false;
        foreach (var c in text)
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')) return false;
        return true;
    }

    /// <summary>Makes a slug from a name: "Joint Commissioning Board" → "joint-commissioning-board".</summary>
    public static string From(string name)
    {
        var chars = new List<char>(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9')) chars.Add(c);
            else if (chars.Count > 0 && chars[^1] != '-') chars.Add('-');
        }
        while (chars.Count > 0 && chars[^1] == '-') chars.RemoveAt(chars.Count - 1);
        return chars.Count == 0 ? "x" : new string(chars.ToArray());
    }
}
