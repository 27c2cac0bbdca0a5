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
    private readonly byte[] _input; // the file's bytes, rented: given back when the cursor is disposed
    private readonly List<DatasetError> _errors;
    private readonly Dictionary<string, int> _columns;
    private readonly int _width;
    private readonly int _firstError;
    private readonly List<DatasetError> _shapeErrors;
    private byte[] _bytes = ArrayPool<byte>.Shared.Rent(4096);
    private (int Start, int Length)[] _fields = new (int, int)[16];
    private int _fieldCount;

    private CsvCursor(CsvReader reader, byte[] input, string file, List<DatasetError> errors, Dictionary<string, int> columns, int width,
        int firstError, List<DatasetError> shapeErrors)
    {
        _reader = reader;
        _input = input;
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
        // Dataset files are small: each is read whole in one call and parsed in place, rather than through a stream and its buffer.
        byte[] bytes;
        int length;
        try
        {
            using var file = System.IO.File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var size = RandomAccess.GetLength(file);
            if (size > int.MaxValue / 2) throw new IOException($"{display} is {size} bytes long: too long for a dataset file");
            bytes = ArrayPool<byte>.Shared.Rent((int)size + 1);
            length = 0;
            for (int n; length < bytes.Length && (n = RandomAccess.Read(file, bytes.AsSpan(length), length)) > 0; length += n)
                if (length + n == bytes.Length) bytes = GrowCopy(bytes, length + n);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException
                                  || (e is UnauthorizedAccessException && System.IO.Directory.Exists(path)))
        {
            errors.Add(new DatasetError(display, 0, 0, $"the file is missing; expected a CSV with columns {string.Join(",", requiredColumns)}"));
            return null;
        }
        var firstError = errors.Count;
        var shapeErrors = new List<DatasetError>();
        var reader = CsvReader.Create(bytes.AsMemory(0, length), CsvTable.Options(','));
        try
        {
            if (!reader.Read())
            {
                errors.Add(new DatasetError(display, 0, 0, "the file is empty; expected a header row"));
                reader.Dispose();
                ArrayPool<byte>.Shared.Return(bytes);
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
                var cursor = new CsvCursor(reader, bytes, display, errors, columns, width, firstError, shapeErrors);
                using (cursor) while (cursor.Next()) { }
                return null;
            }
            return new CsvCursor(reader, bytes, display, errors, columns, width, firstError, shapeErrors);
        }
        catch (CsvFormatException e)
        {
            reader.Dispose();
            ArrayPool<byte>.Shared.Return(bytes);
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

    /// <summary>
    /// Copies every field of the current record into the buffer, trimmed of white space as <see cref="string.Trim()"/> trims it;
    /// returns how many fields are used (up to the last non-blank one).
    /// </summary>
    private int Decode()
    {
        var count = _reader.FieldCount;
        if (_fields.Length < count) _fields = new (int, int)[Math.Max(count, 2 * _fields.Length)];
        var position = 0;
        var used = 0;
        ReadOnlySpan<byte> input = _input;
        for (var i = 0; i < count; i++)
        {
            var field = _reader.GetSpan(i);
            var start = 0;
            var end = field.Length;
            while (start < end && IsAsciiSpace(field[start])) start++;
            while (end > start && IsAsciiSpace(field[end - 1])) end--;
            field = field[start..end];
            if (!field.IsEmpty && (field[0] >= 0x80 || field[^1] >= 0x80)) field = TrimOtherSpace(field);
            if (!field.IsEmpty) used = i + 1;
            // Most fields are a slice of the file's bytes, which stay put; only unescaped or re-trimmed ones are copied (start < 0).
            if (input.Overlaps(field, out var offset))
            {
                _fields[i] = (offset, field.Length);
                continue;
            }
            if (_bytes.Length - position < field.Length) Grow(position + field.Length);
            field.CopyTo(_bytes.AsSpan(position));
            _fields[i] = (~position, field.Length);
            position += field.Length;
        }
        _fieldCount = count;
        return used;
    }

    /// <summary>A larger rented buffer holding the first <paramref name="length"/> bytes of <paramref name="bytes"/> (a file that grew while it was read).</summary>
    private static byte[] GrowCopy(byte[] bytes, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(2 * bytes.Length);
        bytes.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(bytes);
        return larger;
    }

    private static bool IsAsciiSpace(byte b) => b is (>= 0x09 and <= 0x0D) or 0x20;

    /// <summary>Trims the white space outside ASCII (no-break and other Unicode spaces) that a field may begin or end with: rare, so done the slow way.</summary>
    private static ReadOnlySpan<byte> TrimOtherSpace(ReadOnlySpan<byte> field)
    {
        var text = Encoding.UTF8.GetString(field);
        var trimmed = text.Trim();
        return trimmed.Length == text.Length ? field : Encoding.UTF8.GetBytes(trimmed);
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 2 * _bytes.Length));
        _bytes.AsSpan().CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = larger;
    }

    /// <summary>A column of this file, found once in the header rather than on every row; <see cref="CsvColumn.Index"/> is -1 when the header lacks it.</summary>
    public CsvColumn Column(string name) => new(name, _columns.GetValueOrDefault(name, -1));

    public void Error(CsvColumn column, string message) => _errors.Add(new DatasetError(File, Line, column.Index + 1, message));

    /// <summary>The trimmed value (UTF-8) of a column in the current row; empty when blank or when the file has no such column. Valid until <see cref="Next"/>.</summary>
    public ReadOnlySpan<byte> Value(CsvColumn column)
    {
        var i = column.Index;
        if (i < 0 || i >= _fieldCount) return [];
        var (start, length) = _fields[i];
        return start >= 0 ? _input.AsSpan(start, length) : _bytes.AsSpan(~start, length);
    }

    public bool Has(CsvColumn column) => !Value(column).IsEmpty;

    /// <summary>The value as a new string, or null when blank: for text the model keeps and rarely repeats (names, notes).</summary>
    public string? Text(CsvColumn column)
    {
        var value = Value(column);
        return value.IsEmpty ? null : Encoding.UTF8.GetString(value);
    }

    private static string Show(ReadOnlySpan<byte> value) => Encoding.UTF8.GetString(value);

    public ReadOnlySpan<byte> Required(CsvColumn column, string what)
    {
        var value = Value(column);
        if (value.IsEmpty) Error(column, $"'{column.Name}' is empty; expected {what}");
        return value;
    }

    /// <summary>A required id, kept once in <paramref name="pool"/>; null (with the error recorded) when blank or not a slug.</summary>
    public string? Id(CsvColumn column, string what, StringPool pool)
    {
        var value = Required(column, what);
        if (value.IsEmpty) return null;
        if (!Slug.IsValid(value))
        {
            Error(column, $"'{Show(value)}' is not a valid id; expected {what} as a lower-case slug of a-z, 0-9 and '-'");
            return null;
        }
        return pool.Get(value);
    }

    public TEnum? Enum<TEnum>(CsvColumn column, bool required) where TEnum : struct, Enum
    {
        var value = Value(column);
        if (value.IsEmpty)
        {
            if (required) Error(column, $"'{column.Name}' is empty; expected one of: {Vocabulary<TEnum>.AllowedList}");
            return null;
        }
        if (Vocabulary<TEnum>.TryParse(value, out var parsed)) return parsed;
        Error(column, $"unknown {column.Name} '{Show(value)}'; expected one of: {Vocabulary<TEnum>.AllowedList}");
        return null;
    }

    public int? NonNegativeInt(CsvColumn column)
    {
        var value = Value(column);
        if (value.IsEmpty) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 1000) return n;
        Error(column, $"'{Show(value)}' is not a number of meetings; expected a whole number from 0 to 1000, or blank when not stated");
        return null;
    }

    public PartialDate? Date(CsvColumn column)
    {
        var value = Value(column);
        if (value.IsEmpty) return null;
        var text = Show(value);
        if (PartialDate.TryParse(text, out var date)) return date;
        Error(column, $"'{text}' is not a date; expected YYYY, YYYY-MM or YYYY-MM-DD, or blank when not stated");
        return null;
    }

    /// <summary>The row's <c>basis</c>: stated when blank or absent; an unknown word is an error on the cell (and reads as stated).</summary>
    public Basis Basis(CsvColumn column)
    {
        var value = Value(column);
        if (value.IsEmpty || value.SequenceEqual("stated"u8)) return Model.Basis.Stated;
        if (value.SequenceEqual("inferred"u8)) return Model.Basis.Inferred;
        Error(column, $"unknown basis '{Show(value)}'; expected stated, inferred, or blank (stated)");
        return Model.Basis.Stated;
    }

    public bool? YesNo(CsvColumn column)
    {
        var value = Value(column);
        if (value.IsEmpty) return null;
        if (value.SequenceEqual("yes"u8)) return true;
        if (value.SequenceEqual("no"u8)) return false;
        Error(column, $"unknown {column.Name} '{Show(value)}'; expected yes, no, or blank when not stated");
        return null;
    }

    /// <summary>A source reference, checked against <c>sources.csv</c> as it is read (an unknown source id is an error on this cell).</summary>
    public SourceRef? SourceRef(CsvColumn column, SourceCatalogue sources)
    {
        var value = Required(column, "a source id from sources.csv, optionally followed by #locator");
        if (value.IsEmpty) return null;
        var (reference, isSlug, isKnown) = sources.Judge(value);
        if (!isSlug)
        {
            Error(column, $"'{Show(value)}' is not a source reference; expected a source id (lower-case slug) optionally followed by #locator");
            return null;
        }
        if (!isKnown)
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
        ArrayPool<byte>.Shared.Return(_input);
        if (_bytes.Length > 0) ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
    }
}

/// <summary>A column of a CSV file: its name (for messages) and its 0-based position in the header, -1 when absent.</summary>
internal readonly record struct CsvColumn(string Name, int Index);
