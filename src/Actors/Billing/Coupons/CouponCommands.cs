using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Billing.Coupons;

/// <summary>Every message the coupon entity handles; routed by the normalized <see cref="Code"/> (see <see cref="CouponCode"/>).</summary>
public interface ICouponCommand : IWithEntityId, IProtocolMessage
{
    string Code { get; }
    string IWithEntityId.EntityId => Code;
}

public enum CouponKind { Percent, FixedAmount }

/// <summary>
/// An administrator defines the coupon: <see cref="CouponKind.Percent"/> with PercentOff 1–100 (AmountOffMinor 0, no
/// currency) or <see cref="CouponKind.FixedAmount"/> with AmountOffMinor &gt; 0 in Currency (PercentOff 0).
/// Idempotent: repeating the same definition answers the coupon; a different one is a conflict.
/// MaxRedemptions is the limit over all accounts; MaxRedemptionsPerAccount (default once) the limit for one account.
/// </summary>
[Manifest("coupon.create.v1")]
public sealed record CreateCoupon(string Code, CouponKind Kind, int PercentOff, long AmountOffMinor, string? Currency,
    DateTimeOffset ExpiresAt, int MaxRedemptions, int MaxRedemptionsPerAccount = 1) : ICouponCommand;

[Manifest("coupon.get.v1")]
public sealed record GetCoupon(string Code) : ICouponCommand;

/// <summary>
/// Uses one redemption for an account's invoice. (AccountId, RedemptionId) identifies the redemption: a repeat
/// answers the first <see cref="CouponRedeemed"/> without using another. Currency is the invoice's, so a fixed-amount
/// coupon in another currency is refused before anything is used.
/// </summary>
[Manifest("coupon.redeem.v1")]
public sealed record RedeemCoupon(string Code, string AccountId, string InvoiceId, string RedemptionId, string Currency) : ICouponCommand;

/// <summary>Sent by the coupon-expiry job: marks a coupon past its expiry as expired. Idempotent.</summary>
[Manifest("coupon.expire.v1")]
public sealed record ExpireCoupon(string Code) : ICouponCommand;
