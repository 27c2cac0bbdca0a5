using TrustGraph.Analyses;
using TrustGraph.Model;
using TrustGraph.Storage;

namespace TrustGraph.Import;

/// <summary>
/// How a membership list meets the seats a body already has. <c>Replace</c>: the body's seats become the file's rows
/// (seats not in the file are removed). <c>Merge</c>: each row updates the seat it matches (same person, else same post)
/// or adds one; nothing is removed.
/// </summary>
public enum ImportMode { Replace, Merge }

/// <summary>One field of a seat that an import changes, in the words of memberships.csv (blank is null).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>A seat the import adds, from line <see cref="Line"/> of the file; <see cref="Inferred"/> when its category was guessed.</summary>
public sealed record SeatAddition(int Line, Seat Seat, CategoryInference? Inferred);

/// <summary>A seat the import changes, matched to line <see cref="Line"/> of the file.</summary>
public sealed record SeatChange(int Line, Seat Before, Seat After, IReadOnlyList<FieldChange> Fields, CategoryInference? Inferred);

/// <summary>A person who sits on more bodies of the authority after the import than before (body names, in dataset order).</summary>
public sealed record PersonOnMoreBodies(string Name, IReadOnlyList<string> BodiesBefore, IReadOnlyList<string> BodiesAfter);

/// <summary>
/// Everything an import would do, worked out before anything is written: the dataset before and after, the seats
/// added, removed and changed, the categories that were guessed, the people who now sit on more bodies, the findings
/// that appear and disappear, and the exact bytes of the files it would replace. <see cref="Storage.DatasetStore.Commit"/>
/// writes it; nothing else does.
/// </summary>
public sealed record ImportPlan(
    string AuthorityId, Body Body, ImportMode Mode, MembershipList List,
    Dataset Before, Dataset After,
    IReadOnlyList<SeatAddition> Added, IReadOnlyList<Seat> Removed, IReadOnlyList<SeatChange> Changed, int Unchanged,
    IReadOnlyList<PersonOnMoreBodies> PeopleOnMoreBodies,
    IReadOnlyList<Finding> FindingsAppeared, IReadOnlyList<Finding> FindingsDisappeared,
    Source? NewSource)
{
    /// <summary>The files the commit replaces, in the order it writes them (sources.csv first, so a crash between the two leaves a valid dataset).</summary>
    public IReadOnlyList<PlannedFile> Files { get; init; } = [];

    /// <summary>False when the file says what the dataset already says: committing it would write nothing.</summary>
    public bool HasChanges => Added.Count > 0 || Removed.Count > 0 || Changed.Count > 0;

    /// <summary>Every category the import guessed, for the seats it adds or changes.</summary>
    public IEnumerable<(int Line, Seat Seat, CategoryInference Inference)> Inferred =>
        Added.Where(a => a.Inferred is not null).Select(a => (a.Line, a.Seat, a.Inferred!))
            .Concat(Changed.Where(c => c.Inferred is not null).Select(c => (c.Line, c.After, c.Inferred!)))
            .OrderBy(x => x.Line);

    /// <summary>For each seat of the authority after the import, the index of the seat before it that it continues (null for a new seat).</summary>
    internal IReadOnlyList<int?> Origins { get; init; } = [];
}

/// <summary>The outcome of planning an import: a plan, or every problem found (then nothing may be written).</summary>
public sealed record ImportResult(ImportPlan? Plan, IReadOnlyList<Loading.DatasetError> Errors)
{
    public bool IsValid => Plan is not null;

    /// <summary>True when nothing is wrong with the file, but the dataset changed under the import: run it again.</summary>
    public bool DatasetChanged { get; init; }
}
