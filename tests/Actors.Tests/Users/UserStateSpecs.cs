using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Users;
using MediaPlatform.Actors.Users.Cards;

namespace MediaPlatform.Actors.Tests.Users;

/// <summary>Every user command and each of its rejections, on the pure state (no actors).</summary>
public sealed class UserStateSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private const string Id = "u-1";

    private static UserState Registered() => Run(UserState.Empty(Id), new RegisterUser(Id, "a@example.com", "Alice", "hash")).State;

    private static StoredCard Card(string id, int year = 2030) => new(id, $"tok_{id}", CardBrand.Visa, "1111", 12, year);

    /// <summary>Handles a command and applies its events, as the entity does.</summary>
    private static (UserState State, Decision<IUserEvent> Decision) Run(UserState state, IUserCommand command)
    {
        var decision = state.Handle(command, Now);
        if (decision is Decision<IUserEvent>.Accepted accepted)
            state = accepted.Events.Aggregate(state, (s, e) => s.Apply(e));
        return (state, decision);
    }

    private static Rejection Rejected(UserState state, IUserCommand command) =>
        Assert.IsType<Decision<IUserEvent>.Rejected>(state.Handle(command, Now)).Rejection;

    private static IReadOnlyList<IUserEvent> Events(UserState state, IUserCommand command) =>
        Assert.IsType<Decision<IUserEvent>.Accepted>(state.Handle(command, Now)).Events;

    [Fact]
    public void Register_must_record_the_user_and_reply_with_its_profile()
    {
        var decision = UserState.Empty(Id).Handle(new RegisterUser(Id, "a@example.com", " Alice ", "hash"), Now);
        var accepted = Assert.IsType<Decision<IUserEvent>.Accepted>(decision);
        Assert.Equal(new UserRegistered(Id, "a@example.com", "Alice", "hash", Now), Assert.Single(accepted.Events));
        Assert.Equal("Alice", Assert.IsType<UserProfile>(accepted.Reply).DisplayName);
    }

    [Fact]
    public void A_repeated_registration_with_the_same_email_must_persist_nothing_and_answer_the_same()
    {
        Assert.Empty(Events(Registered(), new RegisterUser(Id, "a@example.com", "Alice", "other-hash")));
    }

    [Fact]
    public void Registering_an_existing_id_with_another_email_must_be_unprocessable()
    {
        // The id comes from a sign-up's Idempotency-Key: another body with the same key is refused with 422.
        Assert.Equal(RejectionKind.Unprocessable, Rejected(Registered(), new RegisterUser(Id, "b@example.com", "B", "h")).Kind);
    }

    [Theory]
    [InlineData("", "display name is required")]
    [InlineData("   ", "display name is required")]
    [InlineData("bell\u0007", "control characters")]
    public void Register_must_refuse_bad_display_names(string name, string expected)
    {
        Assert.Contains(expected, Rejected(UserState.Empty(Id), new RegisterUser(Id, "a@example.com", name, "h")).Message);
    }

    [Fact]
    public void Register_must_refuse_a_display_name_over_the_limit_and_an_empty_hash()
    {
        Assert.Contains("longer than", Rejected(UserState.Empty(Id), new RegisterUser(Id, "a@example.com", new string('x', 61), "h")).Message);
        Assert.Contains("password hash", Rejected(UserState.Empty(Id), new RegisterUser(Id, "a@example.com", "A", "")).Message);
    }

    [Theory]
    [MemberData(nameof(CommandsNeedingAUser))]
    public void Every_command_but_register_must_be_not_found_before_registration(IUserCommand command)
    {
        Assert.Equal(RejectionKind.NotFound, Rejected(UserState.Empty(Id), command).Kind);
    }

    public static TheoryData<IUserCommand> CommandsNeedingAUser() =>
    [
        new GetUserProfile(Id), new GetUserCredentials(Id), new UpdateUserProfile(Id, "B"), new ChangeUserEmail(Id, "b@example.com"),
        new AddPaymentCard(Id, Card("c1"), false), new RemovePaymentCard(Id, "c1"), new SetDefaultPaymentCard(Id, "c1"),
        new ChangeUserPassword(Id, "new-hash"), new RevokeUserTokens(Id), new GetUserTokenVersion(Id),
    ];

    [Fact]
    public void Owns_email_must_answer_for_registered_and_unregistered_users_without_events()
    {
        Assert.True(Assert.IsType<UserOwnsEmailAnswer>(Assert.IsType<Decision<IUserEvent>.Accepted>(
            Registered().Handle(new DoesUserOwnEmail(Id, "a@example.com"), Now)).Reply).Owns);
        Assert.False(Assert.IsType<UserOwnsEmailAnswer>(Assert.IsType<Decision<IUserEvent>.Accepted>(
            Registered().Handle(new DoesUserOwnEmail(Id, "z@example.com"), Now)).Reply).Owns);
        Assert.False(Assert.IsType<UserOwnsEmailAnswer>(Assert.IsType<Decision<IUserEvent>.Accepted>(
            UserState.Empty(Id).Handle(new DoesUserOwnEmail(Id, "a@example.com"), Now)).Reply).Owns);
    }

    [Fact]
    public void Credentials_must_carry_the_hash_for_login()
    {
        var credentials = Assert.IsType<UserCredentials>(Assert.IsType<Decision<IUserEvent>.Accepted>(Registered().Handle(new GetUserCredentials(Id), Now)).Reply);
        Assert.Equal("hash", credentials.PasswordHash);
    }

    [Fact]
    public void Update_profile_must_persist_a_change_and_nothing_for_the_same_name()
    {
        Assert.Equal(new UserProfileUpdated("Bea", Now), Assert.Single(Events(Registered(), new UpdateUserProfile(Id, " Bea "))));
        Assert.Empty(Events(Registered(), new UpdateUserProfile(Id, "Alice")));
        Assert.Equal(RejectionKind.Invalid, Rejected(Registered(), new UpdateUserProfile(Id, "")).Kind);
    }

    [Fact]
    public void Change_email_must_record_old_and_new_and_do_nothing_for_the_same_address()
    {
        var (state, _) = Run(Registered(), new ChangeUserEmail(Id, "b@example.com"));
        Assert.Equal("b@example.com", state.Email);
        Assert.Equal(
            [new UserEmailChanged("a@example.com", "b@example.com", Now), new UserTokensRevoked(1, TokenRevocationReason.EmailChanged, Now)],
            Events(Registered(), new ChangeUserEmail(Id, "b@example.com")));
        Assert.Equal(1, state.TokenVersion);
        Assert.Empty(Events(Registered(), new ChangeUserEmail(Id, "a@example.com")));
    }

    [Fact]
    public void The_first_card_must_become_the_default_and_make_default_must_move_it()
    {
        var (one, _) = Run(Registered(), new AddPaymentCard(Id, Card("c1"), false));
        Assert.Equal("c1", one.DefaultCardId);
        var (two, _) = Run(one, new AddPaymentCard(Id, Card("c2"), true));
        Assert.Equal("c2", two.DefaultCardId);
        var (three, _) = Run(two, new AddPaymentCard(Id, Card("c3"), false));
        Assert.Equal("c2", three.DefaultCardId);
        Assert.Equal(3, three.Cards.Count);
    }

    [Fact]
    public void Adding_the_same_card_again_must_persist_nothing()
    {
        var (one, _) = Run(Registered(), new AddPaymentCard(Id, Card("c1"), false));
        Assert.Empty(Events(one, new AddPaymentCard(Id, Card("c1"), false)));
    }

    [Fact]
    public void Adding_a_card_must_refuse_expired_cards_and_more_than_the_limit()
    {
        Assert.Equal(RejectionKind.Invalid, Rejected(Registered(), new AddPaymentCard(Id, Card("old", 2020), false)).Kind);
        var full = Enumerable.Range(0, UserState.MaxCards).Aggregate(Registered(), (s, i) => Run(s, new AddPaymentCard(Id, Card($"c{i}"), false)).State);
        Assert.Equal(RejectionKind.Conflict, Rejected(full, new AddPaymentCard(Id, Card("one-more"), false)).Kind);
    }

    [Fact]
    public void Removing_the_default_card_must_promote_the_oldest_remaining_one()
    {
        var state = Registered();
        foreach (var id in new[] { "c1", "c2", "c3" }) state = Run(state, new AddPaymentCard(Id, Card(id), false)).State;
        var (after, _) = Run(state, new RemovePaymentCard(Id, "c1"));
        Assert.Equal("c2", after.DefaultCardId);
        Assert.Equal(["c2", "c3"], after.Cards.Select(c => c.CardId));
        var (none, _) = Run(Run(after, new RemovePaymentCard(Id, "c2")).State, new RemovePaymentCard(Id, "c3"));
        Assert.Null(none.DefaultCardId);
    }

    [Fact]
    public void Removing_or_defaulting_an_unknown_card_must_be_not_found()
    {
        Assert.Equal(RejectionKind.NotFound, Rejected(Registered(), new RemovePaymentCard(Id, "nope")).Kind);
        Assert.Equal(RejectionKind.NotFound, Rejected(Registered(), new SetDefaultPaymentCard(Id, "nope")).Kind);
    }

    [Fact]
    public void Setting_the_current_default_again_must_persist_nothing()
    {
        var (one, _) = Run(Registered(), new AddPaymentCard(Id, Card("c1"), false));
        Assert.Empty(Events(one, new SetDefaultPaymentCard(Id, "c1")));
    }
}
