namespace MediaPlatform.Actors.Billing.Plans;

/// <summary>A subscription plan: a monthly price in minor units (cents) of one currency.</summary>
public sealed record BillingPlan(string PlanId, string Name, long MonthlyPriceMinor, string Currency, int MaxStreams);
