using Akka.Actor;
using MediaPlatform.Actors.Users;
using MediaPlatform.Node.Api.Auth;

namespace MediaPlatform.Node.Api.Users;

/// <summary>
/// Credential changes need the current password as well as the token: a stolen token must not be enough to take
/// the account over. Missing or wrong both answer 403 with the same detail.
/// </summary>
public static class CurrentPassword
{
    public const string Refused = "the current password is missing or wrong";

    /// <summary>Null when the password is the user's; otherwise the answer to give.</summary>
    public static async Task<IResult?> CheckAsync(IActorRef users, string userId, string? password, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(password) || password.Length > PasswordHasher.MaxLength) return ApiProblems.Forbidden(Refused);
        var credentials = await users.AskEntityAsync<UserCredentials>(new GetUserCredentials(userId), ct);
        if (credentials.Reply is not { } found) return ApiProblems.From(credentials.Rejection!);
        return PasswordHasher.Verify(password, found.PasswordHash) ? null : ApiProblems.Forbidden(Refused);
    }
}
