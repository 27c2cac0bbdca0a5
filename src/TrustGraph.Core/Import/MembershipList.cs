using TrustGraph.Loading;
using TrustGraph.Model;

namespace TrustGraph.Import;

/// <summary>A column of the file and the field it was read as (<c>"Job title"</c>, column 2 → post).</summary>
public sealed record ColumnMatch(int Column, string Header, ImportField Field);

/// <summary>
/// One row of a membership list, read into the contract's terms. <see cref="PartnerCategory"/> is null when the
/// cell is blank (or the file has no such column): the planner keeps the seat's category or infers one.
/// <see cref="VacantBecause"/> says why a seat was read as vacant ("the name is 'TBC'"), for the preview.
/// </summary>
public sealed record MembershipRow(
    int Line, string? Body, string? Post, string? Person, string? Agency, PartnerCategory? PartnerCategory,
    SeatRole Role, bool? Voting, SeatStatus Status, SourceRef? Source)
{
    public string? VacantBecause { get; init; }

    /// <summary>Where the row's role was read from when it was written into another cell ("the name 'Gail Quinton (Chair)'"); null when it came from a role column or is the default.</summary>
    public string? RoleTakenFrom { get; init; }

    public string Label => Person ?? Post ?? "(unnamed seat)";
}

/// <summary>
/// A membership list as read from a spreadsheet's CSV export: how it was read (encoding, separator, which columns meant
/// what, which were ignored) and its rows. <see cref="IsContractFormat"/> is true for a file with every column of the
/// contract's memberships.csv (an export of TrustGraph): such a file is read literally, blanks meaning "not stated".
/// </summary>
public sealed record MembershipList(
    string FileName, string Encoding, char Separator, int HeaderLine, bool IsContractFormat,
    IReadOnlyList<ColumnMatch> Columns, IReadOnlyList<string> IgnoredColumns, IReadOnlyList<MembershipRow> Rows)
{
    /// <summary>True when the file has a column for the field (a first-name or surname column counts as a name column).</summary>
    public bool Has(ImportField field) =>
        Columns.Any(c => c.Field == field || (field == ImportField.Person && ImportVocabulary.IsNameField(c.Field)));

    /// <summary>The 1-based column number of a field, or 0 when the file has none.</summary>
    public int ColumnOf(ImportField field) => Columns.FirstOrDefault(c => c.Field == field)?.Column ?? 0;

    /// <summary>Things a person should know that did not stop the import: title rows skipped, a stray quote kept as text.</summary>
    public IReadOnlyList<DatasetError> Warnings { get; init; } = [];

    public string SeparatorName => Separator switch { ',' => "commas", ';' => "semicolons", '\t' => "tabs", '|' => "vertical bars", _ => $"'{Separator}'" };
}
