using CsvHelper;
using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Storage;

/// <summary>
/// The bytes of dataset files after a change, made from the files on disk so that nothing a person put there is lost:
/// columns the contract does not know are kept, rows that did not change keep their values, the header keeps its order,
/// and a byte order mark and CRLF line ends stay if the file had them.
/// </summary>
public static class DatasetFiles
{
    /// <summary>
    /// memberships.csv with <paramref name="seats"/>. <paramref name="origins"/> gives, for each seat, the row of the
    /// file (as loaded: the n-th seat is the n-th row) it continues, whose unknown columns it keeps; null for a new seat.
    /// </summary>
    public static byte[]? Memberships(string path, string display, IReadOnlyList<Seat> loaded, IReadOnlyList<Seat> seats,
        IReadOnlyList<int?> origins, ICollection<DatasetError> errors) =>
        Memberships(File.ReadAllBytes(path), display, loaded, seats, origins, errors);

    /// <summary>As above, from the bytes of memberships.csv read once (so that the bytes hashed are the bytes used).</summary>
    public static byte[]? Memberships(byte[] original, string display, IReadOnlyList<Seat> loaded, IReadOnlyList<Seat> seats,
        IReadOnlyList<int?> origins, ICollection<DatasetError> errors)
    {
        var table = CsvTable.FromText(Decode(original), display, errors);
        if (table is null) return null;
        if (table.Rows.Count != loaded.Count)
        {
            errors.Add(new DatasetError(display, 0, 0,
                $"the file has {table.Rows.Count} seats but the dataset in memory has {loaded.Count}; it changed after it was loaded (load it again)"));
            return null;
        }
        var header = Header(table);
        var positions = DatasetWriter.MembershipColumns.Select(table.IndexOf).ToArray();
        var rows = new List<string?[]>();
        for (var i = 0; i < seats.Count; i++)
        {
            var fields = new string?[header.Length];
            if (origins[i] is int o)
                Array.Copy(table.Rows[o].Fields, fields, Math.Min(fields.Length, table.Rows[o].Fields.Length));
            if (origins[i] is not int same || loaded[same] != seats[i])
            {
                var values = DatasetWriter.MembershipRow(seats[i]);
                for (var c = 0; c < positions.Length; c++) fields[positions[c]] = values[c];
            }
            rows.Add(fields);
        }
        return Render(original, header, rows, withHeader: true);
    }

    /// <summary>sources.csv with one row added at the end; every existing byte stays as it was.</summary>
    public static byte[]? AppendSource(string path, string display, Source source, ICollection<DatasetError> errors) =>
        AppendSource(File.ReadAllBytes(path), display, source, errors);

    /// <summary>As above, from the bytes of sources.csv read once.</summary>
    public static byte[]? AppendSource(byte[] original, string display, Source source, ICollection<DatasetError> errors)
    {
        var table = CsvTable.FromText(Decode(original), display, errors);
        if (table is null) return null;
        var header = Header(table);
        var fields = new string?[header.Length];
        fields[table.IndexOf("id")] = source.Id;
        fields[table.IndexOf("title")] = source.Title;
        fields[table.IndexOf("publisher")] = source.Publisher;
        fields[table.IndexOf("date")] = source.Date;
        var row = Render(original, header, [fields], withHeader: false);
        var newline = NewLine(original);
        var needsBreak = original.Length > 0 && original[^1] != '\n';
        return [.. original, .. needsBreak ? System.Text.Encoding.ASCII.GetBytes(newline) : [], .. row];
    }

    private static string Decode(byte[] bytes) => new System.Text.UTF8Encoding(false).GetString(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsSpan(3) : bytes);

    private static string[] Header(CsvTable table)
    {
        var header = new string[table.ColumnNames.Max(table.IndexOf) + 1];
        Array.Fill(header, "");
        foreach (var name in table.ColumnNames) header[table.IndexOf(name)] = name;
        return header;
    }

    private static byte[] Render(byte[] original, string[] header, IEnumerable<string?[]> rows, bool withHeader)
    {
        using var stream = new MemoryStream();
        var bom = withHeader && original.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        using (var writer = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = NewLine(original), Injection = CsvInjection.None, WriteByteOrderMark = bom }, leaveOpen: true))
        {
            if (withHeader) writer.WriteHeader(header);
            foreach (var row in rows) writer.WriteRecord(row.Select(v => v ?? "").ToArray());
            writer.Flush();
        }
        return stream.ToArray();
    }

    private static string NewLine(byte[] original) =>
        original.AsSpan().IndexOf("\r\n"u8) >= 0 ? "\r\n" : "\n";
}
