using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Users;
using MediaPlatform.Actors.Users.EmailReservations;
using MediaPlatform.Node.Api.Auth;

namespace MediaPlatform.Node.Api.Users;

/// <summary>
/// Changing a user's email uses the same reservations as sign-up: reserve the new address, switch the user to it,
/// confirm it, release the old one. A crash part-way leaves at worst a hold that the next claim reclaims.
/// The current password is required (a stolen token alone must not take the account over), and the change ends
/// every older session on every node before the answer.
/// </summary>
public sealed class EmailChangeFlow(IActorRef users, IActorRef guards, IActorRef reservations, TokenVersions versions)
{
    public async Task<IResult> RunAsync(string userId, ChangeEmailRequest request, CancellationToken ct)
    {
        if (!EmailAddress.TryNormalize(request.Email, out var email, out var error)) return ApiProblems.Invalid(error);
        if (await CurrentPassword.CheckAsync(users, guards, userId, request.CurrentPassword, ct) is { } refused) return refused;
        var current = await users.AskEntityAsync<UserProfile>(new GetUserProfile(userId), ct);
        if (current.Rejection is { } missing) return ApiProblems.From(missing);
        if (current.Reply!.Email == email) return Results.Ok(UserResponses.From(current.Reply));

        var reserved = await reservations.AskEntityAsync<EmailReservationView>(new ReserveEmail(email, userId), ct);
        if (reserved.Rejection is { } taken) return ApiProblems.From(taken);

        var changed = await users.AskEntityAsync<UserProfile>(new ChangeUserEmail(userId, email), ct);
        if (changed.Rejection is { } notChanged)
        {
            if (notChanged.Kind != RejectionKind.Unavailable) reservations.Tell(new ReleaseEmail(email, userId));
            return ApiProblems.From(notChanged);
        }
        await versions.PublishCurrentAsync(userId, ct);
        reservations.Tell(new ConfirmEmail(email, userId));
        reservations.Tell(new ReleaseEmail(current.Reply.Email, userId));
        return Results.Ok(UserResponses.From(changed.Reply!));
    }
}
