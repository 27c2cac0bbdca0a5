using System.Security.Cryptography;

namespace TrustGraph.Storage;

/// <summary>
/// A file of the dataset as a commit will leave it: its path relative to the dataset folder ('/' separated), its new
/// bytes, and the SHA-256 of the bytes it replaces (null when it does not exist yet), so that a commit can refuse to
/// overwrite a file that changed after the preview was made.
/// </summary>
public sealed record PlannedFile(string Path, byte[] Content, string? Sha256Before);

/// <summary>Replaces files so that a reader, or a crash, sees the old bytes or the new ones, never a mixture.</summary>
public static class AtomicFile
{
    /// <summary>Writes a temporary file beside <paramref name="path"/>, flushes it to disk, then renames it over the old file.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + $".tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
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

    /// <summary>The lower-case hex SHA-256 of a file, or null when it does not exist.</summary>
    public static string? Sha256(string path) => File.Exists(path) ? Sha256(File.ReadAllBytes(path)) : null;

    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
