using System.Text.Json.Serialization;

namespace MediaPlatform.Actors.Billing;

/// <summary>
/// The card an account pays with: a copy of a card from the user's registry (the API layer copies it), so billing
/// never asks the user entity while charging. Only the gateway token and display details; never the number.
/// </summary>
public sealed record BillingCard(string CardId, string Token, string Brand, string Last4, int ExpiryMonth, int ExpiryYear)
{
    /// <summary>The first moment the card is no longer valid: the start of the month after its expiry month (UTC).</summary>
    [JsonIgnore]
    public DateTimeOffset ExpiresAt => ExpiryMonth is >= 1 and <= 12 && ExpiryYear is >= 1 and <= 9998
        ? new DateTimeOffset(ExpiryYear, ExpiryMonth, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1)
        : DateTimeOffset.MinValue;

    /// <summary>What clients see: no token.</summary>
    public BillingCardView View() => new(CardId, Brand, Last4, ExpiryMonth, ExpiryYear);
}
