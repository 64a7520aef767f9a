using System.Text.Json.Serialization;

namespace MediaPlatform.Actors.Billing;

public enum InvoiceStatus { Open, Paid, Void }

/// <summary>What an invoice was issued for.</summary>
public enum OrderKind { Subscription, PlanChange, Renewal, TitlePurchase }

/// <summary>One line of an invoice; credits (unused time of an old plan) are negative.</summary>
public sealed record InvoiceLine(string Description, long AmountMinor);

/// <summary>A coupon's discount on an invoice, applied after the coupon entity accepted the redemption.</summary>
public sealed record InvoiceDiscount(string CouponCode, string RedemptionId, long AmountMinor, DateTimeOffset AppliedAt);

/// <summary>
/// An invoice as the account keeps it. Total = subtotal − account credit applied − discount; it is negative for a
/// downgrade (the difference becomes account credit). <see cref="OrderKey"/> is the Idempotency-Key of the order
/// that created it, so a repeated order finds its invoice for as long as the invoice exists.
/// </summary>
public sealed record Invoice(
    string InvoiceId,
    int Number,
    OrderKind Kind,
    string Reference,
    string OrderKey,
    string OrderFingerprint,
    string Currency,
    DateTimeOffset IssuedAt,
    IReadOnlyList<InvoiceLine> Lines,
    long CreditAppliedMinor,
    InvoiceDiscount? Discount,
    long AmountPaidMinor,
    InvoiceStatus Status)
{
    [JsonIgnore] public long SubtotalMinor => Lines.Sum(l => l.AmountMinor);
    [JsonIgnore] public long DiscountMinor => Discount?.AmountMinor ?? 0;
    [JsonIgnore] public long TotalMinor => SubtotalMinor - CreditAppliedMinor - DiscountMinor;

    /// <summary>What a coupon's discount is taken from: the subtotal after account credit.</summary>
    [JsonIgnore] public long DiscountableMinor => Math.Max(0, SubtotalMinor - CreditAppliedMinor);

    [JsonIgnore] public long AmountDueMinor => Status == InvoiceStatus.Open ? Math.Max(0, TotalMinor - AmountPaidMinor) : 0;

    /// <summary>Open while something is due, paid once nothing is; a void invoice stays void.</summary>
    public Invoice Settled() =>
        Status == InvoiceStatus.Void ? this : this with { Status = AmountPaidMinor >= TotalMinor ? InvoiceStatus.Paid : InvoiceStatus.Open };

    public InvoiceView View(string accountId) => new(accountId, InvoiceId, Number, Kind, Reference, Currency, IssuedAt, Lines,
        SubtotalMinor, CreditAppliedMinor, DiscountMinor, Discount?.CouponCode, TotalMinor, AmountPaidMinor, AmountDueMinor, Status);
}
