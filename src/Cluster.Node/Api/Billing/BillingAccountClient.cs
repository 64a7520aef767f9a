using Akka.Actor;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Users;
using MediaPlatform.Actors.Users.Cards;

namespace MediaPlatform.Node.Api.Billing;

/// <summary>
/// Asks a user's billing account. The account is opened at sign-up; if that step was lost (the node died right
/// after registering the user), the first billing request opens it — opening is idempotent, so this is safe on any node.
/// </summary>
public sealed class BillingAccountClient(IActorRef accounts, IActorRef users)
{
    public async Task<IResult> AskAsync<TReply>(string userId, IBillingAccountCommand command, CancellationToken ct, Func<TReply, IResult> ok)
        where TReply : class
    {
        var answer = await accounts.AskEntityAsync<TReply>(command, ct);
        if (answer.Rejection is { Kind: RejectionKind.NotFound } && await OpenIfUserExistsAsync(userId, ct))
            answer = await accounts.AskEntityAsync<TReply>(command, ct);
        return answer.Reply is { } reply ? ok(reply) : ApiProblems.From(answer.Rejection!);
    }

    public Task<EntityAnswer<BillingAccountView>> OpenAsync(string userId, CancellationToken ct) =>
        accounts.AskEntityAsync<BillingAccountView>(new OpenBillingAccount(userId, userId, PlanCatalog.Currency), ct);

    /// <summary>Copies the user's default card to the account, so payments and renewals use it.</summary>
    public Task<IResult?> SyncDefaultCardAsync(UserProfile profile, CancellationToken ct)
    {
        var card = profile.Cards.FirstOrDefault(c => c.CardId == profile.DefaultCardId);
        return card is null ? Task.FromResult<IResult?>(null) : SetCardAsync(profile.UserId, card, ct);
    }

    private async Task<IResult?> SetCardAsync(string userId, StoredCard card, CancellationToken ct)
    {
        var billingCard = new BillingCard(card.CardId, card.Token, card.Brand.ToString(), card.Last4, card.ExpiryMonth, card.ExpiryYear);
        var result = await AskAsync<BillingAccountView>(userId, new SetBillingCard(userId, billingCard), ct, _ => Results.Ok());
        return result is Microsoft.AspNetCore.Http.HttpResults.Ok ? null : result;
    }

    private async Task<bool> OpenIfUserExistsAsync(string userId, CancellationToken ct)
    {
        var user = await users.AskEntityAsync<UserProfile>(new GetUserProfile(userId), ct);
        return user.Reply is not null && (await OpenAsync(userId, ct)).Reply is not null;
    }
}
