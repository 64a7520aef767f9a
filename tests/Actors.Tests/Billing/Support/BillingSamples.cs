using MediaPlatform.Actors.Billing;

namespace MediaPlatform.Actors.Tests.Billing.Support;

/// <summary>Fixed times and cards the billing specs share.</summary>
public static class BillingSamples
{
    /// <summary>10 January 2026, noon UTC: the period to 10 February has 31 days.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    public static BillingCard Card(string last4 = "4242", string id = "card_1") =>
        new(id, $"tok_{id}_{last4}", "Visa", last4, 12, 2030);

    /// <summary>Declined by the built-in gateway's default rules ("insufficient funds").</summary>
    public static BillingCard DecliningCard() => Card("0002", "card_decline");

    /// <summary>Never answered by the built-in gateway's default rules.</summary>
    public static BillingCard SilentCard() => Card("0119", "card_silent");
}
