using CsvHelper;
using TrustGraph.Loading;
using TrustGraph.Model;
using TrustGraph.Storage;

namespace TrustGraph.Drafting;

/// <summary>
/// The bytes of an authority's files with a draft's rows replaced. Every row that is not the draft's stays exactly as
/// it was read (unknown columns and all); the draft's rows are written where its first row was, so a file does not
/// reshuffle as a draft is edited. A column the draft needs that the header lacks (a v1 file's <c>basis</c>) is added.
/// </summary>
internal static class DraftFiles
{
    public static IEnumerable<string> AuthorityFiles(string authorityId) => DatasetLoader.AuthorityFiles.Select(f => $"{authorityId}/{f}");

    private static readonly string[] ArrangementColumns = ["id", "status", "in_force", "source", "note"];
    private static readonly string[] LineColumns = ["from", "to", "kind", "source", "basis", "note"];
    private static readonly string[] DutyColumns = ["body", "duty", "outcome", "source", "basis", "note"];

    /// <summary>
    /// The files to write so the draft <paramref name="arrangementId"/> (whose bodies on disk are <paramref name="bodiesOnDisk"/>)
    /// becomes <paramref name="rows"/>, or disappears when it is null. Only files whose bytes change are returned, in an
    /// order that keeps the dataset valid if a crash stops the writing between two of them.
    /// </summary>
    public static List<PlannedFile> Plan(string dataDir, string authorityId, string arrangementId, IReadOnlySet<string> bodiesOnDisk,
        DraftRows? rows, Source? addSource, string? removeSource, bool removes, List<DatasetError> errors)
    {
        var files = new List<PlannedFile>();
        void Add(string relative, byte[]? content)
        {
            if (content is null) return;
            var path = Path.Combine(dataDir, relative.Replace('/', Path.DirectorySeparatorChar));
            var before = File.Exists(path) ? File.ReadAllBytes(path) : null;
            if (before is not null && before.AsSpan().SequenceEqual(content)) return;
            files.Add(new PlannedFile(relative, content, before is null ? null : AtomicFile.Sha256(before)));
        }
        string Full(string relative) => Path.Combine(dataDir, relative.Replace('/', Path.DirectorySeparatorChar));

        if (addSource is not null) Add("sources.csv", DatasetFiles.AppendSource(Full("sources.csv"), "sources.csv", addSource, errors));
        if (removeSource is not null)
            Add("sources.csv", Replace(Full("sources.csv"), "sources.csv", get => get("id") == removeSource, ["id", "title", "publisher", "date"], [], errors));

        var a = $"{authorityId}/";
        Add(a + "arrangements.csv", Replace(Full(a + "arrangements.csv"), a + "arrangements.csv", get => get("id") == arrangementId, ArrangementColumns,
            rows is null ? [] : [ArrangementRow(rows)], errors));
        Add(a + "bodies.csv", Replace(Full(a + "bodies.csv"), a + "bodies.csv", get => get("arrangement") == arrangementId, DatasetWriter.BodyColumns,
            rows?.Bodies.Select(DatasetWriter.BodyRow) ?? [], errors));
        Add(a + "memberships.csv", Replace(Full(a + "memberships.csv"), a + "memberships.csv", get => Owned(get("body")), DatasetWriter.MembershipColumns,
            rows?.Seats.Select(DatasetWriter.MembershipRow) ?? [], errors));
        Add(a + "accountability.csv", Replace(Full(a + "accountability.csv"), a + "accountability.csv", get => Owned(get("from")) || Owned(get("to")), LineColumns,
            rows?.Lines.Select(l => new[] { l.From, l.To, l.Kind.ToWord(), l.Source.ToString(), Basis(l.Basis), l.Note }) ?? [], errors));
        Add(a + "duties.csv", Replace(Full(a + "duties.csv"), a + "duties.csv", get => Owned(get("body")), DutyColumns,
            rows?.Duties.Select(d => new[] { d.Body, d.Text, d.Outcome?.ToWord(), d.Source.ToString(), Basis(d.Basis), d.Note }) ?? [], errors));

        if (removes) files.Reverse();
        return files;

        bool Owned(string? id) => id is not null && bodiesOnDisk.Contains(id);
    }

    private static string?[] ArrangementRow(DraftRows rows) =>
        [rows.Arrangement.Id, rows.Arrangement.Status.ToWord(), rows.InForceTyped ? rows.InForceText : rows.Arrangement.InForce?.ToString(),
         rows.Arrangement.Source.ToString(), rows.Arrangement.Note];

    private static string? Basis(Basis basis) => basis == Model.Basis.Inferred ? "inferred" : null;

    /// <summary>
    /// The file with the rows <paramref name="isDrafts"/> picks taken out and <paramref name="replacement"/> (values in the
    /// order of <paramref name="columns"/>) put where the first of them was, or at the end.
    /// </summary>
    private static byte[]? Replace(string path, string display, Func<Func<string, string?>, bool> isDrafts, string[] columns,
        IEnumerable<string?[]> replacement, ICollection<DatasetError> errors)
    {
        var original = File.ReadAllBytes(path);
        var table = CsvTable.Read(path, display, errors);
        if (table is null) return null;

        var header = new List<string>(Enumerable.Repeat("", table.ColumnNames.Count == 0 ? 0 : table.ColumnNames.Max(table.IndexOf) + 1));
        foreach (var name in table.ColumnNames) header[table.IndexOf(name)] = name;
        var newRows = replacement.ToList();
        var positions = new int[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            positions[c] = table.IndexOf(columns[c]);
            if (positions[c] >= 0 || newRows.All(r => r[c] is null)) continue;
            positions[c] = header.Count;
            header.Add(columns[c]);
        }

        var rows = new List<string?[]>();
        var insertAt = -1;
        foreach (var row in table.Rows)
        {
            string? Get(string column)
            {
                var i = table.IndexOf(column);
                return i < 0 || i >= row.Fields.Length || string.IsNullOrWhiteSpace(row.Fields[i]) ? null : row.Fields[i].Trim();
            }
            if (isDrafts(Get))
            {
                if (insertAt < 0) insertAt = rows.Count;
                continue;
            }
            var fields = new string?[header.Count];
            Array.Copy(row.Fields, fields, Math.Min(fields.Length, row.Fields.Length));
            rows.Add(fields);
        }
        var rendered = newRows.Select(values =>
        {
            var fields = new string?[header.Count];
            for (var c = 0; c < columns.Length; c++)
                if (positions[c] >= 0) fields[positions[c]] = values[c];
            return fields;
        });
        rows.InsertRange(insertAt < 0 ? rows.Count : insertAt, rendered);
        return Render(original, [.. header], rows);
    }

    private static byte[] Render(byte[] original, string[] header, IEnumerable<string?[]> rows)
    {
        var newline = original.AsSpan().IndexOf("\r\n"u8) >= 0 ? "\r\n" : "\n";
        var bom = original.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        using var stream = new MemoryStream();
        using (var writer = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = newline, Injection = CsvInjection.None, WriteByteOrderMark = bom }, leaveOpen: true))
        {
            writer.WriteHeader(header);
            foreach (var row in rows) writer.WriteRecord(row.Select(v => v ?? "").ToArray());
            writer.Flush();
        }
        return stream.ToArray();
    }
}
