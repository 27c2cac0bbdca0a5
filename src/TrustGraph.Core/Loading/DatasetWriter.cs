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
        WriteFile(Path.Combine(folder, "arrangements.csv"), ["id", "status", "in_force", "source", "note"],
            a.Arrangements.Select(x => new[] { x.Id, x.Status.ToWord(), x.InForce?.ToString(), x.Source.ToString(), x.Note }));
        WriteFile(Path.Combine(folder, "bodies.csv"), BodyColumns, a.Bodies.Select(BodyRow));
        WriteMemberships(a.Seats, Path.Combine(folder, "memberships.csv"));
        WriteFile(Path.Combine(folder, "accountability.csv"), ["from", "to", "kind", "source", "basis", "note"],
            a.Lines.Select(l => new[] { l.From, l.To, l.Kind.ToWord(), l.Source.ToString(), BasisWord(l.Basis), l.Note }));
        WriteFile(Path.Combine(folder, "duties.csv"), ["body", "duty", "outcome", "source", "basis", "note"],
            a.Duties.Select(d => new[] { d.Body, d.Text, d.Outcome?.ToWord(), d.Source.ToString(), BasisWord(d.Basis), d.Note }));
    }

    /// <summary>The columns of <c>bodies.csv</c> as TrustGraph writes it (contract v1.1, optional columns included).</summary>
    public static readonly string[] BodyColumns =
        ["id", "name", "kind", "layer", "arrangement", "meets_per_year", "source", "part_of", "membership_listed", "basis", "note"];

    public static string?[] BodyRow(Body b) =>
        [b.Id, b.Name, b.Kind.ToWord(), b.Layer.ToWord(), b.Arrangement, b.MeetsPerYear?.ToString(), b.Source.ToString(),
         b.PartOf, b.MembershipPartial ? "partial" : null, BasisWord(b.Basis), b.Note];

    /// <summary>The columns every membership file has (contract v1); <see cref="MembershipColumns"/> adds v1.1's provenance.</summary>
    public static readonly string[] RequiredMembershipColumns =
        ["body", "post", "person", "agency", "partner_category", "role", "voting", "status", "source"];

    public static readonly string[] MembershipColumns =
        ["body", "post", "person", "agency", "partner_category", "role", "voting", "status", "source", "basis", "note"];

    public static string?[] MembershipRow(Seat s) =>
        [s.Body, s.Post, s.Person, s.Agency, s.PartnerCategory?.ToWord(), s.Role.ToWord(),
         s.Voting switch { true => "yes", false => "no", _ => null }, s.Status.ToWord(), s.Source.ToString(), BasisWord(s.Basis), s.Note];

    /// <summary>Stated rows are written with a blank basis (the contract's default), so a file reads as the papers do: only inferences are marked.</summary>
    private static string? BasisWord(Basis basis) => basis == Basis.Inferred ? "inferred" : null;

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
