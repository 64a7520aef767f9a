using Akka.Hosting;
using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Node.Api.Billing;

/// <summary>
/// What every billing handler needs (the user's billing account, and titles as things to order); registered as a
/// service so handlers take it as one parameter.
/// </summary>
public sealed class BillingServices(IRequiredActor<EntityRegions.BillingAccounts> accounts, IRequiredActor<EntityRegions.Users> users,
    IRequiredActor<EntityRegions.Titles> titles, TitlePricing pricing)
{
    public BillingAccountClient Accounts { get; } = new(accounts.ActorRef, users.ActorRef);
    public TitleOrders Titles { get; } = new(titles.ActorRef, pricing);
}
