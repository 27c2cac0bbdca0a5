using Microsoft.Extensions.Options;
using TrustGraph.Web.Security;

namespace TrustGraph.Web.Tests.Security;

/// <summary>The back-off on wrong passwords: per address and per account, doubling, capped, and never longer than itself.</summary>
public sealed class SignInThrottleTests
{
    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => _now;
        public void Advance(TimeSpan by) => _now += by;
    }

    private static (SignInThrottle Throttle, ManualClock Clock) Make(int free = 3, int max = 60)
    {
        var clock = new ManualClock();
        return (new SignInThrottle(Options.Create(new RateLimitOptions { SignInFreeFailures = free, SignInMaxBackoffSeconds = max }), clock), clock);
    }

    [Fact]
    public void Each_wrong_password_past_the_free_ones_doubles_the_wait_up_to_the_maximum()
    {
        var (throttle, clock) = Make(free: 3, max: 8);
        var waits = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            clock.Advance(throttle.WaitBeforeTrying("10.0.0.1", "admin"));
            throttle.Failed("10.0.0.1", "admin");
            waits.Add(throttle.WaitBeforeTrying("10.0.0.1", "admin").TotalSeconds);
        }
        Assert.Equal([0, 0, 1, 2, 4, 8, 8], waits);
    }

    [Fact]
    public void Guesses_against_the_admin_from_many_addresses_make_the_admin_wait_no_longer_than_the_back_off()
    {
        var (throttle, clock) = Make(free: 3, max: 60);
        for (var i = 0; i < 50; i++)
        {
            clock.Advance(throttle.WaitBeforeTrying($"203.0.113.{i}", "admin"));
            throttle.Failed($"203.0.113.{i}", "admin");
        }
        var adminWait = throttle.WaitBeforeTrying("198.51.100.7", "admin");
        Assert.InRange(adminWait.TotalSeconds, 1, 60);
        clock.Advance(adminWait);
        Assert.Equal(TimeSpan.Zero, throttle.WaitBeforeTrying("198.51.100.7", "admin"));
    }

    [Fact]
    public void An_address_guessing_other_accounts_waits_while_a_different_address_does_not()
    {
        var (throttle, _) = Make(free: 3);
        foreach (var name in new[] { "root", "administrator", "sa", "guest" }) throttle.Failed("10.0.0.9", name);
        Assert.True(throttle.WaitBeforeTrying("10.0.0.9", "admin") > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, throttle.WaitBeforeTrying("10.0.0.10", "admin"));
    }

    [Fact]
    public void The_right_password_clears_the_address_and_the_account()
    {
        var (throttle, clock) = Make(free: 2);
        throttle.Failed("10.0.0.1", "admin");
        throttle.Failed("10.0.0.1", "admin");
        clock.Advance(throttle.WaitBeforeTrying("10.0.0.1", "admin"));
        throttle.Succeeded("10.0.0.1", "admin");
        throttle.Failed("10.0.0.1", "admin");
        Assert.Equal(TimeSpan.Zero, throttle.WaitBeforeTrying("10.0.0.1", "admin"));
    }
}
