using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Billing;

/// <summary>
/// Subscribe, change plan (prorated), cancel, resume, and the period turning over. Service and credit come only from
/// money received: a new subscription is <see cref="SubscriptionStatus.PendingPayment"/> until its first invoice is
/// paid (charged at once when the account has a card); credit for unused time never exceeds the unused part of what
/// the period's invoices actually brought in; an unpaid invoice is voided on change or cancel. An upgrade (a plan
/// change with something to pay) keeps the current plan until its invoice is paid, charged at once like a first
/// invoice when the account has a card; cancelling, changing again or the period ending voids it and drops the change.
/// </summary>
public sealed partial record BillingAccountState
{
    /// <summary>Periods one <see cref="AdvanceBillingPeriod"/> may catch up on (a long-idle account); the rest follow on the next.</summary>
    public const int MaxPeriodsPerAdvance = 12;

    /// <summary>The entity charges the card for a new order's invoice, then answers the order (whatever the charge's outcome).</summary>
    public sealed record OrderChargeNeeded(GatewayCallNeeded Call, string InvoiceId);

    public static string FirstPaymentKey(string invoiceId) => $"{AutoPaymentKeyPrefix}{invoiceId}-first";

    private Decision<IBillingAccountEvent> Subscribe(SubscribeToPlan c, DateTimeOffset now)
    {
        var fingerprint = PlanFingerprint(OrderKind.Subscription, c.PlanId);
        if (UnansweredCharge(c.IdempotencyKey, fingerprint) is { } retry) return retry;
        return PlaceOrder(c.IdempotencyKey, fingerprint, () =>
        {
            if (PlanCatalog.Find(c.PlanId) is not { } plan) return Refuse(UnknownPlan(c.PlanId));
            switch (Subscription)
            {
                case { Status: SubscriptionStatus.Active } current:
                    return Refuse(Rejection.Conflict(current.CancelAtPeriodEnd
                        ? $"the {current.PlanId} subscription runs until {current.PeriodEnd:O}; resume it or subscribe after it ends"
                        : $"already subscribed to {current.PlanId}; change plan instead"));
                case { Status: SubscriptionStatus.PendingPayment } pending:
                    return Refuse(Rejection.Conflict(
                        $"the {pending.PlanId} subscription is waiting for payment of invoice {pending.PeriodInvoiceId}; pay it, change plan or cancel"));
            }
            return StartSubscription(plan, c.IdempotencyKey, fingerprint, [], now);
        });
    }

    /// <summary>A new first period from now: its invoice, the subscription (pending until paid), and the charge when the card can pay.</summary>
    private Decision<IBillingAccountEvent> StartSubscription(BillingPlan plan, string key, string fingerprint, List<IBillingAccountEvent> before,
        DateTimeOffset now)
    {
        var state = before.Aggregate(this, (s, e) => s.Apply(e));
        var end = now.AddMonths(1);
        var invoice = state.NewInvoice(OrderKind.Subscription, plan.PlanId, key, fingerprint, [PlanLine(plan, now, end)], now);
        List<IBillingAccountEvent> events = [.. before, new InvoiceIssued(invoice), new SubscriptionStarted(plan.PlanId, now, end, invoice.InvoiceId, now)];
        return ChargedAtOnce(events, invoice, now);
    }

    /// <summary>Records the order's events, with a charge of its invoice when something is due and the card can pay.</summary>
    private Decision<IBillingAccountEvent> ChargedAtOnce(List<IBillingAccountEvent> events, Invoice invoice, DateTimeOffset now)
    {
        if (invoice.AmountDueMinor > 0 && Card is { } card && card.ExpiresAt > now)
        {
            var payKey = FirstPaymentKey(invoice.InvoiceId);
            events.Add(new PaymentStarted(payKey, GatewayKeyFor(payKey), invoice.InvoiceId, invoice.AmountDueMinor, invoice.Currency,
                card.CardId, card.Token, card.Last4, now));
            return Decide.Persist(this, events, s => new OrderChargeNeeded(new GatewayCallNeeded(s.Payments[^1], false), invoice.InvoiceId));
        }
        return Decide.Persist(this, events, s => s.OrderPlacedFor(invoice.InvoiceId));
    }

    /// <summary>A repeat of an order whose charge never got an answer asks the gateway again under the same key (never charges twice).</summary>
    private Decision<IBillingAccountEvent>? UnansweredCharge(string key, string fingerprint) =>
        Invoices.Find(i => i.OrderKey == key && i.OrderFingerprint == fingerprint) is { } prior && PendingPaymentOn(prior.InvoiceId) is { } unanswered
            ? Answer(new OrderChargeNeeded(new GatewayCallNeeded(unanswered, false), prior.InvoiceId))
            : null;

    /// <summary>What the gateway answered for an order's charge, answered as the order (the charge's outcome shows on it).</summary>
    public Decision<IBillingAccountEvent> AfterOrderCharge(string key, GatewayOutcome outcome, string invoiceId, DateTimeOffset now) =>
        AfterGateway(key, false, outcome, now) is Decision<IBillingAccountEvent>.Accepted { Events.Count: > 0 } recorded
            ? Decide.Persist(this, recorded.Events, s => s.OrderPlacedFor(invoiceId))
            : Answer(OrderPlacedFor(invoiceId));

    private Decision<IBillingAccountEvent> ChangePlan(ChangeSubscriptionPlan c, DateTimeOffset now)
    {
        var fingerprint = PlanFingerprint(OrderKind.PlanChange, c.PlanId);
        if (UnansweredCharge(c.IdempotencyKey, fingerprint) is { } retry) return retry;
        return PlaceOrder(c.IdempotencyKey, fingerprint, () =>
        {
            if (PlanCatalog.Find(c.PlanId) is not { } to) return Refuse(UnknownPlan(c.PlanId));
            if (Subscription is { Status: SubscriptionStatus.PendingPayment } pending)
            {
                // Nothing was paid: no credit; the unpaid first invoice is voided and the new plan starts afresh, pending.
                if (pending.PlanId == to.PlanId) return Refuse(Rejection.Conflict($"already on the {to.PlanId} plan"));
                if (VoidUnpaid(pending, now) is not { } voids) return Refuse(PaymentInProgress(pending.PeriodInvoiceId));
                return StartSubscription(to, c.IdempotencyKey, fingerprint, voids, now);
            }
            if (Subscription is not { Status: SubscriptionStatus.Active } current) return Refuse(NoActiveSubscription());
            if (now >= current.PeriodEnd)
                return Refuse(Rejection.Conflict("the billing period has ended and is being renewed; try again shortly"));
            if (current.PendingChange is { } waiting && (waiting.PlanId == to.PlanId || current.PlanId == to.PlanId))
                return Refuse(Rejection.Conflict(waiting.PlanId == to.PlanId
                    ? $"the change to {to.PlanId} is waiting for payment of invoice {waiting.InvoiceId}; pay it"
                    : $"already on the {to.PlanId} plan; void invoice {waiting.InvoiceId} to drop the change to {waiting.PlanId}"));
            if (current.PlanId == to.PlanId) return Refuse(Rejection.Conflict($"already on the {to.PlanId} plan"));
            if (FindInvoice(current.PeriodInvoiceId) is { Kind: OrderKind.Renewal, Status: InvoiceStatus.Open } renewal)
                return Refuse(Rejection.Conflict($"renewal invoice {renewal.InvoiceId} is unpaid; pay it before changing plan"));
            if (VoidUnpaid(current, now) is not { } voided) return Refuse(PaymentInProgress(current.PeriodInvoiceId));
            var state = voided.Aggregate(this, (s, e) => s.Apply(e));
            var from = PlanCatalog.Find(current.PlanId)!;
            var p = Proration.For(from, to, current.PeriodStart, current.PeriodEnd, now);
            var credit = Math.Min(p.CreditMinor, Proration.Share(state.PeriodMoneyLeftMinor(), p.DaysRemaining, p.DaysInPeriod));
            var days = $"{p.DaysRemaining} of {p.DaysInPeriod} days";
            var invoice = state.NewInvoice(OrderKind.PlanChange, to.PlanId, c.IdempotencyKey, fingerprint,
                [new InvoiceLine($"Unused time on {from.Name} ({days})", -credit), new InvoiceLine($"Remaining time on {to.Name} ({days})", p.ChargeMinor)],
                now);
            // Nothing to pay (a downgrade, or credit covered it): the plan changes now. Otherwise not before the invoice is paid.
            if (invoice.Status == InvoiceStatus.Paid)
                return Decide.Persist(this,
                    [.. voided, new InvoiceIssued(invoice), new SubscriptionPlanChanged(from.PlanId, to.PlanId, invoice.InvoiceId, now)],
                    s => s.OrderPlacedFor(invoice.InvoiceId));
            return ChargedAtOnce([.. voided, new InvoiceIssued(invoice), new SubscriptionPlanChangeRequested(from.PlanId, to.PlanId, invoice.InvoiceId, now)],
                invoice, now);
        });
    }

    /// <summary>
    /// Cancelling a subscription never paid ends it at once (its invoice voided); an unpaid renewal likewise ends it
    /// now (no more unpaid service); otherwise it runs to the period end, with any unpaid plan-change invoice voided.
    /// </summary>
    private Decision<IBillingAccountEvent> Cancel(DateTimeOffset now)
    {
        if (Subscription is not { Status: SubscriptionStatus.Active or SubscriptionStatus.PendingPayment } s) return Refuse(NoActiveSubscription());
        if (VoidUnpaid(s, now) is not { } voids) return Refuse(PaymentInProgress(s.PeriodInvoiceId));
        var periodUnpaid = FindInvoice(s.PeriodInvoiceId) is { Status: InvoiceStatus.Open };
        if (s.Status == SubscriptionStatus.PendingPayment || periodUnpaid)
            return Decide.Persist(this, [.. voids, new SubscriptionEnded(s.PlanId, now, now)], st => st.View());
        if (s.CancelAtPeriodEnd && voids.Count == 0) return Answer(View());
        return Decide.Persist(this, [.. voids, new SubscriptionCancellationScheduled(s.PeriodEnd, now)], st => st.View());
    }

    private Decision<IBillingAccountEvent> Resume(DateTimeOffset now) => Subscription switch
    {
        not { Status: SubscriptionStatus.Active } => Refuse(NoActiveSubscription()),
        { CancelAtPeriodEnd: false } => Answer(View()),
        var s when now >= s.PeriodEnd => Refuse(Rejection.Conflict("the subscription has reached its end; subscribe again")),
        _ => Decide.Persist(this, new SubscriptionResumed(now), st => st.View()),
    };

    /// <summary>
    /// At or after the period end: an unpaid upgrade is voided; a cancelled subscription ends, and so does one whose
    /// first invoice was never paid (voided); otherwise each elapsed period is renewed with an invoice for its full
    /// price. Before the period end nothing happens, which makes the command safe to repeat.
    /// </summary>
    private Decision<IBillingAccountEvent> Advance(DateTimeOffset now)
    {
        if (Subscription is { Status: SubscriptionStatus.PendingPayment } pending && now >= pending.PeriodEnd)
            return VoidUnpaid(pending, now) is { } voids
                ? Decide.Persist(this, [.. voids, new SubscriptionEnded(pending.PlanId, pending.PeriodEnd, now)], s => s.View())
                : Answer(View()); // a payment is in progress: the next advance decides
        if (Subscription is not { Status: SubscriptionStatus.Active } current || now < current.PeriodEnd) return Answer(View());
        // An upgrade still unpaid when its period ends is dropped with its invoice (unless a charge on it is in progress: the next advance decides).
        List<IBillingAccountEvent> events = [];
        if (current.PendingChange is { } upgrade && FindInvoice(upgrade.InvoiceId) is { Status: InvoiceStatus.Open } upgradeInvoice)
        {
            if (PendingPaymentOn(upgradeInvoice.InvoiceId) is not null) return Answer(View());
            events.Add(new InvoiceVoided(upgradeInvoice.InvoiceId, now));
        }
        if (current.CancelAtPeriodEnd)
            return Decide.Persist(this, [.. events, new SubscriptionEnded(current.PlanId, current.PeriodEnd, now)], s => s.View());
        var state = events.Aggregate(this, (s, e) => s.Apply(e));
        for (var i = 0; i < MaxPeriodsPerAdvance && state.Subscription!.PeriodEnd <= now; i++)
        {
            var s = state.Subscription;
            var plan = PlanCatalog.Find(s.PlanId)!;
            var (start, end) = (s.PeriodEnd, s.AnchorAt.AddMonths(s.PeriodNumber + 1));
            var key = RenewalKey(s);
            var invoice = state.NewInvoice(OrderKind.Renewal, plan.PlanId, key, $"{OrderKind.Renewal}:{plan.PlanId}", [PlanLine(plan, start, end)], now);
            IBillingAccountEvent[] renewal = [new InvoiceIssued(invoice), new SubscriptionRenewed(plan.PlanId, start, end, invoice.InvoiceId, now)];
            events.AddRange(renewal);
            state = renewal.Aggregate(state, (st, e) => st.Apply(e));
        }
        return Decide.Persist(this, events, s => s.View());
    }

    /// <summary>
    /// Money (card payments and account credit) the current period's invoices brought in, less the credit already
    /// given back from them: the most any further credit for unused time may be worth. Coupons bring in nothing.
    /// </summary>
    public long PeriodMoneyLeftMinor()
    {
        var invoices = (Subscription?.PeriodInvoices ?? []).Select(FindInvoice).OfType<Invoice>().Where(i => i.Status != InvoiceStatus.Void).ToList();
        var received = invoices.Sum(i => i.AmountPaidMinor + i.CreditAppliedMinor);
        var givenBack = invoices.Sum(i => Math.Max(0, -i.TotalMinor));
        return Math.Max(0, received - givenBack);
    }

    /// <summary>Void events for the subscription's unpaid invoices (none paid in part), or null if a payment on one is in progress.</summary>
    private List<IBillingAccountEvent>? VoidUnpaid(Subscription s, DateTimeOffset now)
    {
        var unpaid = (s.PeriodInvoices ?? []).Select(FindInvoice).OfType<Invoice>()
            .Where(i => i.Status == InvoiceStatus.Open).ToList();
        if (unpaid.Any(i => PendingPaymentOn(i.InvoiceId) is not null)) return null;
        return unpaid.Where(i => i.AmountPaidMinor == 0).Select(i => (IBillingAccountEvent)new InvoiceVoided(i.InvoiceId, now)).ToList();
    }

    private static Rejection PaymentInProgress(string invoiceId) =>
        Rejection.Conflict($"a payment on the subscription's invoice {invoiceId} is in progress; try again when it has an answer");

    private static Rejection UnknownPlan(string? planId) =>
        Rejection.Invalid($"unknown plan '{planId}'; plans: {string.Join(", ", PlanCatalog.All.Select(p => p.PlanId))}");

    private static Rejection NoActiveSubscription() => Rejection.Conflict("the account has no active subscription");
}
