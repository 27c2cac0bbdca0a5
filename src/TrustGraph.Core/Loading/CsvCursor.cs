using System.Buffers;
using System.Globalization;
using System.Text;
using CsvHelper;
using TrustGraph.Model;

namespace TrustGraph.Loading;

/// <summary>
/// A dataset file read one row at a time with CsvHelper's parser, for the loader's hot path. Each row's fields are decoded once
/// into a reused buffer and trimmed, values are checked as spans, and only the strings the model keeps are made. The file's
/// shape is judged as <see cref="CsvTable"/> judges it (the header's columns, blank rows skipped, rows wider than the header
/// reported), and every value error names the file, the row's line and the column, as <see cref="RowReader"/> names them.
/// </summary>
internal sealed class CsvCursor : IDisposable
{
    private readonly CsvReader _reader;
    private readonly List<DatasetError> _errors;
    private readonly Dictionary<string, int> _columns;
    private readonly int _width;
    private readonly int _firstError;
    private readonly List<DatasetError> _shapeErrors;
    private (string Name, int Index)[] _asked = [];
    private char[] _chars = ArrayPool<char>.Shared.Rent(4096);
    private (int Start, int Length)[] _fields = new (int, int)[16];
    private int _fieldCount;

    private CsvCursor(CsvReader reader, string file, List<DatasetError> errors, Dictionary<string, int> columns, int width,
        int firstError, List<DatasetError> shapeErrors)
    {
        _reader = reader;
        File = file;
        _errors = errors;
        _columns = columns;
        _width = width;
        _firstError = firstError;
        _shapeErrors = shapeErrors;
    }

    public string File { get; }

    /// <summary>The line the current row starts on.</summary>
    public int Line { get; private set; }

    /// <summary>
    /// True when the file proved not to be CSV part way through. The errors found in its rows have then been withdrawn, as
    /// <see cref="CsvTable"/> would never have given those rows, and the caller must drop what it made of them.
    /// </summary>
    public bool Failed { get; private set; }

    public IReadOnlyCollection<string> ColumnNames => _columns.Keys;

    /// <summary>
    /// Opens a file and reads its header; null (with the error recorded) when the file is missing, empty or not CSV, or when the
    /// header lacks one of <paramref name="requiredColumns"/>.
    /// </summary>
    public static CsvCursor? Open(string path, string display, string[] requiredColumns, List<DatasetError> errors)
    {
        if (!System.IO.File.Exists(path))
        {
            errors.Add(new DatasetError(display, 0, 0, $"the file is missing; expected a CSV with columns {string.Join(",", requiredColumns)}"));
            return null;
        }
        var firstError = errors.Count;
        var shapeErrors = new List<DatasetError>();
        var reader = CsvReader.FromFile(path, CsvTable.Options(','));
        try
        {
            if (!reader.Read())
            {
                errors.Add(new DatasetError(display, 0, 0, "the file is empty; expected a header row"));
                reader.Dispose();
                return null;
            }
            var headerLine = (int)reader.LineNumber;
            var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            var width = 0;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var text = reader.GetString(i) ?? "";
                if (!string.IsNullOrWhiteSpace(text)) width = i + 1;
                var name = text.Trim().TrimStart('\uFEFF');
                if (name.Length == 0) continue;
                if (!columns.TryAdd(name, i))
                    shapeErrors.Add(new DatasetError(display, headerLine, i + 1,
                        $"column '{name}' appears twice in the header (also column {columns[name] + 1})"));
            }
            errors.AddRange(shapeErrors);
            var missing = requiredColumns.Where(c => !columns.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                foreach (var column in missing)
                    errors.Add(new DatasetError(display, 1, 0,
                        $"the header has no '{column}' column; expected columns {string.Join(",", requiredColumns)} (found {string.Join(",", columns.Keys)})"));
                // A file with no valid CSV after its header reports that alone, as CsvTable reads the whole file before the columns are checked.
                var cursor = new CsvCursor(reader, display, errors, columns, width, firstError, shapeErrors);
                using (cursor) while (cursor.Next()) { }
                return null;
            }
            return new CsvCursor(reader, display, errors, columns, width, firstError, shapeErrors);
        }
        catch (CsvFormatException e)
        {
            reader.Dispose();
            errors.RemoveRange(firstError, errors.Count - firstError);
            errors.AddRange(shapeErrors);
            errors.Add(new DatasetError(display, (int)e.LineNumber, 0, $"the file is not valid CSV: {e.Message}"));
            return null;
        }
    }

    /// <summary>Moves to the next row that holds anything, reporting (and skipping) rows wider than the header.</summary>
    public bool Next()
    {
        if (Failed) return false;
        try
        {
            while (_reader.Read())
            {
                var used = Decode();
                if (used == 0) continue;
                Line = (int)_reader.LineNumber;
                if (used > _width)
                {
                    var error = new DatasetError(File, Line, _width + 1,
                        $"this row has {used} fields but the header has {_width}; expected at most {_width} (is a comma missing its quotes?)");
                    _shapeErrors.Add(error);
                    _errors.Add(error);
                    continue;
                }
                return true;
            }
            return false;
        }
        catch (CsvFormatException e)
        {
            Failed = true;
            _errors.RemoveRange(_firstError, _errors.Count - _firstError);
            _errors.AddRange(_shapeErrors);
            _errors.Add(new DatasetError(File, (int)e.LineNumber, 0, $"the file is not valid CSV: {e.Message}"));
            return false;
        }
    }

    /// <summary>Decodes every field of the current record into the buffer, trimmed; returns how many fields are used (up to the last non-blank one).</summary>
    private int Decode()
    {
        var count = _reader.FieldCount;
        if (_fields.Length < count) _fields = new (int, int)[Math.Max(count, 2 * _fields.Length)];
        var position = 0;
        var used = 0;
        for (var i = 0; i < count; i++)
        {
            var bytes = _reader.GetSpan(i);
            if (_chars.Length - position < bytes.Length) Grow(position + bytes.Length);
            var n = Encoding.UTF8.GetChars(bytes, _chars.AsSpan(position));
            var value = _chars.AsSpan(position, n);
            var start = 0;
            while (start < n && char.IsWhiteSpace(value[start])) start++;
            var end = n;
            while (end > start && char.IsWhiteSpace(value[end - 1])) end--;
            _fields[i] = (position + start, end - start);
            if (end > start) used = i + 1;
            position += n;
        }
        _fieldCount = count;
        return used;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(needed, 2 * _chars.Length));
        _chars.AsSpan().CopyTo(larger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = larger;
    }

    /// <summary>The 0-based index of a column, or -1 when the header lacks it.</summary>
    public int IndexOf(string column)
    {
        // Callers ask for the same few column names (string literals) on every row: answer those by reference first.
        foreach (var (name, index) in _asked)
            if (ReferenceEquals(name, column)) return index;
        var found = _columns.GetValueOrDefault(column, -1);
        if (_asked.Length < 16) _asked = [.. _asked, (column, found)];
        return found;
    }

    public int ColumnNumber(string column) => IndexOf(column) + 1;

    public void Error(string column, string message) => _errors.Add(new DatasetError(File, Line, ColumnNumber(column), message));

    /// <summary>The trimmed value of a column in the current row; empty when blank or when the file has no such column. Valid until <see cref="Next"/>.</summary>
    public ReadOnlySpan<char> Value(string column)
    {
        var i = IndexOf(column);
        if (i < 0 || i >= _fieldCount) return [];
        var (start, length) = _fields[i];
        return _chars.AsSpan(start, length);
    }

    public bool Has(string column) => !Value(column).IsEmpty;

    /// <summary>The value as a new string, or null when blank: for text the model keeps and rarely repeats (names, notes).</summary>
    public string? Text(string column)
    {
        var value = Value(column);
        return value.IsEmpty ? null : new string(value);
    }

    public ReadOnlySpan<char> Required(string column, string what)
    {
        var value = Value(column);
        if (value.IsEmpty) Error(column, $"'{column}' is empty; expected {what}");
        return value;
    }

    /// <summary>A required id, kept once in <paramref name="pool"/>; null (with the error recorded) when blank or not a slug.</summary>
    public string? Id(string column, string what, StringPool pool)
    {
        var value = Required(column, what);
        if (value.IsEmpty) return null;
        if (!Slug.IsValid(value))
        {
            Error(column, $"'{value}' is not a valid id; expected {what} as a lower-case slug of a-z, 0-9 and '-'");
            return null;
        }
        return pool.Get(value);
    }

    public TEnum? Enum<TEnum>(string column, bool required) where TEnum : struct, Enum
    {
        var value = Value(column);
        if (value.IsEmpty)
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
        var value = Value(column);
        if (value.IsEmpty) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 1000) return n;
        Error(column, $"'{value}' is not a number of meetings; expected a whole number from 0 to 1000, or blank when not stated");
        return null;
    }

    public PartialDate? Date(string column)
    {
        var value = Value(column);
        if (value.IsEmpty) return null;
        if (PartialDate.TryParse(value, out var date)) return date;
        Error(column, $"'{value}' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD, or blank when not stated");
        return null;
    }

    /// <summary>The row's <c>basis</c>: stated when blank or absent; an unknown word is an error on the cell (and reads as stated).</summary>
    public Basis Basis()
    {
        var value = Value("basis");
        if (value.IsEmpty || value.SequenceEqual("stated")) return Model.Basis.Stated;
        if (value.SequenceEqual("inferred")) return Model.Basis.Inferred;
        Error("basis", $"unknown basis '{value}'; expected stated, inferred, or blank (stated)");
        return Model.Basis.Stated;
    }

    public bool? YesNo(string column)
    {
        var value = Value(column);
        if (value.IsEmpty) return null;
        if (value.SequenceEqual("yes")) return true;
        if (value.SequenceEqual("no")) return false;
        Error(column, $"unknown {column} '{value}'; expected yes, no, or blank when not stated");
        return null;
    }

    /// <summary>A source reference, checked against <c>sources.csv</c> as it is read (an unknown source id is an error on this cell).</summary>
    public SourceRef? SourceRef(string column, SourceCatalogue sources)
    {
        var value = Required(column, "a source id from sources.csv, optionally followed by #locator");
        if (value.IsEmpty) return null;
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

    /// <summary>Records where an inferred row was read, so findings that rest on it can point at it; returns the row.</summary>
    public T Remember<T>(T row) where T : class, IHasBasis
    {
        if (row.Basis == Model.Basis.Inferred) RowOrigin.Remember(row, new RowOrigin(File, Line));
        return row;
    }

    public void Dispose()
    {
        _reader.Dispose();
        if (_chars.Length > 0) ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
    }
}
