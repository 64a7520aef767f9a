using Akka.Configuration;

namespace MediaPlatform.Actors.Billing.Plans;

/// <summary>
/// The price a new title is sold at, from <c>media-platform.billing.title-price-minor</c> (minor units, default 399).
/// It is stored on the title when it is created (<see cref="Titles.TitleCreated"/>), so an order is priced from the
/// title's own record and a later change of the setting does not reprice titles already on sale. The client never
/// sends a price; titles are sold in the catalog's currency (<see cref="PlanCatalog.Currency"/>). <see cref="RequirePublishedTitle"/> (<c>media-platform.billing.require-published-title</c>, default on)
/// is turned off only by fault-injection specs that order thousands of made-up title ids; never in production.
/// </summary>
public sealed record TitlePricing(long PriceMinor, bool RequirePublishedTitle = true)
{
    public const string Path = "media-platform.billing.title-price-minor";
    public const string RequirePublishedPath = "media-platform.billing.require-published-title";
    public const long DefaultPriceMinor = 399;

    public static TitlePricing From(Config root)
    {
        bool require;
        try { require = !root.HasPath(RequirePublishedPath) || root.GetBoolean(RequirePublishedPath); }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{RequirePublishedPath} must be on or off: {e.Message}"); }
        if (!root.HasPath(Path)) return new TitlePricing(DefaultPriceMinor, require);
        long price;
        try { price = root.GetLong(Path); }
        catch (Exception e) when (e is not ConfigurationException) { throw new ConfigurationException($"{Path} is not a whole number of minor units: {e.Message}"); }
        return price is >= 1 and <= BillingAccountState.MaxTitlePriceMinor
            ? new TitlePricing(price, require)
            : throw new ConfigurationException($"{Path} must be 1 to {BillingAccountState.MaxTitlePriceMinor} minor units (cents), not {price}");
    }
}
