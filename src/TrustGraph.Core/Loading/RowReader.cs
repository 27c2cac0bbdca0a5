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
    public void ForgetParsed() => _parsed.Clear();

    public SourceRef Parse(string text)
    {
        if (!_parsed.TryGetValue(text, out var reference)) _parsed.Add(text, reference = Model.SourceRef.Parse(text));
        return reference;
    }

    /// <summary>The same, for a value still in the reader's buffer: a reference parsed before costs no string.</summary>
    public SourceRef Parse(ReadOnlySpan<char> text)
    {
        var lookup = _parsed.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var reference)) return reference;
        var key = new string(text);
        _parsed.Add(key, reference = Model.SourceRef.Parse(key));
        return reference;
    }
}

/// <summary>
/// One string per distinct value: ids, posts and agencies repeat on row after row, and the model should keep one copy of each
/// rather than one per row. Values are looked up as spans, so a repeat costs no allocation at all.
/// </summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);

    public string? Get(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return null;
        var lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var same)) return same;
        var kept = new string(value);
        _strings.Add(kept);
        return kept;
    }

    public void Clear() => _strings.Clear();
}

/// <summary>Ids in the dataset are lower-case slugs: <c>[a-z0-9-]+</c>.</summary>
public static class Slug
{
    public static bool IsValid(string text) => IsValid(text.AsSpan());

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
