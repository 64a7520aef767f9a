using Akka.Hosting;
using MediaPlatform.Actors.Users;
using MediaPlatform.Actors.Users.Cards;
using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Api.Billing;
using MediaPlatform.Node.Api.Limits;
using MediaPlatform.Node.Hosting;
using Microsoft.AspNetCore.Mvc;
using System.Security.Claims;

namespace MediaPlatform.Node.Api.Users;

/// <summary>/api/users and /api/sessions: sign-up and login are public; everything else needs the user's token.</summary>
public static class UserRoutes
{
    public static IEndpointRouteBuilder MapUserRoutes(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sessions", (LoginRequest body, IRequiredActor<EntityRegions.Users> users,
                IRequiredActor<EntityRegions.EmailReservations> reservations, IRequiredActor<EntityRegions.LoginGuards> guards,
                LoginEmailLimiter emailLimiter, TokenService tokens, HttpContext http, CancellationToken ct) =>
            new LoginFlow(users.ActorRef, reservations.ActorRef, guards.ActorRef, emailLimiter, tokens).RunAsync(body, http, ct))
            .RequireRateLimiting(RateLimitPolicies.Logins)
            .WithTags("users").WithSummary("Log in: returns a bearer token, or with \"cookie\": true sets the HttpOnly session cookie");

        app.MapPost("/api/sessions/logout", (ClaimsPrincipal caller, IRequiredActor<EntityRegions.Users> users, TokenVersions versions,
                HttpContext http, CancellationToken ct) =>
            caller.IsAdmin() || caller.CallerId() is not { } userId
                ? Task.FromResult(ApiProblems.Invalid("the admin token is not a user session; rotate it to revoke it"))
                : new LogoutFlow(users.ActorRef, versions).RunAsync(userId, http, ct))
            .RequireAuthorization()
            .WithTags("users").WithSummary("Sign out everywhere: every token issued to the caller so far is refused on every node");

        app.MapCurrentSessionRoutes();

        var group = app.MapGroup("/api/users").WithTags("users");

        group.MapPost("/", (SignUpRequest body, [FromHeader(Name = "Idempotency-Key")] string? key,
                IRequiredActor<EntityRegions.Users> users, IRequiredActor<EntityRegions.EmailReservations> reservations,
                BillingServices billing, SignUpFingerprints fingerprints, ILoggerFactory logs, CancellationToken ct) =>
            ApiInput.IdempotencyKey(key) is { } bad ? Task.FromResult(bad)
                : new SignUpFlow(users.ActorRef, reservations.ActorRef, billing.Accounts, fingerprints, logs.CreateLogger<SignUpFlow>()).RunAsync(body, key, ct))
            .RequireRateLimiting(RateLimitPolicies.SignUps)
            .WithSummary("Sign up (public); Idempotency-Key makes a retry return the first result");

        var own = group.MapGroup("/{userId}").RequireAuthorization();

        own.MapGet("/", (string userId, ClaimsPrincipal caller, IRequiredActor<EntityRegions.Users> users, CancellationToken ct) =>
            Guard(caller, userId) ?? users.ActorRef.AskAsync<UserProfile>(new GetUserProfile(userId), ct, p => Results.Ok(UserResponses.From(p))));

        own.MapPatch("/", (string userId, UpdateProfileRequest body, ClaimsPrincipal caller, IRequiredActor<EntityRegions.Users> users, CancellationToken ct) =>
            Guard(caller, userId) ?? users.ActorRef.AskAsync<UserProfile>(new UpdateUserProfile(userId, body.DisplayName ?? ""), ct, p => Results.Ok(UserResponses.From(p))));

        // Credential changes check a password: they share the logins' per-address limit and the account's login guard.
        own.MapPut("/email", (string userId, ChangeEmailRequest body, ClaimsPrincipal caller, IRequiredActor<EntityRegions.Users> users,
                IRequiredActor<EntityRegions.LoginGuards> guards, IRequiredActor<EntityRegions.EmailReservations> reservations,
                TokenVersions versions, CancellationToken ct) =>
            Guard(caller, userId) ?? new EmailChangeFlow(users.ActorRef, guards.ActorRef, reservations.ActorRef, versions).RunAsync(userId, body, ct))
            .RequireRateLimiting(RateLimitPolicies.Logins)
            .WithSummary("Change the email: needs currentPassword; ends every older session");

        own.MapPut("/password", (string userId, ChangePasswordRequest body, ClaimsPrincipal caller, IRequiredActor<EntityRegions.Users> users,
                IRequiredActor<EntityRegions.LoginGuards> guards, TokenService tokens, TokenVersions versions, CancellationToken ct) =>
            Guard(caller, userId) ?? new PasswordChangeFlow(users.ActorRef, guards.ActorRef, tokens, versions).RunAsync(userId, body, ct))
            .RequireRateLimiting(RateLimitPolicies.Logins)
            .WithSummary("Change the password: needs currentPassword; ends every older session and returns a fresh token");

        own.MapPost("/cards", (string userId, AddCardRequest body, ClaimsPrincipal caller, IRequiredActor<EntityRegions.Users> users,
            BillingServices billing, CancellationToken ct) =>
        {
            if (Guard(caller, userId) is { } denied) return denied;
            if (!CardValidation.TryAccept(body.Number, body.ExpiryMonth, body.ExpiryYear, DateTimeOffset.UtcNow, out var card, out var error))
                return Task.FromResult(ApiProblems.Invalid(error));
            return CardChangeAsync(users, billing, new AddPaymentCard(userId, card, body.MakeDefault), ct,
                p => Results.Created($"/api/users/{userId}/cards/{card.CardId}", UserResponses.From(p).Cards.Single(c => c.CardId == card.CardId)));
        });

        own.MapDelete("/cards/{cardId}", (string userId, string cardId, ClaimsPrincipal caller, IRequiredActor<EntityRegions.Users> users,
                BillingServices billing, CancellationToken ct) =>
            Guard(caller, userId, cardId) ?? CardChangeAsync(users, billing, new RemovePaymentCard(userId, cardId), ct, NoContent));

        own.MapPut("/cards/{cardId}/default", (string userId, string cardId, ClaimsPrincipal caller, IRequiredActor<EntityRegions.Users> users,
                BillingServices billing, CancellationToken ct) =>
            Guard(caller, userId, cardId) ?? CardChangeAsync(users, billing, new SetDefaultPaymentCard(userId, cardId), ct, p => Results.Ok(UserResponses.From(p))));

        return app;
    }

    private static IResult NoContent(UserProfile _) => Results.NoContent();

    /// <summary>A card change on the user, then the (possibly new) default card copied to the billing account.</summary>
    private static async Task<IResult> CardChangeAsync(IRequiredActor<EntityRegions.Users> users, BillingServices billing,
        IUserCommand command, CancellationToken ct, Func<UserProfile, IResult> ok)
    {
        var answer = await users.ActorRef.AskEntityAsync<UserProfile>(command, ct);
        if (answer.Reply is not { } profile) return ApiProblems.From(answer.Rejection!);
        return await billing.Accounts.SyncDefaultCardAsync(profile, ct) ?? ok(profile);
    }

    /// <summary>Well-formed ids, and the caller acts for this user; otherwise the 400/403 to answer with.</summary>
    private static Task<IResult>? Guard(ClaimsPrincipal caller, string userId, string? cardId = null)
    {
        var problem = ApiInput.Id("user id", userId) ?? (cardId is null ? null : ApiInput.Id("card id", cardId)) ?? caller.ForbidUnlessSelf(userId);
        return problem is null ? null : Task.FromResult(problem);
    }
}
