using MediaPlatform.Actors.Billing;

namespace MediaPlatform.Actors.Tests.Billing.Support;

/// <summary>
/// What the current period's unused service is worth in money actually received, folded from the account's stored
/// events alone (never from the state's own totals): money that came in for the period (card payments, and account
/// credit applied to its invoices once such an invoice is paid; coupons bring in nothing) is used up evenly over the
/// whole days left when it came in; credit the period hands back to the account leaves it. Every credit for unused time — netted inside a
/// plan-change invoice or handed to the account, on an upgrade or a downgrade — must be at most that worth.
/// </summary>
/// <remarks>
/// A plain "all credit granted ≤ money received" does not hold for honest proration: credit for unused time is spent
/// on the next plan's time in the same period and handed back again on the next change, so it is counted per period
/// against what that period still holds.
/// </remarks>
public sealed class UnusedPaidTime
{
    private readonly Dictionary<string, Invoice> _issued = [];
    private readonly HashSet<string> _periodInvoices = [];
    private readonly Dictionary<string, long> _creditOnUnpaid = []; // account credit applied to a period invoice not paid yet
    private DateTimeOffset _periodStart, _periodEnd, _heldAt;
    private double _held;

    /// <summary>Folds one stored event recorded at <paramref name="now"/>; what it broke, or null.</summary>
    public string? Fold(IBillingAccountEvent @event, DateTimeOffset now)
    {
        switch (@event)
        {
            case InvoiceIssued e:
                _issued[e.Invoice.InvoiceId] = e.Invoice;
                return null;
            case SubscriptionStarted e:
                NewPeriod(e.PeriodStart, e.PeriodEnd, e.InvoiceId, now);
                return null;
            case SubscriptionRenewed e:
                NewPeriod(e.PeriodStart, e.PeriodEnd, e.InvoiceId, now);
                return null;
            case SubscriptionPlanChanged e:
                return PlanChange(e.InvoiceId, $"{e.OldPlanId} → {e.NewPlanId}", now);
            case SubscriptionPlanChangeRequested e:
                return PlanChange(e.InvoiceId, $"{e.OldPlanId} → {e.NewPlanId} (waiting for payment)", now);
            case PaymentSucceeded e when _periodInvoices.Contains(e.InvoiceId):
                Add(e.AmountMinor + Paid(e.InvoiceId), now);
                return null;
            case CouponAppliedToInvoice e when _periodInvoices.Contains(e.InvoiceId) && e.DiscountMinor >= _issued[e.InvoiceId].TotalMinor:
                Add(Paid(e.InvoiceId), now); // the coupon settled it: the credit it used is spent on it now
                return null;
            case InvoiceVoided e:
                _periodInvoices.Remove(e.InvoiceId); // never paid: it brought nothing in, and its credit goes back to the account
                _creditOnUnpaid.Remove(e.InvoiceId);
                return null;
            case SubscriptionEnded:
                _periodInvoices.Clear();
                _creditOnUnpaid.Clear();
                _held = 0;
                return null;
            default:
                return null;
        }
    }

    private void NewPeriod(DateTimeOffset start, DateTimeOffset end, string invoiceId, DateTimeOffset now)
    {
        (_periodStart, _periodEnd, _held, _heldAt) = (start, end, 0, now);
        _periodInvoices.Clear();
        _creditOnUnpaid.Clear();
        Join(invoiceId, now);
    }

    /// <summary>A period invoice: the account credit it used counts once it is paid (at once when nothing was left to pay).</summary>
    private void Join(string invoiceId, DateTimeOffset now)
    {
        var invoice = _issued[invoiceId];
        _periodInvoices.Add(invoiceId);
        if (invoice.Status == InvoiceStatus.Paid) Add(invoice.CreditAppliedMinor, now);
        else _creditOnUnpaid[invoiceId] = invoice.CreditAppliedMinor;
    }

    /// <summary>The account credit an invoice used, counted when it is paid.</summary>
    private long Paid(string invoiceId) => _creditOnUnpaid.Remove(invoiceId, out var credit) ? credit : 0;

    private string? PlanChange(string invoiceId, string change, DateTimeOffset now)
    {
        var invoice = _issued[invoiceId];
        var credit = -invoice.Lines.Where(l => l.AmountMinor < 0).Sum(l => l.AmountMinor);
        var worth = WorthAt(now);
        if (credit > worth + 1) // a cent for rounding
            return $"plan change {change} on {invoiceId} credits {credit} for unused time, but the period's unused paid time is worth {worth:F2}";
        Join(invoiceId, now);
        Add(-Math.Max(0, -invoice.TotalMinor), now); // handed to the account
        return null;
    }

    private void Add(long amountMinor, DateTimeOffset now)
    {
        (_held, _heldAt) = (WorthAt(now), now);
        _held += amountMinor;
    }

    /// <summary>What is held, used up evenly over the whole days that were left when it was last counted.</summary>
    private double WorthAt(DateTimeOffset now)
    {
        var leftThen = DaysLeft(_heldAt);
        return leftThen == 0 ? 0 : _held * DaysLeft(now) / leftThen;
    }

    private int DaysLeft(DateTimeOffset at)
    {
        var inPeriod = Math.Max(1, WholeDays(_periodEnd - _periodStart));
        return Math.Clamp(WholeDays(_periodEnd - at), 0, inPeriod);
    }

    private static int WholeDays(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (int)(span.Ticks / TimeSpan.TicksPerDay);
}
