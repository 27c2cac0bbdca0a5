using CsvHelper;
using TrustGraph.Model;

namespace TrustGraph.Loading;

/// <summary>
/// Writes a dataset in the contract's format, so that loading it gives the same dataset back. Every file is
/// replaced atomically: written to a temporary file beside it, flushed to disk, then renamed over the old one,
/// so a reader (or a crash) sees the old file or the new one, never half of one.
/// </summary>
public static class DatasetWriter
{
    public static void Write(Dataset dataset, string directory)
    {
        Directory.CreateDirectory(directory);
        WriteFile(Path.Combine(directory, "sources.csv"), ["id", "title", "publisher", "date"],
            dataset.Sources.Select(s => new[] { s.Id, s.Title, s.Publisher, s.Date }));
        WriteFile(Path.Combine(directory, "authorities.csv"), ["id", "name", "ons_code", "tier"],
            dataset.Authorities.Select(a => new[] { a.Id, a.Authority.Name, a.Authority.OnsCode, a.Authority.Tier?.ToWord() }));
        foreach (var authority in dataset.Authorities)
            WriteAuthority(authority, Path.Combine(directory, authority.Id));
    }

    public static void WriteAuthority(AuthorityStructure a, string folder)
    {
        Directory.CreateDirectory(folder);
        WriteFile(Path.Combine(folder, "arrangements.csv"), ["id", "status", "in_force", "source"],
            a.Arrangements.Select(x => new[] { x.Id, x.Status.ToWord(), x.InForce?.ToString(), x.Source.ToString() }));
        var extensions = a.Bodies.Any(b => b.PartOf is not null || b.MembershipPartial);
        string[] bodyColumns = extensions
            ? ["id", "name", "kind", "layer", "arrangement", "meets_per_year", "source", "part_of", "membership_listed"]
            : ["id", "name", "kind", "layer", "arrangement", "meets_per_year", "source"];
        WriteFile(Path.Combine(folder, "bodies.csv"), bodyColumns,
            a.Bodies.Select(b => new[]
                {
                    b.Id, b.Name, b.Kind.ToWord(), b.Layer.ToWord(), b.Arrangement, b.MeetsPerYear?.ToString(), b.Source.ToString(),
                    b.PartOf, b.MembershipPartial ? "partial" : null,
                }
                .Take(bodyColumns.Length).ToArray()));
        WriteMemberships(a.Seats, Path.Combine(folder, "memberships.csv"));
        WriteFile(Path.Combine(folder, "accountability.csv"), ["from", "to", "kind", "source"],
            a.Lines.Select(l => new[] { l.From, l.To, l.Kind.ToWord(), l.Source.ToString() }));
        WriteFile(Path.Combine(folder, "duties.csv"), ["body", "duty", "outcome", "source"],
            a.Duties.Select(d => new[] { d.Body, d.Text, d.Outcome?.ToWord(), d.Source.ToString() }));
    }

    public static readonly string[] MembershipColumns =
        ["body", "post", "person", "agency", "partner_category", "role", "voting", "status", "source"];

    public static string?[] MembershipRow(Seat s) =>
        [s.Body, s.Post, s.Person, s.Agency, s.PartnerCategory?.ToWord(), s.Role.ToWord(),
         s.Voting switch { true => "yes", false => "no", _ => null }, s.Status.ToWord(), s.Source.ToString()];

    /// <summary>
    /// Writes a membership list. <paramref name="forSpreadsheets"/> puts an apostrophe before cells a spreadsheet would
    /// run as formulas (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>); the import reader takes it off again.
    /// </summary>
    public static void WriteMemberships(IEnumerable<Seat> seats, string path, bool forSpreadsheets = false) =>
        WriteFile(path, MembershipColumns, seats.Select(MembershipRow), forSpreadsheets);

    /// <summary>Writes one CSV file atomically (temp file, flush to disk, rename).</summary>
    public static void WriteFile(string path, string[] header, IEnumerable<string?[]> rows, bool escapeFormulas = false)
    {
        var temp = path + $".tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using (var writer = CsvWriter.Create(stream, new CsvWriterOptions { NewLine = "\n", Injection = escapeFormulas ? CsvInjection.Escape : CsvInjection.None }, leaveOpen: true))
                {
                    writer.WriteHeader(header);
                    foreach (var row in rows) writer.WriteRecord(row.Select(v => v ?? "").ToArray());
                    writer.Flush();
                }
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
