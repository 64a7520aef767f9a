using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Billing;

/// <summary>
/// Coupons on invoices, in two steps: <see cref="ApplyCoupon"/> checks the invoice and asks the entity to redeem
/// the coupon (<see cref="CouponRedemptionNeeded"/>); once the coupon entity accepted, <see cref="AfterCouponRedeemed"/>
/// records the discount. If the account fails in between, a repeat with the same redemption id is answered by the
/// coupon with the first redemption, so it completes without using a second one.
/// </summary>
public sealed partial record BillingAccountState
{
    /// <summary>The entity must ask the coupon entity with this request before the discount can be applied.</summary>
    public sealed record CouponRedemptionNeeded(RedeemCoupon Request);

    private Decision<IBillingAccountEvent> ApplyCoupon(ApplyCouponToInvoice c)
    {
        if (BillingValidation.Key(c.RedemptionId, "redemption id") is { } badKey) return Refuse(badKey);
        if (!CouponCode.IsNormalized(c.CouponCode)) return Refuse(Rejection.Invalid("coupon code is not valid"));
        if (CouponBlocked(c) is { } blocked) return blocked;
        var invoice = FindInvoice(c.InvoiceId)!;
        return Answer(new CouponRedemptionNeeded(new RedeemCoupon(c.CouponCode, AccountId, c.InvoiceId, c.RedemptionId, invoice.Currency)));
    }

    /// <summary>The coupon entity accepted the redemption: apply its discount, unless the invoice changed meanwhile.</summary>
    public Decision<IBillingAccountEvent> AfterCouponRedeemed(ApplyCouponToInvoice c, CouponRedeemed redeemed, DateTimeOffset now)
    {
        if (CouponBlocked(c) is { } blocked) return blocked;
        if (redeemed.Code != c.CouponCode || redeemed.RedemptionId != c.RedemptionId || redeemed.AccountId != AccountId || redeemed.InvoiceId != c.InvoiceId)
            return Refuse(Rejection.Conflict($"coupon {c.CouponCode} answered for a different redemption"));
        var invoice = FindInvoice(c.InvoiceId)!;
        var discount = redeemed.DiscountOn(invoice.DiscountableMinor);
        return Decide.Persist(this, new CouponAppliedToInvoice(invoice.InvoiceId, c.CouponCode, c.RedemptionId, discount, now),
            s => s.FindInvoice(invoice.InvoiceId)!.View(AccountId));
    }

    /// <summary>Why the coupon cannot go on the invoice (or the answer to a repeat), or null when it can.</summary>
    private Decision<IBillingAccountEvent>? CouponBlocked(ApplyCouponToInvoice c)
    {
        if (FindInvoice(c.InvoiceId) is not { } invoice) return Refuse(InvoiceNotFound(c.InvoiceId));
        if (invoice.Discount is { } applied)
            return applied.RedemptionId == c.RedemptionId && applied.CouponCode == c.CouponCode
                ? Answer(invoice.View(AccountId))
                : Refuse(Rejection.Conflict($"invoice {invoice.InvoiceId} already has coupon {applied.CouponCode}"));
        if (invoice.Status != InvoiceStatus.Open)
            return Refuse(Rejection.Conflict($"invoice {invoice.InvoiceId} is {invoice.Status.ToString().ToLowerInvariant()}; coupons apply to open invoices only"));
        if (PendingPaymentOn(invoice.InvoiceId) is { } pending)
            return Refuse(Rejection.Conflict($"payment {pending.Key} on invoice {invoice.InvoiceId} is in progress"));
        return null;
    }
}
