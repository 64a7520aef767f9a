using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Users.LoginGuards;

namespace MediaPlatform.Actors.Tests.Users;

/// <summary>The lockout's back-off as pure state: 5 failures lock for 1 min, each later failure doubles it up to 1 h.</summary>
public sealed class LoginGuardStateSpecs
{
    private const string Email = "a@example.com";
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly LoginGuardPolicy Policy = LoginGuardPolicy.Default;

    private static LoginGuardState Run(LoginGuardState state, ILoginGuardCommand command, DateTimeOffset now)
    {
        var accepted = Assert.IsType<Decision<ILoginGuardEvent>.Accepted>(state.Handle(command, now, Policy));
        return accepted.Events.Aggregate(state, (s, e) => s.Apply(e));
    }

    [Fact]
    public void Four_failures_must_not_lock_and_the_fifth_must_lock_for_one_minute()
    {
        var state = LoginGuardState.Empty(Email);
        for (var i = 0; i < 4; i++) state = Run(state, new RecordLoginFailure(Email), T0);
        Assert.Null(state.LockedUntil);
        state = Run(state, new RecordLoginFailure(Email), T0);
        Assert.Equal(T0.AddMinutes(1), state.LockedUntil);
        Assert.Equal(TimeSpan.FromSeconds(1), state.View(T0.AddSeconds(59)).LockRemaining);
        Assert.Null(state.View(T0.AddMinutes(1)).LockRemaining);
    }

    [Fact]
    public void Each_failure_after_a_lock_has_passed_must_double_the_lock_up_to_one_hour()
    {
        var state = LoginGuardState.Empty(Email);
        var now = T0;
        for (var i = 0; i < 5; i++) state = Run(state, new RecordLoginFailure(Email), now);
        var locks = new List<TimeSpan>();
        for (var i = 0; i < 8; i++)
        {
            now = state.LockedUntil!.Value;
            state = Run(state, new RecordLoginFailure(Email), now);
            locks.Add(state.LockedUntil!.Value - now);
        }
        Assert.Equal(new[] { 2, 4, 8, 16, 32, 60, 60, 60 }.Select(m => TimeSpan.FromMinutes(m)), locks);
    }

    [Fact]
    public void Failures_while_locked_must_not_be_counted_nor_extend_the_lock()
    {
        var state = LoginGuardState.Empty(Email);
        for (var i = 0; i < 5; i++) state = Run(state, new RecordLoginFailure(Email), T0);
        var decision = Assert.IsType<Decision<ILoginGuardEvent>.Accepted>(state.Handle(new RecordLoginFailure(Email), T0.AddSeconds(30), Policy));
        Assert.Empty(decision.Events);
        Assert.Equal(5, state.ConsecutiveFailures);
    }

    [Fact]
    public void A_success_must_reset_the_count_but_not_lift_a_lock_still_running()
    {
        var state = LoginGuardState.Empty(Email);
        for (var i = 0; i < 4; i++) state = Run(state, new RecordLoginFailure(Email), T0);
        state = Run(state, new RecordLoginSuccess(Email), T0);
        Assert.Equal(0, state.ConsecutiveFailures);

        for (var i = 0; i < 5; i++) state = Run(state, new RecordLoginFailure(Email), T0);
        Assert.Equal(state, Run(state, new RecordLoginSuccess(Email), T0.AddSeconds(1)));
        Assert.Equal(LoginGuardState.Empty(Email), Run(state, new RecordLoginSuccess(Email), T0.AddMinutes(2)));
    }

    [Fact]
    public void The_policy_must_refuse_bad_settings_naming_them()
    {
        var bad = Akka.Configuration.ConfigurationFactory.ParseString("media-platform.security.lockout.after-failures = 0");
        var e = Assert.Throws<Akka.Configuration.ConfigurationException>(() => LoginGuardPolicy.From(bad));
        Assert.Contains("media-platform.security.lockout.after-failures", e.Message);
    }
}
