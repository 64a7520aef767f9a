using Akka.Actor;
using MediaPlatform.Actors.Users;
using MediaPlatform.Actors.Users.EmailReservations;
using MediaPlatform.Actors.Users.LoginGuards;
using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Api.Limits;

namespace MediaPlatform.Node.Api.Users;

/// <summary>
/// Log in: the email's reservation names its user; that user's stored hash is checked. Every failure answers the
/// same 401 after the same PBKDF2 work (an unknown email is verified against a dummy hash), so a caller can tell an
/// unknown email from a wrong password neither by the answer nor by its time. Logins per email are limited on each
/// node, and the account's login guard (one entity, shared by the cluster) locks it after repeated wrong passwords:
/// while locked every attempt gets 429 with Retry-After, even with the right password. With <c>"cookie": true</c> the
/// token goes into the HttpOnly session cookie (<see cref="SessionCookie"/>) and not into the body.
/// </summary>
public sealed class LoginFlow(IActorRef users, IActorRef reservations, IActorRef guards, LoginEmailLimiter emailLimiter, TokenService tokens)
{
    public async Task<IResult> RunAsync(LoginRequest request, HttpContext http, CancellationToken ct)
    {
        var unauthorized = Results.Problem(title: "Unauthorized", detail: "email or password is wrong", statusCode: 401);
        if (!EmailAddress.TryNormalize(request.Email, out var email, out _) || string.IsNullOrEmpty(request.Password)
            || request.Password.Length > PasswordHasher.MaxLength)
        {
            PasswordHasher.VerifyAgainstDummy(request.Password);
            return unauthorized;
        }
        if (emailLimiter.TryAcquire(email) is { } limited) return limited;

        var holder = await reservations.AskEntityAsync<EmailReservationView>(new GetEmailReservation(email), ct);
        if (holder.Reply?.HolderUserId is not { } userId)
        {
            PasswordHasher.VerifyAgainstDummy(request.Password);
            return holder.Rejection is { } r ? ApiProblems.From(r) : unauthorized;
        }

        var (allowed, locked) = await AccountLock.CheckAsync(guards, email, ct);
        if (locked is not null) return locked;

        var credentials = await users.AskEntityAsync<UserCredentials>(new GetUserCredentials(userId), ct);
        var verified = credentials.Reply is { } found && found.Email == email
            ? PasswordHasher.Verify(request.Password, found.PasswordHash)
            : PasswordHasher.VerifyAgainstDummy(request.Password); // a stale hold: the same work, and a failure
        if (!verified)
        {
            await AccountLock.RecordFailureAsync(guards, email, ct);
            return unauthorized;
        }
        if (allowed!.ConsecutiveFailures > 0) guards.Tell(new RecordLoginSuccess(email));

        var token = tokens.Issue(userId, credentials.Reply!.TokenVersion);
        var expiresAt = DateTimeOffset.UtcNow.Add(tokens.Lifetime);
        if (request.Cookie != true) return Results.Ok(new LoginResponse(userId, token, expiresAt));
        SessionCookie.Set(http, token, expiresAt);
        return Results.Ok(new CookieLoginResponse(userId, expiresAt));
    }
}
