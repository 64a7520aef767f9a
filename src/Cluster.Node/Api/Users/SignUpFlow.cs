using System.Security.Cryptography;
using System.Text;
using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Users;
using MediaPlatform.Actors.Users.EmailReservations;
using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Api.Billing;

namespace MediaPlatform.Node.Api.Users;

/// <summary>
/// Sign-up across two entities: reserve the email (the reservation entity decides races), register the user,
/// confirm the reservation. If registration is refused the reservation is released. If this node dies part-way,
/// the reservation is left held by a user that may not exist; the reservation entity reclaims such a hold when the
/// next claim comes after its grace period, by asking the user entity (see EmailReservationState). With an
/// Idempotency-Key the user id is derived from the key, so a retried sign-up — on any node — finds its own hold and
/// its own user and answers as the first attempt did — only if it is the same request (same email, display name and
/// password, compared by <see cref="SignUpFingerprints"/>): a key reused with another body gets 422.
/// </summary>
public sealed class SignUpFlow(IActorRef users, IActorRef reservations, BillingAccountClient billing, SignUpFingerprints fingerprints, ILogger logger)
{
    public async Task<IResult> RunAsync(SignUpRequest request, string? idempotencyKey, CancellationToken ct)
    {
        if (!EmailAddress.TryNormalize(request.Email, out var email, out var emailError)) return ApiProblems.Invalid(emailError);
        if (PasswordHasher.Validate(request.Password) is { } passwordError) return ApiProblems.Invalid(passwordError);
        if (string.IsNullOrWhiteSpace(request.DisplayName)) return ApiProblems.Invalid("display name is required");

        var userId = idempotencyKey is null ? NewUserId() : UserIdFor(idempotencyKey);
        var reserved = await reservations.AskEntityAsync<EmailReservationView>(new ReserveEmail(email, userId), ct);
        if (reserved.Rejection is { } taken) return ApiProblems.From(taken);

        var hash = PasswordHasher.Hash(request.Password!);
        var fingerprint = fingerprints.Of(email, request.DisplayName, request.Password!);
        var registered = await users.AskEntityAsync<UserProfile>(new RegisterUser(userId, email, request.DisplayName, hash, fingerprint), ct);
        if (registered.Rejection is { } refused)
        {
            // Refused for certain: give the address back. (A timeout is not certain: the user may exist, so keep it.
            // Nor a replay with another body: the user exists and may use this very address; a hold it does not use
            // is settled by the reservation's own holder check.)
            if (refused.Kind is not (RejectionKind.Unavailable or RejectionKind.Unprocessable)) reservations.Tell(new ReleaseEmail(email, userId));
            return ApiProblems.From(refused);
        }

        var confirmed = await reservations.AskEntityAsync<EmailReservationView>(new ConfirmEmail(email, userId), ct);
        if (confirmed.Rejection is { } notConfirmed)
            logger.LogWarning("user {UserId} registered but its email hold was not confirmed ({Reason}); it is verified on the next claim", userId, notConfirmed.Message);

        // One billing account per user, opened now. If this is lost the first billing request opens it (BillingAccountClient).
        var account = await billing.OpenAsync(userId, ct);
        if (account.Rejection is { } notOpened)
            logger.LogWarning("user {UserId} registered but its billing account was not opened yet ({Reason})", userId, notOpened.Message);

        logger.LogInformation("user {UserId} signed up", userId);
        return Results.Created($"/api/users/{userId}", UserResponses.From(registered.Reply!));
    }

    private static string NewUserId() => $"u-{Guid.NewGuid():N}"[..18];

    private static string UserIdFor(string idempotencyKey) =>
        "u-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("signup:" + idempotencyKey)))[..16];
}
