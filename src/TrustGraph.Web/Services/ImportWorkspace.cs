using System.Collections.Concurrent;
using System.Security.Cryptography;
using TrustGraph.Import;
using TrustGraph.Loading;

namespace TrustGraph.Web.Services;

/// <summary>
/// One upload and what the core made of it: a plan to preview (then commit or cancel), or every problem found
/// (then nothing was written). Held in memory for its user only, until it is committed, cancelled or expires.
/// </summary>
public sealed record ImportAttempt(
    string Id, string User, DateTimeOffset At, string FileName, string AuthorityId, string BodyId, ImportMode Mode,
    int DatasetVersion, ImportResult Result)
{
    public ImportPlan? Plan => Result.Plan;
    public IReadOnlyList<DatasetError> Errors => Result.Errors;
}

/// <summary>
/// The import's configuration, section <c>TrustGraph:Import</c> (environment <c>TrustGraph__Import__MaxRows</c>).
/// </summary>
public sealed class ImportOptions
{
    /// <summary>The most rows of members an uploaded file may have; a longer one is refused before it is planned.</summary>
    public int MaxRows { get; set; } = ImportLimits.DefaultMaxRows;
}

/// <summary>What the last action on the import page did, to show after the redirect that follows it.</summary>
public sealed record ImportNotice(string Id, string User, bool Succeeded, string Title, IReadOnlyList<string> Lines, IReadOnlyList<DatasetError> Errors)
{
    /// <summary>The explorer address that shows the body the action changed, when there is one.</summary>
    public string? BodyHref { get; init; }
}

/// <summary>
/// The import page's short-term memory: uploads awaiting a decision and the notices of what was done, each under an
/// unguessable id and visible only to the user who made it. Bounded in count and age, so a forgotten preview cannot
/// pin memory.
/// </summary>
public sealed class ImportWorkspace(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    public const int MaxAttempts = 12;
    public const int MaxNotices = 32;

    private readonly ConcurrentDictionary<string, ImportAttempt> _attempts = new();
    private readonly ConcurrentDictionary<string, ImportNotice> _notices = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _noticeTimes = new();

    public ImportWorkspace() : this(TimeProvider.System) { }

    public ImportAttempt Add(string user, string fileName, string authorityId, string bodyId, ImportMode mode, int datasetVersion, ImportResult result)
    {
        Prune();
        var attempt = new ImportAttempt(NewId(), user, clock.GetUtcNow(), fileName, authorityId, bodyId, mode, datasetVersion, result);
        _attempts[attempt.Id] = attempt;
        return attempt;
    }

    /// <summary>The attempt, if it exists, has not expired and belongs to <paramref name="user"/>.</summary>
    public ImportAttempt? Find(string id, string? user)
    {
        Prune();
        return _attempts.TryGetValue(id, out var a) && a.User == user ? a : null;
    }

    /// <summary>Removes and returns the attempt, so that it is committed or cancelled once only.</summary>
    public ImportAttempt? Take(string id, string? user)
    {
        var found = Find(id, user);
        return found is not null && _attempts.TryRemove(new KeyValuePair<string, ImportAttempt>(id, found)) ? found : null;
    }

    public ImportNotice AddNotice(string user, bool succeeded, string title, IReadOnlyList<string> lines, IReadOnlyList<DatasetError>? errors = null, string? bodyHref = null)
    {
        Prune();
        var notice = new ImportNotice(NewId(), user, succeeded, title, lines, errors ?? []) { BodyHref = bodyHref };
        _notices[notice.Id] = notice;
        _noticeTimes[notice.Id] = clock.GetUtcNow();
        return notice;
    }

    public ImportNotice? Notice(string? id, string? user) =>
        id is not null && _notices.TryGetValue(id, out var n) && n.User == user ? n : null;

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, a) in _attempts)
            if (now - a.At > Lifetime) _attempts.TryRemove(id, out _);
        foreach (var a in _attempts.Values.OrderByDescending(a => a.At).Skip(MaxAttempts - 1))
            _attempts.TryRemove(a.Id, out _);
        foreach (var (id, at) in _noticeTimes)
            if (now - at > Lifetime) Forget(id);
        foreach (var id in _noticeTimes.OrderByDescending(n => n.Value).Skip(MaxNotices - 1).Select(n => n.Key))
            Forget(id);
    }

    private void Forget(string id)
    {
        _notices.TryRemove(id, out _);
        _noticeTimes.TryRemove(id, out _);
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
