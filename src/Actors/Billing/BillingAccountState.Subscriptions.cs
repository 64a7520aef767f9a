using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Billing;

/// <summary>Subscribe, change plan (prorated), cancel at period end, resume, and the period turning over.</summary>
public sealed partial record BillingAccountState
{
    /// <summary>Periods one <see cref="AdvanceBillingPeriod"/> may catch up on (a long-idle account); the rest follow on the next.</summary>
    public const int MaxPeriodsPerAdvance = 12;

    private Decision<IBillingAccountEvent> Subscribe(SubscribeToPlan c, DateTimeOffset now)
    {
        var fingerprint = $"{OrderKind.Subscription}:{c.PlanId}";
        return PlaceOrder(c.IdempotencyKey, fingerprint, () =>
        {
            if (PlanCatalog.Find(c.PlanId) is not { } plan) return Refuse(UnknownPlan(c.PlanId));
            if (Subscription is { Status: SubscriptionStatus.Active } current)
                return Refuse(Rejection.Conflict(current.CancelAtPeriodEnd
                    ? $"the {current.PlanId} subscription runs until {current.PeriodEnd:O}; resume it or subscribe after it ends"
                    : $"already subscribed to {current.PlanId}; change plan instead"));
            var end = now.AddMonths(1);
            var invoice = NewInvoice(OrderKind.Subscription, plan.PlanId, c.IdempotencyKey, fingerprint, [PlanLine(plan, now, end)], now);
            return Decide.Persist(this,
                [new InvoiceIssued(invoice), new SubscriptionStarted(plan.PlanId, now, end, invoice.InvoiceId, now)],
                s => s.OrderPlacedFor(invoice.InvoiceId));
        });
    }

    private Decision<IBillingAccountEvent> ChangePlan(ChangeSubscriptionPlan c, DateTimeOffset now)
    {
        var fingerprint = $"{OrderKind.PlanChange}:{c.PlanId}";
        return PlaceOrder(c.IdempotencyKey, fingerprint, () =>
        {
            if (PlanCatalog.Find(c.PlanId) is not { } to) return Refuse(UnknownPlan(c.PlanId));
            if (Subscription is not { Status: SubscriptionStatus.Active } current) return Refuse(NoActiveSubscription());
            if (now >= current.PeriodEnd)
                return Refuse(Rejection.Conflict("the billing period has ended and is being renewed; try again shortly"));
            if (current.PlanId == to.PlanId) return Refuse(Rejection.Conflict($"already on the {to.PlanId} plan"));
            var from = PlanCatalog.Find(current.PlanId)!;
            var p = Proration.For(from, to, current.PeriodStart, current.PeriodEnd, now);
            var days = $"{p.DaysRemaining} of {p.DaysInPeriod} days";
            var invoice = NewInvoice(OrderKind.PlanChange, to.PlanId, c.IdempotencyKey, fingerprint,
                [new InvoiceLine($"Unused time on {from.Name} ({days})", -p.CreditMinor), new InvoiceLine($"Remaining time on {to.Name} ({days})", p.ChargeMinor)],
                now);
            return Decide.Persist(this,
                [new InvoiceIssued(invoice), new SubscriptionPlanChanged(from.PlanId, to.PlanId, invoice.InvoiceId, now)],
                s => s.OrderPlacedFor(invoice.InvoiceId));
        });
    }

    private Decision<IBillingAccountEvent> Cancel(DateTimeOffset now) => Subscription switch
    {
        not { Status: SubscriptionStatus.Active } => Refuse(NoActiveSubscription()),
        { CancelAtPeriodEnd: true } => Answer(View()),
        var s => Decide.Persist(this, new SubscriptionCancellationScheduled(s.PeriodEnd, now), st => st.View()),
    };

    private Decision<IBillingAccountEvent> Resume(DateTimeOffset now) => Subscription switch
    {
        not { Status: SubscriptionStatus.Active } => Refuse(NoActiveSubscription()),
        { CancelAtPeriodEnd: false } => Answer(View()),
        var s when now >= s.PeriodEnd => Refuse(Rejection.Conflict("the subscription has reached its end; subscribe again")),
        _ => Decide.Persist(this, new SubscriptionResumed(now), st => st.View()),
    };

    /// <summary>
    /// At or after the period end: a cancelled subscription ends; otherwise each elapsed period is renewed with an
    /// invoice for its full price. Before the period end nothing happens, which makes the command safe to repeat.
    /// </summary>
    private Decision<IBillingAccountEvent> Advance(DateTimeOffset now)
    {
        if (Subscription is not { Status: SubscriptionStatus.Active } current || now < current.PeriodEnd) return Answer(View());
        if (current.CancelAtPeriodEnd)
            return Decide.Persist(this, new SubscriptionEnded(current.PlanId, current.PeriodEnd, now), s => s.View());
        var events = new List<IBillingAccountEvent>();
        var state = this;
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

    private static Rejection UnknownPlan(string? planId) =>
        Rejection.Invalid($"unknown plan '{planId}'; plans: {string.Join(", ", PlanCatalog.All.Select(p => p.PlanId))}");

    private static Rejection NoActiveSubscription() => Rejection.Conflict("the account has no active subscription");
}
