using System.Threading.Channels;
using TrustGraph.Model;

namespace TrustGraph.Loading;

/// <summary>
/// A dataset folder read one authority at a time, for work that needs only one authority in memory at once (analysing a
/// national dataset). It makes the same checks as <see cref="DatasetLoader.Load"/>, in the same order: <see cref="Sources"/> and
/// the rows of <c>authorities.csv</c> are read when it opens, each authority's files as <see cref="Structures"/> reaches it.
/// <see cref="Errors"/> is complete, and sorted as Load sorts it, once <see cref="Structures"/> has been enumerated to the end.
/// Like Load it is all or nothing: whatever is computed from the authorities stands only if the dataset proves valid.
/// </summary>
public sealed class DatasetStream
{
    private readonly List<DatasetError> _errors;
    private readonly SourceCatalogue _catalogue;

    private DatasetStream(string directory, List<Source> sources, List<Authority> authorities, List<DatasetError> errors)
    {
        Directory = directory;
        Sources = sources;
        Authorities = authorities;
        _errors = errors;
        _catalogue = new SourceCatalogue(sources.Select(s => s.Id));
    }

    public string Directory { get; }

    /// <summary>The valid rows of <c>sources.csv</c>.</summary>
    public IReadOnlyList<Source> Sources { get; }

    /// <summary>The valid rows of <c>authorities.csv</c>, in file order.</summary>
    public IReadOnlyList<Authority> Authorities { get; }

    /// <summary>Every problem found so far; all of them, sorted by file, line and column, once <see cref="Structures"/> has ended.</summary>
    public IReadOnlyList<DatasetError> Errors => _errors;

    public static DatasetStream Open(string directory)
    {
        var errors = new List<DatasetError>();
        if (!System.IO.Directory.Exists(directory))
        {
            errors.Add(new DatasetError(directory, 0, 0, "the dataset folder does not exist; expected a folder holding authorities.csv and sources.csv"));
            return new DatasetStream(directory, [], [], errors);
        }
        var sources = DatasetLoader.ReadSources(directory, errors);
        var authorities = DatasetLoader.ReadAuthorities(directory, errors);
        return new DatasetStream(directory, sources, authorities, errors);
    }

    /// <summary>True once a problem has been found in what has been read so far (safe to ask while <see cref="ReadAhead"/> runs).</summary>
    public bool HasErrors => Volatile.Read(ref _hasErrors);

    private bool _hasErrors;

    /// <summary>
    /// The same structures in the same order as <see cref="Structures"/>, read on another thread up to <paramref name="authorities"/>
    /// ahead of the caller, so reading one authority overlaps with working on the one before. An exception while reading is
    /// thrown to the caller where that authority would have come. Enumerate once, to the end.
    /// </summary>
    public IEnumerable<AuthorityStructure> ReadAhead(int authorities = 4)
    {
        var channel = Channel.CreateBounded<AuthorityStructure>(new BoundedChannelOptions(authorities) { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(async () =>
        {
            try
            {
                foreach (var structure in Structures()) await channel.Writer.WriteAsync(structure);
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        });
        while (channel.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            while (channel.Reader.TryRead(out var structure)) yield return structure;
        reader.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Each authority read and then handed to <paramref name="work"/> on the thread pool, several authorities at once (authorities
    /// are independent), and the results given back in file order: the same structures, results and <see cref="Errors"/> as
    /// reading with <see cref="Structures"/> and calling <paramref name="work"/> on each in turn. <paramref name="work"/> is told
    /// whether that authority's own files had problems (its result is of no use then: the dataset is invalid). At most
    /// <paramref name="window"/> authorities are in memory at once. An exception in reading or in the work is thrown to the
    /// caller where that authority would have come. Enumerate once, to the end.
    /// </summary>
    public IEnumerable<(AuthorityStructure Structure, TResult Result)> InParallel<TResult>(
        Func<AuthorityStructure, bool, TResult> work, int? window = null)
    {
        var ahead = Math.Max(1, window ?? 2 * Environment.ProcessorCount);
        var pending = new Queue<Task<(AuthorityStructure? Structure, List<DatasetError> Errors, TResult? Result)>>();
        var ids = _catalogue;
        (AuthorityStructure?, List<DatasetError>, TResult?) ReadAndWork(Authority authority)
        {
            var errors = new List<DatasetError>();
            var folder = Path.Combine(Directory, authority.Id);
            if (!System.IO.Directory.Exists(folder))
            {
                errors.Add(new DatasetError($"{authority.Id}/", 0, 0,
                    $"the folder for authority '{authority.Id}' is missing; expected {string.Join(", ", DatasetLoader.AuthorityFiles)} in it"));
                return (null, errors, default);
            }
            var structure = DatasetLoader.ReadAuthority(folder, authority, errors, ids.ForOneReader());
            return (structure, errors, work(structure, errors.Count > 0));
        }
        (AuthorityStructure Structure, TResult Result)? Take()
        {
            var (structure, errors, result) = pending.Dequeue().GetAwaiter().GetResult();
            _errors.AddRange(errors);
            Volatile.Write(ref _hasErrors, _errors.Count > 0);
            return structure is null ? null : (structure, result!);
        }

        foreach (var authority in Authorities)
        {
            pending.Enqueue(Task.Run(() => ReadAndWork(authority)));
            if (pending.Count >= ahead && Take() is { } done) yield return done;
        }
        while (pending.Count > 0)
            if (Take() is { } done) yield return done;
        _errors.Sort(DatasetLoader.ErrorOrder);
        Volatile.Write(ref _hasErrors, _errors.Count > 0);
    }

    /// <summary>Each authority's structure, read when the enumeration reaches it. Enumerate once.</summary>
    public IEnumerable<AuthorityStructure> Structures()
    {
        foreach (var authority in Authorities)
        {
            var folder = Path.Combine(Directory, authority.Id);
            if (!System.IO.Directory.Exists(folder))
            {
                _errors.Add(new DatasetError($"{authority.Id}/", 0, 0,
                    $"the folder for authority '{authority.Id}' is missing; expected {string.Join(", ", DatasetLoader.AuthorityFiles)} in it"));
                continue;
            }
            var structure = DatasetLoader.ReadAuthority(folder, authority, _errors, _catalogue);
            Volatile.Write(ref _hasErrors, _errors.Count > 0);
            yield return structure;
        }
        _errors.Sort(DatasetLoader.ErrorOrder);
        Volatile.Write(ref _hasErrors, _errors.Count > 0);
    }
}
