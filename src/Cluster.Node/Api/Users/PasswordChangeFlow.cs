using Akka.Actor;
using MediaPlatform.Actors.Users;
using MediaPlatform.Node.Api.Auth;

namespace MediaPlatform.Node.Api.Users;

/// <summary>
/// Changing the password: the current one must be given, the new one passes the same rules as at sign-up, and every
/// older session ends on every node before the answer. The caller gets a fresh token so this session carries on.
/// </summary>
public sealed class PasswordChangeFlow(IActorRef users, IActorRef guards, TokenService tokens, TokenVersions versions)
{
    public async Task<IResult> RunAsync(string userId, ChangePasswordRequest request, CancellationToken ct)
    {
        if (await CurrentPassword.CheckAsync(users, guards, userId, request.CurrentPassword, ct) is { } refused) return refused;
        if (PasswordHasher.Validate(request.NewPassword) is { } invalid) return ApiProblems.Invalid(invalid);

        var changed = await users.AskEntityAsync<UserTokenVersion>(new ChangeUserPassword(userId, PasswordHasher.Hash(request.NewPassword!)), ct);
        if (changed.Reply is not { } version) return ApiProblems.From(changed.Rejection!);
        await versions.PublishAsync(userId, version.Version, ct);
        return Results.Ok(new LoginResponse(userId, tokens.Issue(userId, version.Version), DateTimeOffset.UtcNow.Add(tokens.Lifetime)));
    }
}
