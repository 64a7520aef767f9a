using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Billing.Coupons;

[Manifest("coupon.view.v1")]
public sealed record CouponView(string Code, CouponKind Kind, int PercentOff, long AmountOffMinor, string? Currency,
    DateTimeOffset ExpiresAt, int MaxRedemptions, int Redeemed, DateTimeOffset CreatedAt, bool Expired = false, int MaxRedemptionsPerAccount = 1)
    : IProtocolMessage;

/// <summary>A redemption the coupon accepted, with what it is worth; the account computes the discount from it.</summary>
[Manifest("coupon.redeemed.v1")]
public sealed record CouponRedeemed(string Code, string AccountId, string InvoiceId, string RedemptionId, CouponKind Kind,
    int PercentOff, long AmountOffMinor, string? Currency, DateTimeOffset RedeemedAt) : IProtocolMessage
{
    /// <summary>
    /// The discount on an amount (minor units): percent rounds down to a whole minor unit; a fixed amount never
    /// exceeds the amount. Never negative.
    /// </summary>
    public long DiscountOn(long amountMinor)
    {
        if (amountMinor <= 0) return 0;
        return Kind == CouponKind.Percent
            ? amountMinor / 100 * Math.Clamp(PercentOff, 0, 100) + amountMinor % 100 * Math.Clamp(PercentOff, 0, 100) / 100
            : Math.Clamp(AmountOffMinor, 0, amountMinor);
    }
}
