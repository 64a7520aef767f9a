using Akka.Actor;
using MediaPlatform.Actors.Users;
using MediaPlatform.Node.Api.Auth;

namespace MediaPlatform.Node.Api.Users;

/// <summary>
/// Credential changes need the current password as well as the token: a stolen token must not be enough to take
/// the account over. Missing or wrong both answer 403 with the same detail. A wrong guess counts in the account's login
/// guard like a failed login, so the token holder cannot guess the password faster than a stranger could log in.
/// </summary>
public static class CurrentPassword
{
    public const string Refused = "the current password is missing or wrong";

    /// <summary>Null when the password is the user's; otherwise the answer to give.</summary>
    public static async Task<IResult?> CheckAsync(IActorRef users, IActorRef guards, string userId, string? password, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password) || password.Length > PasswordHasher.MaxLength) return ApiProblems.Forbidden(Refused);
        var credentials = await users.AskEntityAsync<UserCredentials>(new GetUserCredentials(userId), ct);
        if (credentials.Reply is not { } found) return ApiProblems.From(credentials.Rejection!);

        if ((await AccountLock.CheckAsync(guards, found.Email, ct)).Refusal is { } locked) return locked;

        if (PasswordHasher.Verify(password, found.PasswordHash)) return null;
        await AccountLock.RecordFailureAsync(guards, found.Email, ct);
        return ApiProblems.Forbidden(Refused);
    }
}
