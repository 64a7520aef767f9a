using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Billing;

/// <summary>Every event a billing account persists.</summary>
public interface IBillingAccountEvent : IProtocolMessage;

[Manifest("billing.opened.v1")]
public sealed record BillingAccountOpened(string AccountId, string OwnerUserId, string Currency, DateTimeOffset At) : IBillingAccountEvent;

/// <summary>The whole invoice as issued (lines, credit applied, status), so replay never recomputes prices.</summary>
[Manifest("billing.invoice-issued.v1")]
public sealed record InvoiceIssued(Invoice Invoice) : IBillingAccountEvent;

[Manifest("billing.subscription-started.v1")]
public sealed record SubscriptionStarted(string PlanId, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, string InvoiceId, DateTimeOffset At) : IBillingAccountEvent;

[Manifest("billing.plan-changed.v1")]
public sealed record SubscriptionPlanChanged(string OldPlanId, string NewPlanId, string InvoiceId, DateTimeOffset At) : IBillingAccountEvent;

/// <summary>
/// An upgrade ordered with an invoice still to pay: the plan stays as it is until the invoice is paid (then the change
/// applies); voiding the invoice drops it. A change that costs nothing is <see cref="SubscriptionPlanChanged"/>.
/// </summary>
[Manifest("billing.plan-change-requested.v1")]
public sealed record SubscriptionPlanChangeRequested(string OldPlanId, string NewPlanId, string InvoiceId, DateTimeOffset At) : IBillingAccountEvent;

[Manifest("billing.subscription-renewed.v1")]
public sealed record SubscriptionRenewed(string PlanId, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, string InvoiceId, DateTimeOffset At) : IBillingAccountEvent;

[Manifest("billing.cancel-scheduled.v1")]
public sealed record SubscriptionCancellationScheduled(DateTimeOffset EffectiveAt, DateTimeOffset At) : IBillingAccountEvent;

[Manifest("billing.subscription-resumed.v1")]
public sealed record SubscriptionResumed(DateTimeOffset At) : IBillingAccountEvent;

[Manifest("billing.subscription-ended.v1")]
public sealed record SubscriptionEnded(string PlanId, DateTimeOffset EndedAt, DateTimeOffset At) : IBillingAccountEvent;

[Manifest("billing.card-set.v1")]
public sealed record BillingCardSet(BillingCard Card, DateTimeOffset At) : IBillingAccountEvent;

[Manifest("billing.coupon-applied.v1")]
public sealed record CouponAppliedToInvoice(string InvoiceId, string CouponCode, string RedemptionId, long DiscountMinor, DateTimeOffset At) : IBillingAccountEvent;

[Manifest("billing.invoice-voided.v1")]
public sealed record InvoiceVoided(string InvoiceId, DateTimeOffset At) : IBillingAccountEvent;

/// <summary>Recorded before the gateway is asked, so a crash mid-request leaves a pending attempt to retry, not a guess.</summary>
[Manifest("billing.payment-started.v1")]
public sealed record PaymentStarted(string Key, string GatewayKey, string InvoiceId, long AmountMinor, string Currency,
    string CardId, string CardToken, string CardLast4, DateTimeOffset At) : IBillingAccountEvent;

[Manifest("billing.payment-succeeded.v1")]
public sealed record PaymentSucceeded(string Key, string InvoiceId, long AmountMinor, string ChargeId, DateTimeOffset At) : IBillingAccountEvent;

[Manifest("billing.payment-declined.v1")]
public sealed record PaymentDeclined(string Key, string InvoiceId, string Reason, DateTimeOffset At) : IBillingAccountEvent;

/// <summary>The gateway voided the attempt's key: it never charged and never will.</summary>
[Manifest("billing.payment-cancelled.v1")]
public sealed record PaymentCancelled(string Key, string InvoiceId, DateTimeOffset At) : IBillingAccountEvent;

/// <summary>An automatic renewal attempt failed before reaching the gateway (no card, expired card): a declined attempt.</summary>
[Manifest("billing.payment-refused.v1")]
public sealed record PaymentRefused(string Key, string InvoiceId, long AmountMinor, string Currency, string Reason, DateTimeOffset At) : IBillingAccountEvent;

/// <summary>Every attempt of the dunning policy on a renewal invoice failed.</summary>
[Manifest("billing.subscription-suspended.v1")]
public sealed record SubscriptionSuspended(string PlanId, string InvoiceId, string Reason, DateTimeOffset At) : IBillingAccountEvent;
