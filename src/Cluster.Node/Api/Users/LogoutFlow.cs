using Akka.Actor;
using MediaPlatform.Actors.Users;
using MediaPlatform.Node.Api.Auth;

namespace MediaPlatform.Node.Api.Users;

/// <summary>
/// Logout is "sign out everywhere": it bumps the caller's token version, so every token issued to the user so far
/// (this one included, on every node) is refused once the answer has come back.
/// </summary>
public sealed class LogoutFlow(IActorRef users, TokenVersions versions)
{
    public async Task<IResult> RunAsync(string userId, HttpContext http, CancellationToken ct)
    {
        var revoked = await users.AskEntityAsync<UserTokenVersion>(new RevokeUserTokens(userId), ct);
        if (revoked.Reply is not { } version) return ApiProblems.From(revoked.Rejection!);
        await versions.PublishAsync(userId, version.Version, ct);
        SessionCookie.Clear(http); // this browser's cookie is dead anyway: let it go
        return Results.NoContent();
    }
}
