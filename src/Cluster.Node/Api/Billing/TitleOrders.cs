using Akka.Actor;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Node.Api.Billing;

/// <summary>
/// Ordering a title: only a title that exists and is published is for sale, at the price stored on the title.
/// The node's title catalog is asked first, so an order for an unknown id starts no title entity; then the title's
/// entity, which is authoritative for its status and price (the catalog may lag a moment behind it).
/// </summary>
public sealed class TitleOrders(IActorRef catalog, IActorRef titles, TitlePricing pricing)
{
    public async Task<(PurchaseTitle? Order, IResult? Problem)> PriceAsync(string userId, string titleId, string key, CancellationToken ct)
    {
        if (ApiInput.Id("title id", titleId) is { } bad) return (null, bad);
        if (!pricing.RequirePublishedTitle) return (new PurchaseTitle(userId, titleId, pricing.PriceMinor, PlanCatalog.Currency, key), null);
        TitleLookup lookup;
        try { lookup = await catalog.Ask<TitleLookup>(new FindTitle(titleId), EntityAsk.DefaultTimeout, ct); }
        catch (AskTimeoutException) { return (null, ApiProblems.From(new Rejection(RejectionKind.Unavailable, "the title catalog did not answer in time; it is safe to retry"))); }
        if (lookup.Title is null) return (null, NotForSale(Rejection.NotFound($"title {titleId} does not exist")));
        var answer = await titles.AskEntityAsync<TitleView>(new GetTitle(titleId), ct);
        if (answer.Rejection is { } rejection) return (null, ApiProblems.From(rejection));
        var title = answer.Reply!;
        if (title.Status != TitleStatus.Published)
            return (null, NotForSale(Rejection.Conflict($"title {titleId} is not published; only published titles can be ordered")));
        return (new PurchaseTitle(userId, titleId, title.PriceMinor, PlanCatalog.Currency, key), null);
    }

    private static IResult NotForSale(Rejection rejection) => ApiProblems.From(rejection);
}
