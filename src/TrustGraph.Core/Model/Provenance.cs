using System.Runtime.CompilerServices;

namespace TrustGraph.Model;

/// <summary>
/// How a row rests on its source: <c>Stated</c> when the source says so in so many words, <c>Inferred</c> when it supports
/// the reading without stating it (an invitee list taken as a membership, a category guessed from an agency's name).
/// A finding that rests on an inferred row says so.
/// </summary>
public enum Basis { Stated, Inferred }

/// <summary>
/// The file and line a row was read from (<c>suffolk/memberships.csv</c>, line 3), so a finding can point a reader at the
/// inferred rows it rests on. Kept beside the rows rather than in them: two rows that say the same thing are equal wherever
/// they were read from (a dataset pulled back from Neo4j has no lines at all).
/// </summary>
public readonly record struct RowOrigin(string File, int Line)
{
    private static readonly ConditionalWeakTable<object, StrongBox<RowOrigin>> Origins = new();

    /// <summary>Where <paramref name="row"/> was read, when the loader recorded it (it records inferred rows).</summary>
    public static RowOrigin? Of(object row) => Origins.TryGetValue(row, out var box) ? box.Value : null;

    /// <summary>Records where a row was read. Called by the loader for each inferred row.</summary>
    public static void Remember(object row, RowOrigin origin) => Origins.AddOrUpdate(row, new StrongBox<RowOrigin>(origin));

    public override string ToString() => $"{File}:{Line}";
}

/// <summary>A row marked <c>basis=inferred</c>: anything a finding rests on that the sources support but do not state.</summary>
public interface IHasBasis
{
    Basis Basis { get; }
    string? Note { get; }
}
