using Akka.Actor;
using MediaPlatform.Actors.Users;
using MediaPlatform.Actors.Users.EmailReservations;
using MediaPlatform.Node.Api.Auth;

namespace MediaPlatform.Node.Api.Users;

/// <summary>
/// Log in: the email's reservation names its user; that user's stored hash is checked. Every failure answers the
/// same 401, so a caller cannot tell an unknown email from a wrong password.
/// </summary>
public sealed class LoginFlow(IActorRef users, IActorRef reservations, TokenService tokens)
{
    public async Task<IResult> RunAsync(LoginRequest request, CancellationToken ct)
    {
        var unauthorized = Results.Problem(title: "Unauthorized", detail: "email or password is wrong", statusCode: 401);
        if (!EmailAddress.TryNormalize(request.Email, out var email, out _) || string.IsNullOrEmpty(request.Password)
            || request.Password.Length > PasswordHasher.MaxLength)
            return unauthorized;

        var holder = await reservations.AskEntityAsync<EmailReservationView>(new GetEmailReservation(email), ct);
        if (holder.Reply?.HolderUserId is not { } userId) return holder.Rejection is { } r ? ApiProblems.From(r) : unauthorized;

        var credentials = await users.AskEntityAsync<UserCredentials>(new GetUserCredentials(userId), ct);
        if (credentials.Reply is not { } found || found.Email != email || !PasswordHasher.Verify(request.Password, found.PasswordHash))
            return unauthorized;

        var token = tokens.Issue(userId, found.TokenVersion);
        return Results.Ok(new LoginResponse(userId, token, DateTimeOffset.UtcNow.Add(tokens.Lifetime)));
    }
}
