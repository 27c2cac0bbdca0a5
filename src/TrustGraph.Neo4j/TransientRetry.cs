namespace TrustGraph.Neo4j;

/// <summary>
/// Runs an operation again when Neo4j answers <c>Neo.TransientError.*</c> (a deadlock, a leader switch, memory
/// pressure), waiting longer each time: <see cref="Neo4jOptions.RetryDelay"/>, then double, up to
/// <see cref="Neo4jOptions.MaxRetryDelay"/>, for at most <see cref="Neo4jOptions.MaxAttempts"/> tries in all.
/// Every other failure is passed on at once: retrying a wrong password helps nobody.
/// </summary>
public sealed class TransientRetry(Neo4jOptions options, Func<TimeSpan, CancellationToken, Task>? delay = null)
{
    private readonly Func<TimeSpan, CancellationToken, Task> _delay = delay ?? Task.Delay;

    /// <summary>Told before each retry: the attempt that failed (1-based), the wait, and the error.</summary>
    public Action<int, TimeSpan, Neo4jException>? Retrying { get; init; }

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancel = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await operation(cancel);
            }
            catch (Neo4jException e) when (e.IsTransient && attempt < Math.Max(1, options.MaxAttempts))
            {
                var wait = Delay(attempt);
                Retrying?.Invoke(attempt, wait, e);
                await _delay(wait, cancel);
            }
            catch (Neo4jException e) when (e.IsTransient)
            {
                throw new Neo4jException(Neo4jProblem.TransientError,
                    $"{e.Message} Gave up after {attempt} attempt{(attempt == 1 ? "" : "s")}; check the server's load and log, then try again.", e.Code, e);
            }
        }
    }

    public Task RunAsync(Func<CancellationToken, Task> operation, CancellationToken cancel = default) =>
        RunAsync(async c => { await operation(c); return true; }, cancel);

    /// <summary>The wait after the given failed attempt: exponential, capped.</summary>
    public TimeSpan Delay(int failedAttempt)
    {
        var ms = options.RetryDelay.TotalMilliseconds * Math.Pow(2, failedAttempt - 1);
        return TimeSpan.FromMilliseconds(Math.Min(ms, options.MaxRetryDelay.TotalMilliseconds));
    }
}
