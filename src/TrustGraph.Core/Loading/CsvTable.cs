using CsvHelper;

namespace TrustGraph.Loading;

/// <summary>A row of a CSV file with the line it starts on, so every error can point at it.</summary>
public readonly record struct CsvRow(int Line, string[] Fields);

/// <summary>
/// A CSV file read whole with CsvHelper's parser: the header's column positions (matched case-insensitively,
/// surrounding spaces ignored) and the rows. Problems with the file's shape are collected, not thrown.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;
    private (string Name, int Index)[] _asked = [];

    private CsvTable(string file, Dictionary<string, int> columns, List<CsvRow> rows)
    {
        File = file;
        _columns = columns;
        Rows = rows;
    }

    public string File { get; }
    public IReadOnlyList<CsvRow> Rows { get; }
    public IReadOnlyCollection<string> ColumnNames => _columns.Keys;

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

    public static CsvTable? Read(string path, string displayName, ICollection<DatasetError> errors)
    {
        using var reader = CsvReader.FromFile(path, Options(','));
        return Read(reader, displayName, errors);
    }

    /// <summary>Reads CSV held in memory (an upload, or bytes already decoded to text), with a known separator.</summary>
    public static CsvTable? FromText(string text, string displayName, ICollection<DatasetError> errors, char separator = ',')
    {
        using var reader = CsvReader.FromText(text, Options(separator));
        return Read(reader, displayName, errors);
    }

    /// <summary>How TrustGraph reads any CSV: RFC 4180 with line breaks in quotes, lines counted, malformed quoting recovered, records capped at 1 MB.</summary>
    internal static CsvReaderOptions Options(char separator) => new()
    {
        Separator = separator,
        HasHeader = false,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        AllowLineBreaksInQuotes = true,
        MalformedData = CsvMalformedDataHandling.Recover,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        DetectSeparatorHint = false,
        MaxRecordSize = 1 << 20,
    };

    private static CsvTable? Read(CsvReader reader, string displayName, ICollection<DatasetError> errors)
    {
        string[] Fields()
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i) ?? "";
            return fields;
        }

        try
        {
            if (!reader.Read())
            {
                errors.Add(new DatasetError(displayName, 0, 0, "the file is empty; expected a header row"));
                return null;
            }

            var header = Fields();
            var headerLine = (int)reader.LineNumber;
            var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
            {
                var name = header[i].Trim().TrimStart('\uFEFF');
                if (name.Length == 0) continue;
                if (!columns.TryAdd(name, i))
                    errors.Add(new DatasetError(displayName, headerLine, i + 1,
                        $"column '{name}' appears twice in the header (also column {columns[name] + 1})"));
            }
            var width = LastNonBlank(header) + 1;

            var rows = new List<CsvRow>();
            while (reader.Read())
            {
                var fields = Fields();
                var line = (int)reader.LineNumber;
                var used = LastNonBlank(fields) + 1;
                if (used == 0) continue;
                if (used > width)
                {
                    errors.Add(new DatasetError(displayName, line, width + 1,
                        $"this row has {used} fields but the header has {width}; expected at most {width} (is a comma missing its quotes?)"));
                    continue;
                }
                rows.Add(new CsvRow(line, fields));
            }
            return new CsvTable(displayName, columns, rows);
        }
        catch (CsvFormatException e)
        {
            errors.Add(new DatasetError(displayName, (int)e.LineNumber, 0, $"the file is not valid CSV: {e.Message}"));
            return null;
        }
    }

    private static int LastNonBlank(string[] fields)
    {
        for (var i = fields.Length - 1; i >= 0; i--)
            if (!string.IsNullOrWhiteSpace(fields[i])) return i;
        return -1;
    }
}
