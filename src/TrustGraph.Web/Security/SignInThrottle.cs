using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace TrustGraph.Web.Security;

/// <summary>
/// Slows down password guessing without letting a guesser keep the admin out. Only wrong passwords count. After
/// <see cref="RateLimitOptions.SignInFreeFailures"/> of them from one client address, or against one account, that
/// address (or account) must wait before its next try, twice as long after each further failure, up to
/// <see cref="RateLimitOptions.SignInMaxBackoffSeconds"/>. A try made while waiting is refused unchecked and does not
/// count, so once the wait is over the right password always signs in; a success clears the address and the account.
/// Failures are forgotten after <see cref="RateLimitOptions.SignInForgetAfterMinutes"/> without another.
/// </summary>
public sealed class SignInThrottle(IOptions<RateLimitOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Record> _records = new();
    private readonly Lock _gate = new();

    /// <summary>How long the address and the account must still wait before a password is checked; zero when it may be tried now.</summary>
    public TimeSpan WaitBeforeTrying(string address, string account)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var wait = TimeSpan.Zero;
            foreach (var key in Keys(address, account))
                if (_records.TryGetValue(key, out var r) && r.NotBefore > now && r.NotBefore - now > wait) wait = r.NotBefore - now;
            return wait;
        }
    }

    /// <summary>Counts a wrong password against the address and the account.</summary>
    public void Failed(string address, string account)
    {
        var limits = options.Value;
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            foreach (var key in Keys(address, account))
            {
                var previous = _records.TryGetValue(key, out var r) && now - r.LastFailure < TimeSpan.FromMinutes(Math.Max(1, limits.SignInForgetAfterMinutes))
                    ? r.Failures : 0;
                var failures = previous + 1;
                var over = failures - Math.Max(1, limits.SignInFreeFailures) + 1;
                var backoff = over <= 0 ? TimeSpan.Zero : Backoff(over, limits);
                _records[key] = new Record(failures, now, now + backoff);
            }
            if (_records.Count > 10_000) Forget(now, limits);
        }
    }

    /// <summary>A right password: the address and the account start afresh.</summary>
    public void Succeeded(string address, string account)
    {
        lock (_gate)
            foreach (var key in Keys(address, account)) _records.TryRemove(key, out _);
    }

    /// <summary>1 s after the first failure past the free ones, then 2, 4, 8 … up to the maximum.</summary>
    private static TimeSpan Backoff(int over, RateLimitOptions limits)
    {
        var max = Math.Max(1, limits.SignInMaxBackoffSeconds);
        var seconds = over >= 30 ? max : Math.Min(max, 1L << (over - 1));
        return TimeSpan.FromSeconds(seconds);
    }

    private void Forget(DateTimeOffset now, RateLimitOptions limits)
    {
        foreach (var (key, r) in _records)
            if (now - r.LastFailure > TimeSpan.FromMinutes(Math.Max(1, limits.SignInForgetAfterMinutes)) && r.NotBefore <= now) _records.TryRemove(key, out _);
    }

    private static string[] Keys(string address, string account) =>
        [$"address:{address}", $"account:{account.Trim().ToLowerInvariant()[..Math.Min(64, account.Trim().Length)]}"];

    private sealed record Record(int Failures, DateTimeOffset LastFailure, DateTimeOffset NotBefore);
}
