namespace MediaPlatform.Actors.Billing.Coupons;

/// <summary>One accepted redemption; kept for the coupon's life so a repeat never uses a second one.</summary>
public sealed record CouponRedemption(string AccountId, string InvoiceId, string RedemptionId, DateTimeOffset At);
