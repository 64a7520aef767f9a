namespace MediaPlatform.Node.Api.Billing;

// Request bodies of the billing API; amounts are always integers in minor units (cents).

public sealed record PlanRequest(string? PlanId);

public sealed record TitleOrderRequest(string? TitleId);

public sealed record CouponOnInvoiceRequest(string? Code);

public sealed record CreateCouponRequest(string? Code, string? Kind, int PercentOff, long AmountOffMinor, string? Currency,
    DateTimeOffset? ExpiresAt, int MaxRedemptions, int? MaxRedemptionsPerAccount);
