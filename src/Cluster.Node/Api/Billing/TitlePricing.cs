namespace MediaPlatform.Node.Api.Billing;

/// <summary>
/// The price of buying one title. The client never sends a price: it is the platform's. One flat price until titles
/// carry their own (the media catalog).
/// </summary>
public static class TitlePricing
{
    public const long PriceMinor = 399;
}
