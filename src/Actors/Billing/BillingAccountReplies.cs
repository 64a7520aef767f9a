using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Billing;

[Manifest("billing.account.v1")]
public sealed record BillingAccountView(
    string AccountId,
    string OwnerUserId,
    string Currency,
    string? PlanId,
    SubscriptionStatus Status,
    DateTimeOffset? PeriodStart,
    DateTimeOffset? PeriodEnd,
    bool CancelAtPeriodEnd,
    long AmountDueMinor,
    long CreditMinor,
    long BalanceMinor,
    BillingCardView? PaymentCard,
    int OpenInvoices,
    string? PendingPlanId = null,
    string? PendingPlanInvoiceId = null) : IProtocolMessage;

/// <summary>A card as clients see it: no gateway token.</summary>
[Manifest("billing.card.v1")]
public sealed record BillingCardView(string CardId, string Brand, string Last4, int ExpiryMonth, int ExpiryYear) : IProtocolMessage;

[Manifest("billing.invoice.v1")]
public sealed record InvoiceView(
    string AccountId,
    string InvoiceId,
    int Number,
    OrderKind Kind,
    string Reference,
    string Currency,
    DateTimeOffset IssuedAt,
    IReadOnlyList<InvoiceLine> Lines,
    long SubtotalMinor,
    long CreditAppliedMinor,
    long DiscountMinor,
    string? CouponCode,
    long TotalMinor,
    long AmountPaidMinor,
    long AmountDueMinor,
    InvoiceStatus Status) : IProtocolMessage;

[Manifest("billing.invoices.v1")]
public sealed record InvoiceList(string AccountId, IReadOnlyList<InvoiceView> Invoices) : IProtocolMessage;

/// <summary>The answer to an order (subscribe, change plan, title purchase), first time and on every repeat of its key.</summary>
[Manifest("billing.order-placed.v1")]
public sealed record OrderPlaced(string AccountId, string OrderKey, InvoiceView Invoice, BillingAccountView Account) : IProtocolMessage;

[Manifest("billing.payment.v1")]
public sealed record PaymentView(
    string Key,
    string InvoiceId,
    long AmountMinor,
    string Currency,
    string CardLast4,
    PaymentStatus Status,
    string? ChargeId,
    string? FailureReason,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt) : IProtocolMessage;

/// <summary>A successful payment, first time and on every repeat of its key.</summary>
[Manifest("billing.payment-receipt.v1")]
public sealed record PaymentReceipt(string AccountId, PaymentView Payment, InvoiceView Invoice) : IProtocolMessage;

/// <summary>Payments oldest first. Balance = what open invoices still ask − account credit (negative: in credit).</summary>
[Manifest("billing.payment-history-answer.v1")]
public sealed record PaymentHistory(string AccountId, string Currency, IReadOnlyList<PaymentView> Payments, long TotalPaidMinor, long BalanceMinor) : IProtocolMessage;

public enum CollectionOutcome { NothingDue, NotYetDue, Declined, Suspended }

/// <summary>
/// The answer to <see cref="CollectRenewalPayment"/> when no charge was made now: nothing open, the next retry is
/// later (<see cref="NextAttemptAt"/>), an attempt was refused before the gateway (no usable card), or suspended.
/// </summary>
[Manifest("billing.renewal-collection.v1")]
public sealed record RenewalCollection(string AccountId, CollectionOutcome Outcome, string? InvoiceId, int FailedAttempts,
    DateTimeOffset? NextAttemptAt, string Detail) : IProtocolMessage;

/// <summary>
/// Whether the account's owner may watch a title through billing: <see cref="Entitled"/> with what grants it
/// ("subscription" or "purchase"), or not, with <see cref="Reason"/> in words for the viewer.
/// </summary>
[Manifest("billing.title-entitlement.v1")]
public sealed record TitleEntitlement(string AccountId, string TitleId, bool Entitled, string Reason) : IProtocolMessage;
