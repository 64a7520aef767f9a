using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Billing;

/// <summary>Every message the billing account entity handles; routed by <see cref="AccountId"/> (= the owner's user id).</summary>
public interface IBillingAccountCommand : IWithEntityId, IProtocolMessage
{
    string AccountId { get; }
    string IWithEntityId.EntityId => AccountId;
}

/// <summary>Opens the account at sign-up. Idempotent: a repeat with the same owner and currency answers the account.</summary>
[Manifest("billing.open.v1")]
public sealed record OpenBillingAccount(string AccountId, string OwnerUserId, string Currency) : IBillingAccountCommand;

[Manifest("billing.get.v1")]
public sealed record GetBillingAccount(string AccountId) : IBillingAccountCommand;

/// <summary>Starts a subscription now: an order whose invoice charges the first month. Answers <see cref="OrderPlaced"/>.</summary>
[Manifest("billing.subscribe.v1")]
public sealed record SubscribeToPlan(string AccountId, string PlanId, string IdempotencyKey) : IBillingAccountCommand;

/// <summary>Switches plan at once, prorated over the days left in the period. Answers <see cref="OrderPlaced"/>.</summary>
[Manifest("billing.change-plan.v1")]
public sealed record ChangeSubscriptionPlan(string AccountId, string PlanId, string IdempotencyKey) : IBillingAccountCommand;

/// <summary>Ends the subscription at the end of the current period (no refund). Idempotent.</summary>
[Manifest("billing.cancel.v1")]
public sealed record CancelSubscription(string AccountId) : IBillingAccountCommand;

/// <summary>Takes back a pending cancellation before the period ends. Idempotent.</summary>
[Manifest("billing.resume.v1")]
public sealed record ResumeSubscription(string AccountId) : IBillingAccountCommand;

/// <summary>
/// Sent by the scheduler at or after a period end: renews (invoicing the next period) or ends a cancelled
/// subscription. Does nothing before the period end, so it is safe to send any number of times.
/// </summary>
[Manifest("billing.advance-period.v1")]
public sealed record AdvanceBillingPeriod(string AccountId) : IBillingAccountCommand;

/// <summary>
/// Sent by the billing cycle after <see cref="AdvanceBillingPeriod"/>: takes the next step of collecting the oldest
/// open renewal invoice under the dunning policy — charge the card (attempt n has the key auto-{invoice}-{n}, so a
/// repeat never charges twice), wait for the next retry, or suspend the subscription once every attempt failed.
/// Answers <see cref="RenewalCollection"/>, or, when it charged, what <see cref="PayInvoice"/> answers.
/// </summary>
[Manifest("billing.collect-renewal.v1")]
public sealed record CollectRenewalPayment(string AccountId, DunningPolicy Policy) : IBillingAccountCommand;

[Manifest("billing.set-card.v1")]
public sealed record SetBillingCard(string AccountId, BillingCard Card) : IBillingAccountCommand;

/// <summary>Buys a title: an order whose invoice has one line. Answers <see cref="OrderPlaced"/>.</summary>
[Manifest("billing.purchase-title.v1")]
public sealed record PurchaseTitle(string AccountId, string TitleId, long PriceMinor, string Currency, string IdempotencyKey) : IBillingAccountCommand;

/// <summary>
/// Redeems a coupon against an open invoice. <see cref="RedemptionId"/> is the client's idempotency key: a repeat
/// consumes no second redemption. Answers the <see cref="InvoiceView"/>.
/// </summary>
[Manifest("billing.apply-coupon.v1")]
public sealed record ApplyCouponToInvoice(string AccountId, string InvoiceId, string CouponCode, string RedemptionId) : IBillingAccountCommand;

/// <summary>An administrator voids an open invoice that has no payment in progress.</summary>
[Manifest("billing.void-invoice.v1")]
public sealed record VoidInvoice(string AccountId, string InvoiceId) : IBillingAccountCommand;

[Manifest("billing.list-invoices.v1")]
public sealed record ListInvoices(string AccountId) : IBillingAccountCommand;

[Manifest("billing.get-invoice.v1")]
public sealed record GetInvoice(string AccountId, string InvoiceId) : IBillingAccountCommand;

/// <summary>
/// Pays what is due on an invoice with the account's card. Answers <see cref="PaymentReceipt"/>, or a rejection:
/// PaymentFailed (declined), Unavailable (the gateway did not answer; retrying with the same key is safe).
/// </summary>
[Manifest("billing.pay-invoice.v1")]
public sealed record PayInvoice(string AccountId, string InvoiceId, string IdempotencyKey) : IBillingAccountCommand;

/// <summary>
/// Gives up a payment whose gateway answer never came: the gateway voids the key so it can never charge later, and
/// the invoice can be paid with a new key. If the gateway had charged after all, the payment is recorded as paid.
/// Answers the <see cref="PaymentView"/>.
/// </summary>
[Manifest("billing.cancel-payment.v1")]
public sealed record CancelPayment(string AccountId, string IdempotencyKey) : IBillingAccountCommand;

[Manifest("billing.payment-history.v1")]
public sealed record GetPaymentHistory(string AccountId) : IBillingAccountCommand;

/// <summary>May the account's owner watch a title? Answered from state (<see cref="TitleEntitlement"/>); persists nothing.</summary>
[Manifest("billing.title-entitlement.get.v1")]
public sealed record GetTitleEntitlement(string AccountId, string TitleId) : IBillingAccountCommand;
