using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Users;

namespace MediaPlatform.Actors.Tests.Users;

/// <summary>
/// The user's token version, on the pure state: every credential change and every logout moves it forward, so tokens
/// issued before are refused; nothing else moves it.
/// </summary>
public sealed class UserTokenVersionSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Id = "u-1";

    private static UserState Registered() =>
        Apply(UserState.Empty(Id), new UserRegistered(Id, "a@example.com", "Alice", "old-hash", Now));

    private static UserState Apply(UserState state, params IUserEvent[] events) => events.Aggregate(state, (s, e) => s.Apply(e));

    private static (UserState State, object? Reply, IReadOnlyList<IUserEvent> Events) Run(UserState state, IUserCommand command)
    {
        var accepted = Assert.IsType<Decision<IUserEvent>.Accepted>(state.Handle(command, Now));
        return (Apply(state, [.. accepted.Events]), accepted.Reply, accepted.Events);
    }

    [Fact]
    public void A_new_user_must_start_at_version_zero_and_hand_it_to_login()
    {
        var state = Registered();
        Assert.Equal(new UserTokenVersion(Id, 0), Run(state, new GetUserTokenVersion(Id)).Reply);
        Assert.Equal(0, Assert.IsType<UserCredentials>(Run(state, new GetUserCredentials(Id)).Reply).TokenVersion);
    }

    [Fact]
    public void Logout_must_move_the_version_forward_each_time()
    {
        var (once, reply, events) = Run(Registered(), new RevokeUserTokens(Id));
        Assert.Equal(new UserTokensRevoked(1, TokenRevocationReason.Logout, Now), Assert.Single(events));
        Assert.Equal(new UserTokenVersion(Id, 1), reply);
        var (twice, _, _) = Run(once, new RevokeUserTokens(Id));
        Assert.Equal(2, twice.TokenVersion);
        Assert.Equal(2, Assert.IsType<UserCredentials>(Run(twice, new GetUserCredentials(Id)).Reply).TokenVersion);
    }

    [Fact]
    public void A_password_change_must_store_the_new_hash_and_move_the_version_forward()
    {
        var (state, reply, events) = Run(Registered(), new ChangeUserPassword(Id, "new-hash"));
        Assert.Equal([new UserPasswordChanged("new-hash", Now), new UserTokensRevoked(1, TokenRevocationReason.PasswordChanged, Now)], events);
        Assert.Equal("new-hash", state.PasswordHash);
        Assert.Equal(new UserTokenVersion(Id, 1), reply);
    }

    [Fact]
    public void A_password_change_without_a_hash_must_be_refused()
    {
        var rejected = Assert.IsType<Decision<IUserEvent>.Rejected>(Registered().Handle(new ChangeUserPassword(Id, ""), Now));
        Assert.Equal(RejectionKind.Invalid, rejected.Rejection.Kind);
    }

    [Fact]
    public void Profile_and_card_changes_must_leave_the_version_alone()
    {
        var (state, _, _) = Run(Registered(), new UpdateUserProfile(Id, "Renamed"));
        Assert.Equal(0, state.TokenVersion);
    }

    [Fact]
    public void Replaying_an_older_revocation_must_never_move_the_version_back()
    {
        var state = Apply(Registered(), new UserTokensRevoked(3, TokenRevocationReason.Logout, Now), new UserTokensRevoked(2, TokenRevocationReason.Logout, Now));
        Assert.Equal(3, state.TokenVersion);
    }
}
