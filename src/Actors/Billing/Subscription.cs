namespace MediaPlatform.Actors.Billing;

/// <summary>Suspended: a renewal stayed unpaid after every attempt of the dunning policy; subscribing again starts afresh.</summary>
public enum SubscriptionStatus { None, Active, Ended, Suspended }

/// <summary>
/// The account's plan and current billing period. Periods are counted from <see cref="AnchorAt"/> (period n ends at
/// anchor + n months) so a subscription started on the 31st does not drift to the 28th after February.
/// </summary>
public sealed record Subscription(
    string PlanId,
    SubscriptionStatus Status,
    DateTimeOffset AnchorAt,
    int PeriodNumber,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    bool CancelAtPeriodEnd);
