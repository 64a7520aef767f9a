using System.Collections.Immutable;
using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Billing;

/// <summary>
/// A billing account's state and every rule about it. Pure: <see cref="Handle"/> decides, <see cref="Apply"/> folds; rules
/// split by area over partial files. Why idempotency keys live with what they created: docs/architecture.md#payment.
/// </summary>
[Manifest("billing.account.state.v1")]
public sealed partial record BillingAccountState(
    string AccountId,
    bool Opened,
    string OwnerUserId,
    string Currency,
    DateTimeOffset OpenedAt,
    Subscription? Subscription,
    BillingCard? Card,
    long CreditMinor,
    ImmutableList<Invoice> Invoices,
    ImmutableList<PaymentAttempt> Payments) : IEntityState<BillingAccountState, IBillingAccountEvent>, IProtocolMessage
{
    /// <summary>Unpaid client orders an account may have; stops a runaway client from growing the state without bound.</summary>
    public const int MaxOpenInvoices = 20;

    public const int MaxFailedPaymentsKept = 50;

    public static BillingAccountState Empty(string accountId) =>
        new(accountId, false, "", "", default, null, null, 0, ImmutableList<Invoice>.Empty, ImmutableList<PaymentAttempt>.Empty);

    public Decision<IBillingAccountEvent> Handle(IBillingAccountCommand command, DateTimeOffset now) => command switch
    {
        OpenBillingAccount c => Open(c, now),
        _ when !Opened => Refuse(Rejection.NotFound($"billing account {AccountId} does not exist")),
        GetBillingAccount => Answer(View()),
        GetTitleEntitlement c => Entitlement(c, now),
        SubscribeToPlan c => Subscribe(c, now),
        ChangeSubscriptionPlan c => ChangePlan(c, now),
        CancelSubscription => Cancel(now),
        ResumeSubscription => Resume(now),
        AdvanceBillingPeriod => Advance(now),
        CollectRenewalPayment c => CollectRenewal(c.Policy, now),
        SetBillingCard c => SetCard(c, now),
        PurchaseTitle c => Purchase(c, now),
        ApplyCouponToInvoice c => ApplyCoupon(c),
        VoidInvoice c => Void(c, now),
        ListInvoices => Answer(new InvoiceList(AccountId, Invoices.Select(i => i.View(AccountId)).ToList())),
        GetInvoice c => FindInvoice(c.InvoiceId) is { } invoice ? Answer(invoice.View(AccountId)) : Refuse(InvoiceNotFound(c.InvoiceId)),
        PayInvoice c when c.IdempotencyKey?.StartsWith(AutoPaymentKeyPrefix, StringComparison.Ordinal) == true =>
            Refuse(Rejection.Invalid($"Idempotency-Keys starting with '{AutoPaymentKeyPrefix}' are reserved for automatic renewal payments")),
        PayInvoice c => Pay(c, now),
        CancelPayment c => CancelPaymentAttempt(c),
        GetPaymentHistory => Answer(History()),
        _ => Refuse(Rejection.Invalid($"unknown billing command {command.GetType().Name}")),
    };

    public BillingAccountState Apply(IBillingAccountEvent @event) => @event switch
    {
        BillingAccountOpened e => this with { Opened = true, OwnerUserId = e.OwnerUserId, Currency = e.Currency, OpenedAt = e.At },
        InvoiceIssued e => this with
        {
            Invoices = Invoices.Add(e.Invoice),
            // Credit used by this invoice leaves the account; a negative total (a downgrade) becomes credit.
            CreditMinor = CreditMinor - e.Invoice.CreditAppliedMinor + Math.Max(0, -e.Invoice.TotalMinor),
        },
        // Pending until the first invoice is paid (at once when credit covered it).
        SubscriptionStarted e => (this with
        {
            Subscription = new Subscription(e.PlanId, SubscriptionStatus.PendingPayment, e.PeriodStart, 1, e.PeriodStart, e.PeriodEnd, false,
                [e.InvoiceId]),
        }).ActivatedIfPaid(),
        SubscriptionPlanChanged e => WithSubscription(s => s with { PlanId = e.NewPlanId, PeriodInvoices = (s.PeriodInvoices ?? []).Add(e.InvoiceId) }),
        // The plan stays until the invoice is paid (at once when credit covered it).
        SubscriptionPlanChangeRequested e => WithSubscription(s => s with
        {
            PeriodInvoices = (s.PeriodInvoices ?? []).Add(e.InvoiceId), PendingChange = new PendingPlanChange(e.NewPlanId, e.InvoiceId, e.At),
        }).ActivatedIfPaid(),
        SubscriptionRenewed e => WithSubscription(s => s with
        {
            PlanId = e.PlanId, PeriodNumber = s.PeriodNumber + 1, PeriodStart = e.PeriodStart, PeriodEnd = e.PeriodEnd, PeriodInvoices = [e.InvoiceId],
            PendingChange = null,
        }),
        SubscriptionCancellationScheduled => WithSubscription(s => s with { CancelAtPeriodEnd = true }),
        SubscriptionResumed => WithSubscription(s => s with { CancelAtPeriodEnd = false }),
        SubscriptionEnded => WithSubscription(s => s with { Status = SubscriptionStatus.Ended, CancelAtPeriodEnd = false, PendingChange = null }),
        BillingCardSet e => this with { Card = e.Card },
        CouponAppliedToInvoice e => WithInvoice(e.InvoiceId,
            i => (i with { Discount = new InvoiceDiscount(e.CouponCode, e.RedemptionId, e.DiscountMinor, e.At) }).Settled()).ActivatedIfPaid(),
        InvoiceVoided e => FindInvoice(e.InvoiceId) is { } voided
            ? (WithInvoice(e.InvoiceId, i => i with { Status = InvoiceStatus.Void }) with { CreditMinor = CreditMinor + voided.CreditAppliedMinor })
                .WithoutPendingChangeOn(e.InvoiceId)
            : this,
        PaymentStarted e => this with
        {
            Payments = Payments.Add(new PaymentAttempt(e.Key, e.GatewayKey, e.InvoiceId, e.AmountMinor, e.Currency, e.CardId,
                e.CardToken, e.CardLast4, PaymentStatus.Pending, null, null, e.At, null)),
        },
        PaymentSucceeded e => WithPayment(e.Key, p => p with { Status = PaymentStatus.Succeeded, ChargeId = e.ChargeId, FinishedAt = e.At })
            .WithInvoice(e.InvoiceId, i => (i with { AmountPaidMinor = i.AmountPaidMinor + e.AmountMinor }).Settled()).ActivatedIfPaid(),
        PaymentDeclined e => WithPayment(e.Key, p => p with { Status = PaymentStatus.Declined, FailureReason = e.Reason, FinishedAt = e.At })
            .WithoutOldFailures(),
        PaymentRefused e => (this with
        {
            Payments = Payments.Add(new PaymentAttempt(e.Key, GatewayKeyFor(e.Key), e.InvoiceId, e.AmountMinor, e.Currency, "", "", "",
                PaymentStatus.Declined, null, e.Reason, e.At, e.At)),
        }).WithoutOldFailures(),
        SubscriptionSuspended => WithSubscription(s => s with { Status = SubscriptionStatus.Suspended, CancelAtPeriodEnd = false, PendingChange = null }),
        PaymentCancelled e => WithPayment(e.Key, p => p with { Status = PaymentStatus.Cancelled, FailureReason = "cancelled", FinishedAt = e.At })
            .WithoutOldFailures(),
        _ => this,
    };

    public BillingAccountView View()
    {
        var due = Invoices.Sum(i => i.AmountDueMinor);
        return new BillingAccountView(AccountId, OwnerUserId, Currency, Subscription?.PlanId, Subscription?.Status ?? SubscriptionStatus.None,
            Subscription?.PeriodStart, Subscription?.PeriodEnd, Subscription?.CancelAtPeriodEnd ?? false,
            due, CreditMinor, due - CreditMinor, Card?.View(), Invoices.Count(i => i.Status == InvoiceStatus.Open),
            Subscription?.PendingChange?.PlanId, Subscription?.PendingChange?.InvoiceId);
    }

    public PaymentHistory History() =>
        new(AccountId, Currency, Payments.Select(p => p.View()).ToList(),
            Payments.Where(p => p.Status == PaymentStatus.Succeeded).Sum(p => p.AmountMinor), View().BalanceMinor);

    public Invoice? FindInvoice(string invoiceId) => Invoices.Find(i => i.InvoiceId == invoiceId);

    private Decision<IBillingAccountEvent> Open(OpenBillingAccount c, DateTimeOffset now)
    {
        if (Opened)
            return c.OwnerUserId == OwnerUserId && c.Currency == Currency
                ? Answer(View())
                : Refuse(Rejection.Conflict($"billing account {AccountId} is already open for {OwnerUserId} in {Currency}"));
        if (BillingValidation.Id(c.OwnerUserId, "owner user id") is { } badOwner) return Refuse(badOwner);
        if (c.OwnerUserId != AccountId) return Refuse(Rejection.Invalid("a billing account's id must be its owner's user id"));
        if (BillingValidation.Currency(c.Currency) is { } badCurrency) return Refuse(badCurrency);
        if (!PlanCatalog.Currencies.Contains(c.Currency))
            return Refuse(Rejection.Invalid($"accounts can be opened in {string.Join(", ", PlanCatalog.Currencies)} only"));
        return Decide.Persist(this, new BillingAccountOpened(AccountId, c.OwnerUserId, c.Currency, now), s => s.View());
    }

    private Decision<IBillingAccountEvent> SetCard(SetBillingCard c, DateTimeOffset now)
    {
        var card = c.Card;
        if (card is null) return Refuse(Rejection.Invalid("card is required"));
        if (BillingValidation.Id(card.CardId, "card id") is { } badId) return Refuse(badId);
        if (string.IsNullOrEmpty(card.Token) || card.Token.Length > 128) return Refuse(Rejection.Invalid("card token is required (at most 128 characters)"));
        if (string.IsNullOrWhiteSpace(card.Brand) || card.Brand.Length > 20) return Refuse(Rejection.Invalid("card brand is required (at most 20 characters)"));
        if (card.Last4 is not { Length: 4 } || !card.Last4.All(char.IsAsciiDigit)) return Refuse(Rejection.Invalid("card last4 must be four digits"));
        if (card.ExpiryMonth is < 1 or > 12 || card.ExpiryYear is < 2000 or > 2100) return Refuse(Rejection.Invalid("card expiry must be a month 1-12 of a year 2000-2100"));
        if (card.ExpiresAt <= now) return Refuse(Rejection.Invalid("card has expired"));
        return card == Card ? Answer(View()) : Decide.Persist(this, new BillingCardSet(card, now), s => s.View());
    }

    private Decision<IBillingAccountEvent> Void(VoidInvoice c, DateTimeOffset now)
    {
        if (FindInvoice(c.InvoiceId) is not { } invoice) return Refuse(InvoiceNotFound(c.InvoiceId));
        if (invoice.Status == InvoiceStatus.Void) return Answer(invoice.View(AccountId));
        if (invoice.Status == InvoiceStatus.Paid) return Refuse(Rejection.Conflict($"invoice {invoice.InvoiceId} is paid and cannot be voided"));
        if (PendingPaymentOn(invoice.InvoiceId) is { } pending)
            return Refuse(Rejection.Conflict($"payment {pending.Key} on invoice {invoice.InvoiceId} is in progress"));
        if (invoice.AmountPaidMinor > 0) return Refuse(Rejection.Conflict($"invoice {invoice.InvoiceId} is partly paid and cannot be voided"));
        return Decide.Persist(this, new InvoiceVoided(invoice.InvoiceId, now), s => s.FindInvoice(invoice.InvoiceId)!.View(AccountId));
    }

    /// <summary>
    /// A subscription waiting for its first invoice becomes active once that invoice is paid; a pending upgrade of an
    /// active one applies once its invoice is paid.
    /// </summary>
    private BillingAccountState ActivatedIfPaid() => Subscription switch
    {
        { Status: SubscriptionStatus.PendingPayment } s when FindInvoice(s.PeriodInvoiceId) is { Status: InvoiceStatus.Paid } =>
            this with { Subscription = s with { Status = SubscriptionStatus.Active } },
        { Status: SubscriptionStatus.Active, PendingChange: { } change } s when FindInvoice(change.InvoiceId) is { Status: InvoiceStatus.Paid } =>
            this with { Subscription = s with { PlanId = change.PlanId, PendingChange = null } },
        _ => this,
    };

    /// <summary>Voiding a pending upgrade's invoice drops the upgrade.</summary>
    private BillingAccountState WithoutPendingChangeOn(string invoiceId) =>
        Subscription is { PendingChange: { } change } s && change.InvoiceId == invoiceId
            ? this with { Subscription = s with { PendingChange = null } }
            : this;

    private BillingAccountState WithSubscription(Func<Subscription, Subscription> change) =>
        Subscription is null ? this : this with { Subscription = change(Subscription) };

    private BillingAccountState WithInvoice(string invoiceId, Func<Invoice, Invoice> change)
    {
        var index = Invoices.FindIndex(i => i.InvoiceId == invoiceId);
        return index < 0 ? this : this with { Invoices = Invoices.SetItem(index, change(Invoices[index])) };
    }

    private BillingAccountState WithPayment(string key, Func<PaymentAttempt, PaymentAttempt> change)
    {
        var index = Payments.FindIndex(p => p.Key == key && p.Status == PaymentStatus.Pending);
        return index < 0 ? this : this with { Payments = Payments.SetItem(index, change(Payments[index])) };
    }

    private BillingAccountState WithoutOldFailures()
    {
        var excess = Payments.Count(IsFailed) - MaxFailedPaymentsKept;
        if (excess <= 0) return this;
        var kept = ImmutableList.CreateBuilder<PaymentAttempt>();
        foreach (var payment in Payments)
        {
            if (excess > 0 && IsFailed(payment)) excess--; // the oldest failures go first
            else kept.Add(payment);
        }
        return this with { Payments = kept.ToImmutable() };
    }

    private static bool IsFailed(PaymentAttempt p) => p.Status is PaymentStatus.Declined or PaymentStatus.Cancelled;

    private static Decision<IBillingAccountEvent> Answer(object reply) => Decide.Reply<IBillingAccountEvent>(reply);

    private static Decision<IBillingAccountEvent> Refuse(Rejection rejection) => Decide.Reject<IBillingAccountEvent>(rejection);

    private static Rejection InvoiceNotFound(string invoiceId) => Rejection.NotFound($"invoice {invoiceId} not found");
}
