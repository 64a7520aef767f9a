using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Billing.Coupons;

public interface ICouponEvent : IProtocolMessage;

/// <summary>Coupons created before the per-account limit existed read as once per account.</summary>
[Manifest("coupon.created.v1")]
public sealed record CouponCreated(string Code, CouponKind Kind, int PercentOff, long AmountOffMinor, string? Currency,
    DateTimeOffset ExpiresAt, int MaxRedemptions, DateTimeOffset At, int MaxRedemptionsPerAccount = 1) : ICouponEvent;

[Manifest("coupon.redeemed-event.v1")]
public sealed record CouponRedemptionRecorded(string Code, string AccountId, string InvoiceId, string RedemptionId, DateTimeOffset At) : ICouponEvent;

[Manifest("coupon.expired.v1")]
public sealed record CouponExpired(string Code, DateTimeOffset At) : ICouponEvent;
