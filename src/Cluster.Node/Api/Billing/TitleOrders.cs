using Akka.Actor;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Node.Api.Billing;

/// <summary>
/// Ordering a title: only a title that exists and is published is for sale, at the price stored on the title.
/// The title's entity is asked: it is authoritative for its status and price (the catalog read model may lag behind
/// it). An unknown id wakes an empty entity that answers "does not exist" and passivates itself at once, as for
/// GET /api/titles/{id}.
/// </summary>
public sealed class TitleOrders(IActorRef titles, TitlePricing pricing)
{
    public async Task<(PurchaseTitle? Order, IResult? Problem)> PriceAsync(string userId, string titleId, string key, CancellationToken ct)
    {
        if (ApiInput.Id("title id", titleId) is { } bad) return (null, bad);
        if (!pricing.RequirePublishedTitle) return (new PurchaseTitle(userId, titleId, pricing.PriceMinor, PlanCatalog.Currency, key), null);
        var answer = await titles.AskEntityAsync<TitleView>(new GetTitle(titleId), ct);
        if (answer.Rejection is { } rejection) return (null, ApiProblems.From(rejection));
        var title = answer.Reply!;
        if (title.Status != TitleStatus.Published)
            return (null, NotForSale(Rejection.Conflict($"title {titleId} is not published; only published titles can be ordered")));
        return (new PurchaseTitle(userId, titleId, title.PriceMinor, PlanCatalog.Currency, key), null);
    }

    private static IResult NotForSale(Rejection rejection) => ApiProblems.From(rejection);
}
