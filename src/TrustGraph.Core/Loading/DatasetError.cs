namespace TrustGraph.Loading;

/// <summary>
/// One problem with a dataset, where a person can find it: the file (relative to the dataset folder),
/// the 1-based line and column (0 when the problem is the whole file or the whole row), and what was expected.
/// </summary>
public sealed record DatasetError(string File, int Line, int Column, string Message)
{
    public override string ToString() => Line == 0
        ? $"{File}: {Message}"
        : Column == 0 ? $"{File}:{Line}: {Message}" : $"{File}:{Line}:{Column}: {Message}";
}
