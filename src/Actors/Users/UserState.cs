using System.Collections.Immutable;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;
using MediaPlatform.Actors.Text;
using MediaPlatform.Actors.Users.Cards;

namespace MediaPlatform.Actors.Users;

/// <summary>
/// A user's state and every rule about it. Pure: <see cref="Handle"/> decides, <see cref="Apply"/> folds events.
/// </summary>
[Manifest("user.state.v1")]
public sealed record UserState(
    string UserId,
    bool Registered,
    string Email,
    string DisplayName,
    string PasswordHash,
    DateTimeOffset RegisteredAt,
    ImmutableList<StoredCard> Cards,
    string? DefaultCardId,
    long TokenVersion = 0) : IEntityState<UserState, IUserEvent>, IProtocolMessage
{
    public const int MaxDisplayName = 60;

    /// <summary>Names the sign-up request that created the user (see <see cref="RegisterUser"/>); null for older users.</summary>
    public string? SignUpFingerprint { get; init; }

    /// <summary>The avatar the profile shows (the newest complete upload); null for none.</summary>
    public Images.StoredImageRef? Avatar { get; init; }
    public const int MaxCards = 10;

    public static UserState Empty(string userId) =>
        new(userId, false, "", "", "", default, ImmutableList<StoredCard>.Empty, null);

    public Decision<IUserEvent> Handle(IUserCommand command, DateTimeOffset now) => command switch
    {
        RegisterUser c => Register(c, now),
        DoesUserOwnEmail c => Decide.Reply<IUserEvent>(new UserOwnsEmailAnswer(UserId, c.Email, Registered && Email == c.Email)),
        _ when !Registered => Decide.Reject<IUserEvent>(Rejection.NotFound($"user {UserId} does not exist")),
        GetUserProfile => Decide.Reply<IUserEvent>(Profile()),
        GetUserCredentials => Decide.Reply<IUserEvent>(new UserCredentials(UserId, Email, PasswordHash, TokenVersion)),
        GetUserTokenVersion => Decide.Reply<IUserEvent>(Version()),
        ChangeUserPassword c => ChangePassword(c, now),
        RevokeUserTokens => Decide.Persist(this, Revoke(TokenRevocationReason.Logout, now), s => s.Version()),
        UpdateUserProfile c => UpdateProfile(c, now),
        ChangeUserEmail c => ChangeEmail(c, now),
        AddPaymentCard c => AddCard(c, now),
        RemovePaymentCard c => RemoveCard(c, now),
        SetDefaultPaymentCard c => SetDefaultCard(c, now),
        RecordUserAvatar c => c.Image.Replaces(Avatar)
            ? Decide.Persist(this, new UserAvatarRecorded(c.Image, now), s => s.Profile())
            : Decide.Reply<IUserEvent>(Profile()),
        _ => Decide.Reject<IUserEvent>(Rejection.Invalid($"unknown user command {command.GetType().Name}")),
    };

    public UserState Apply(IUserEvent @event) => @event switch
    {
        UserRegistered e => this with
        {
            Registered = true, Email = e.Email, DisplayName = e.DisplayName, PasswordHash = e.PasswordHash, RegisteredAt = e.At,
            SignUpFingerprint = e.SignUpFingerprint,
        },
        UserProfileUpdated e => this with { DisplayName = e.DisplayName },
        UserEmailChanged e => this with { Email = e.NewEmail },
        UserPasswordChanged e => this with { PasswordHash = e.PasswordHash },
        UserTokensRevoked e => this with { TokenVersion = Math.Max(TokenVersion, e.TokenVersion) },
        PaymentCardAdded e => this with { Cards = Cards.Add(e.Card), DefaultCardId = DefaultCardId ?? e.Card.CardId },
        PaymentCardRemoved e => this with
        {
            Cards = Cards.RemoveAll(c => c.CardId == e.CardId),
            // Removing the default leaves the oldest remaining card as default, so billing always has one if any exist.
            DefaultCardId = DefaultCardId != e.CardId ? DefaultCardId : Cards.FirstOrDefault(c => c.CardId != e.CardId)?.CardId,
        },
        DefaultPaymentCardSet e => this with { DefaultCardId = e.CardId },
        UserAvatarRecorded e => this with { Avatar = e.Image },
        _ => this,
    };

    public UserTokenVersion Version() => new(UserId, TokenVersion);

    public UserProfile Profile() => new(UserId, Email, DisplayName, RegisteredAt, Cards, DefaultCardId, Avatar);

    private Decision<IUserEvent> Register(RegisterUser c, DateTimeOffset now)
    {
        // A retried registration (same id: it is derived from the client's Idempotency-Key) gets the first answer only
        // if it is the same request; a key reused with another body must never see the first user's profile.
        if (Registered)
            return Email == c.Email && SignUpFingerprint == c.SignUpFingerprint
                ? Decide.Reply<IUserEvent>(Profile())
                : Decide.Reject<IUserEvent>(new Rejection(RejectionKind.Unprocessable, "this Idempotency-Key was already used for a different sign-up"));
        if (ValidateDisplayName(c.DisplayName) is { } bad) return Decide.Reject<IUserEvent>(bad);
        if (string.IsNullOrEmpty(c.PasswordHash)) return Decide.Reject<IUserEvent>(Rejection.Invalid("password hash is required"));
        return Decide.Persist(this, new UserRegistered(UserId, c.Email, c.DisplayName.Trim(), c.PasswordHash, now, c.SignUpFingerprint), s => s.Profile());
    }

    private Decision<IUserEvent> UpdateProfile(UpdateUserProfile c, DateTimeOffset now)
    {
        if (ValidateDisplayName(c.DisplayName) is { } bad) return Decide.Reject<IUserEvent>(bad);
        return c.DisplayName.Trim() == DisplayName
            ? Decide.Reply<IUserEvent>(Profile())
            : Decide.Persist(this, new UserProfileUpdated(c.DisplayName.Trim(), now), s => s.Profile());
    }

    // A new email ends older sessions: whoever changed it may not be the owner, and the owner must be able to react.
    private Decision<IUserEvent> ChangeEmail(ChangeUserEmail c, DateTimeOffset now) =>
        c.NewEmail == Email
            ? Decide.Reply<IUserEvent>(Profile())
            : Decide.Persist(this, [new UserEmailChanged(Email, c.NewEmail, now), Revoke(TokenRevocationReason.EmailChanged, now)], s => s.Profile());

    private Decision<IUserEvent> ChangePassword(ChangeUserPassword c, DateTimeOffset now) =>
        string.IsNullOrEmpty(c.NewPasswordHash)
            ? Decide.Reject<IUserEvent>(Rejection.Invalid("password hash is required"))
            : Decide.Persist(this, [new UserPasswordChanged(c.NewPasswordHash, now), Revoke(TokenRevocationReason.PasswordChanged, now)], s => s.Version());

    private UserTokensRevoked Revoke(TokenRevocationReason reason, DateTimeOffset now) => new(TokenVersion + 1, reason, now);

    private Decision<IUserEvent> AddCard(AddPaymentCard c, DateTimeOffset now)
    {
        if (Cards.Any(k => k.CardId == c.Card.CardId)) return Decide.Reply<IUserEvent>(Profile());
        if (Cards.Count >= MaxCards) return Decide.Reject<IUserEvent>(Rejection.Conflict($"a user can hold at most {MaxCards} cards"));
        if (c.Card.ExpiresAt <= now) return Decide.Reject<IUserEvent>(Rejection.Invalid("card has expired"));
        IUserEvent[] events = c.MakeDefault && Cards.Count > 0
            ? [new PaymentCardAdded(c.Card, now), new DefaultPaymentCardSet(c.Card.CardId, now)]
            : [new PaymentCardAdded(c.Card, now)];
        return Decide.Persist(this, events, s => s.Profile());
    }

    private Decision<IUserEvent> RemoveCard(RemovePaymentCard c, DateTimeOffset now) =>
        Cards.Any(k => k.CardId == c.CardId)
            ? Decide.Persist(this, new PaymentCardRemoved(c.CardId, now), s => s.Profile())
            : Decide.Reject<IUserEvent>(Rejection.NotFound($"card {c.CardId} not found"));

    private Decision<IUserEvent> SetDefaultCard(SetDefaultPaymentCard c, DateTimeOffset now)
    {
        if (Cards.All(k => k.CardId != c.CardId)) return Decide.Reject<IUserEvent>(Rejection.NotFound($"card {c.CardId} not found"));
        return DefaultCardId == c.CardId
            ? Decide.Reply<IUserEvent>(Profile())
            : Decide.Persist(this, new DefaultPaymentCardSet(c.CardId, now), s => s.Profile());
    }

    private static Rejection? ValidateDisplayName(string? name) => name?.Trim() switch
    {
        null or "" => Rejection.Invalid("display name is required"),
        { Length: > MaxDisplayName } => Rejection.Invalid($"display name is longer than {MaxDisplayName} characters"),
        var n when VisibleText.Problem(n, "display name") is { } problem => Rejection.Invalid(problem),
        _ => null,
    };
}
