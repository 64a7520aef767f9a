using Akka.Actor;
using MediaPlatform.Actors.Users.LoginGuards;
using MediaPlatform.Node.Api.Limits;

namespace MediaPlatform.Node.Api.Users;

/// <summary>
/// The account's login guard as every password check uses it (logins and credential changes): refuse while the
/// account is locked, count a wrong password before answering so the next attempt on any node sees the lock.
/// </summary>
public static class AccountLock
{
    /// <summary>The guard's view when a password may be tried now; otherwise the answer to give (429 while locked).</summary>
    public static async Task<(LoginGuardView? Allowed, IResult? Refusal)> CheckAsync(IActorRef guards, string email, CancellationToken ct)
    {
        var guard = await guards.AskEntityAsync<LoginGuardView>(new CheckLoginAllowed(email), ct);
        if (guard.Reply is not { } view) return (null, ApiProblems.From(guard.Rejection!));
        return view.LockRemaining is { } wait
            ? (null, TooManyRequests.Result(wait, "this account is locked after repeated wrong passwords"))
            : (view, null);
    }

    public static Task RecordFailureAsync(IActorRef guards, string email, CancellationToken ct) =>
        guards.AskEntityAsync<LoginGuardView>(new RecordLoginFailure(email), ct);
}
