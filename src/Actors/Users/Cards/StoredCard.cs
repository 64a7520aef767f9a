using System.Text.Json.Serialization;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Users.Cards;

/// <summary>What is kept of a payment card: an opaque token, never the number.</summary>
[Manifest("user.stored-card.v1")]
public sealed record StoredCard(string CardId, string Token, CardBrand Brand, string Last4, int ExpiryMonth, int ExpiryYear) : IProtocolMessage
{
    /// <summary>The last moment the card is valid: the end of its expiry month (UTC).</summary>
    [JsonIgnore]
    public DateTimeOffset ExpiresAt => new DateTimeOffset(ExpiryYear, ExpiryMonth, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
}

public enum CardBrand { Visa, Mastercard, Amex, Discover }
