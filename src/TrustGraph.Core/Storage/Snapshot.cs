using System.Text.Json.Serialization;

namespace TrustGraph.Storage;

/// <summary>One file a commit replaced: whether it existed, and its SHA-256 before and after the commit.</summary>
public sealed record SnapshotFile(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("existed")] bool Existed,
    [property: JsonPropertyName("sha256_before")] string? Sha256Before,
    [property: JsonPropertyName("sha256_after")] string Sha256After);

/// <summary>
/// The files of a dataset as they were just before a commit, kept in <c>DIR/.history/&lt;id&gt;/</c> with this
/// manifest so that <see cref="DatasetStore.Undo"/> can put them back. <see cref="Sequence"/> orders snapshots.
/// </summary>
public sealed record Snapshot(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("sequence")] int Sequence,
    [property: JsonPropertyName("when")] DateTimeOffset When,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("files")] IReadOnlyList<SnapshotFile> Files);

/// <summary>What a commit did: the snapshot it kept (null when there was nothing to write), or why it refused.</summary>
public sealed record CommitResult(Snapshot? Snapshot, IReadOnlyList<Loading.DatasetError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>True when it refused because the dataset changed after the plan was made (or another writer held it too long): run the import again.</summary>
    public bool DatasetChanged { get; init; }
}

/// <summary>What an undo did: the snapshot it restored, or why it refused (then nothing was written).</summary>
public sealed record UndoResult(Snapshot? Restored, IReadOnlyList<Loading.DatasetError> Errors)
{
    public bool Succeeded => Errors.Count == 0 && Restored is not null;
}
