using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Billing.Support;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>
/// Random command sequences over <see cref="BillingAccountState"/> (seeded, so a failure names its seed and replays):
/// subscribe, change plan, cancel, resume, order, pay (approved, declined or unanswered), cancel a payment, coupons,
/// the clock moving and periods advancing, renewals collected. After every step:
/// <list type="bullet">
/// <item>credit comes only from money received: the account's credit plus everything titles took from credit or card
/// is at most what cards paid (coupons are discounts and bring in nothing);</item>
/// <item>every credit for unused time (netted inside a plan-change invoice or handed to the account, on upgrades and
/// downgrades alike) is at most what the period's unused time is worth in money received, folded from the stored
/// events by <see cref="UnusedPaidTime"/>;</item>
/// <item>service only while paid: an active subscription's period invoice is paid (or is a renewal being collected
/// under the dunning policy); a pending one's is not;</item>
/// <item>the plan is one that was paid for: an active subscription's plan is the one its latest paid invoice of the
/// period bought (or its renewal being collected), never the plan of an unpaid upgrade invoice.</item>
/// </list>
/// </summary>
public sealed class BillingMoneyPropertySpecs
{
    private const string Id = PureAccount.Id;
    private static readonly string[] Plans = ["basic", "standard", "premium"];
    private static readonly DunningPolicy Dunning = new([TimeSpan.FromDays(1), TimeSpan.FromDays(3)]);

    [Fact]
    public void Credit_must_never_exceed_money_received_and_service_must_need_a_paid_period()
    {
        for (var seed = 1; seed <= 3000; seed++) Run(seed, steps: 40);
    }

    private static void Run(int seed, int steps)
    {
        var random = new Random(seed);
        var state = BillingAccountState.Empty(Id);
        var now = BillingSamples.Start;
        var journal = new List<IBillingAccountEvent>();
        state = Step(state, new OpenBillingAccount(Id, Id, "USD"), now, random, journal);
        if (random.Next(2) == 0) state = Step(state, new SetBillingCard(Id, BillingSamples.Card()), now, random, journal);
        var unusedPaidTime = new UnusedPaidTime();
        var history = new List<string>();
        for (var i = 0; i < steps; i++)
        {
            var (command, advance) = NextCommand(state, random, i);
            now += advance;
            history.Add($"{now:MM-dd HH:mm} {command}");
            journal.Clear();
            state = Step(state, command, now, random, journal);
            history.AddRange(journal.Select(e => $"    {e}"));
            var broken = journal.Select(e => unusedPaidTime.Fold(e, now)).FirstOrDefault(v => v is not null) ?? Violation(state);
            if (broken is not null)
                Assert.Fail($"seed {seed}, after step {i}: {broken}\n{string.Join("\n", history)}");
        }
    }

    private static (IBillingAccountCommand Command, TimeSpan Advance) NextCommand(BillingAccountState state, Random random, int step)
    {
        var key = $"k{step}";
        var open = state.Invoices.Where(i => i.Status == InvoiceStatus.Open).Select(i => i.InvoiceId).ToList();
        var anyInvoice = open.Count > 0 ? open[random.Next(open.Count)] : $"INV-{random.Next(1, 5):D6}";
        var plan = Plans[random.Next(Plans.Length)];
        return random.Next(13) switch
        {
            0 or 1 => (new SubscribeToPlan(Id, plan, key), TimeSpan.Zero),
            2 or 3 => (new ChangeSubscriptionPlan(Id, plan, key), TimeSpan.FromHours(random.Next(0, 24 * 5))),
            4 => (new CancelSubscription(Id), TimeSpan.FromHours(random.Next(0, 48))),
            5 => (new ResumeSubscription(Id), TimeSpan.Zero),
            6 => (new PurchaseTitle(Id, $"title-{random.Next(6)}", random.Next(1, 3000), "USD", key), TimeSpan.Zero),
            7 or 8 => (new PayInvoice(Id, anyInvoice, key), TimeSpan.Zero),
            9 => (new ApplyCouponToInvoice(Id, anyInvoice, "SAVE", key), TimeSpan.Zero),
            10 => (new AdvanceBillingPeriod(Id), TimeSpan.FromDays(random.Next(0, 40))),
            11 => (new CollectRenewalPayment(Id, Dunning), TimeSpan.FromDays(random.Next(0, 4))),
            _ => random.Next(3) == 0
                ? (new SetBillingCard(Id, BillingSamples.Card()), TimeSpan.Zero)
                : (new CancelPayment(Id, state.Payments.Count > 0 ? state.Payments[random.Next(state.Payments.Count)].Key : key), TimeSpan.Zero),
        };
    }

    /// <summary>Decides the command and plays the entity's asynchronous steps with random answers from the gateway and the coupon.</summary>
    private static BillingAccountState Step(BillingAccountState state, IBillingAccountCommand command, DateTimeOffset now, Random random,
        List<IBillingAccountEvent> journal)
    {
        var decision = state.Handle(command, now);
        for (var hops = 0; decision is Decision<IBillingAccountEvent>.Accepted accepted && hops < 3; hops++)
        {
            state = accepted.Events.Aggregate(state, (s, e) => s.Apply(e));
            journal.AddRange(accepted.Events);
            decision = accepted.Reply switch
            {
                BillingAccountState.GatewayCallNeeded call => state.AfterGateway(call.Attempt.Key, call.Void, Gateway(random, call.Void), now),
                BillingAccountState.OrderChargeNeeded charge => state.AfterOrderCharge(charge.Call.Attempt.Key, Gateway(random, false), charge.InvoiceId, now),
                BillingAccountState.CouponRedemptionNeeded need when command is ApplyCouponToInvoice apply =>
                    state.AfterCouponRedeemed(apply, Coupon(need.Request, random), now),
                _ => null!,
            };
            if (decision is null) break;
        }
        return state;
    }

    private static GatewayOutcome Gateway(Random random, bool voiding) => random.Next(3) switch
    {
        0 => new GatewayOutcome.Approved($"ch_{random.Next()}"),
        1 => voiding ? new GatewayOutcome.Voided() : new GatewayOutcome.Declined("insufficient funds"),
        _ => new GatewayOutcome.TimedOut("no answer"),
    };

    private static CouponRedeemed Coupon(RedeemCoupon r, Random random) => random.Next(2) == 0
        ? new CouponRedeemed(r.Code, r.AccountId, r.InvoiceId, r.RedemptionId, CouponKind.Percent, random.Next(1, 101), 0, null, BillingSamples.Start)
        : new CouponRedeemed(r.Code, r.AccountId, r.InvoiceId, r.RedemptionId, CouponKind.FixedAmount, 0, random.Next(1, 3000), "USD", BillingSamples.Start);

    /// <summary>What is wrong with the state, or null.</summary>
    private static string? Violation(BillingAccountState state)
    {
        var received = state.Payments.Where(p => p.Status == PaymentStatus.Succeeded).Sum(p => p.AmountMinor);
        var paidByInvoices = state.Invoices.Sum(i => i.AmountPaidMinor);
        if (paidByInvoices != received) return $"invoices record {paidByInvoices} paid but payments received {received}";
        var titles = state.Invoices.Where(i => i is { Kind: OrderKind.TitlePurchase } && i.Status != InvoiceStatus.Void)
            .Sum(i => i.CreditAppliedMinor + i.AmountPaidMinor);
        if (state.CreditMinor < 0) return $"credit is negative ({state.CreditMinor})";
        if (state.CreditMinor + titles > received)
            return $"credit {state.CreditMinor} + titles bought {titles} exceed money received {received}";
        if (state.Subscription is not { } s) return null;
        var period = state.FindInvoice(s.PeriodInvoiceId);
        if (s.Status == SubscriptionStatus.Active && PlanPaidFor(state, s) is { } paidPlan && paidPlan.Reference != s.PlanId)
            return $"active on {s.PlanId} but the period's latest paid invoice {paidPlan.InvoiceId} bought {paidPlan.Reference}";
        return s.Status switch
        {
            SubscriptionStatus.Active when period is not ({ Status: InvoiceStatus.Paid } or { Kind: OrderKind.Renewal, Status: InvoiceStatus.Open }) =>
                $"active with period invoice {period?.InvoiceId} {period?.Kind} {period?.Status}",
            SubscriptionStatus.PendingPayment when period is { Status: InvoiceStatus.Paid } => $"pending although invoice {period.InvoiceId} is paid",
            _ => null,
        };
    }

    /// <summary>The period's latest paid invoice (or its renewal under collection): the plan the subscription may be on.</summary>
    private static Invoice? PlanPaidFor(BillingAccountState state, Subscription s)
    {
        var invoices = (s.PeriodInvoices ?? []).Select(state.FindInvoice).OfType<Invoice>().ToList();
        return invoices.LastOrDefault(i => i.Status == InvoiceStatus.Paid)
            ?? invoices.FirstOrDefault(i => i is { Kind: OrderKind.Renewal, Status: InvoiceStatus.Open });
    }
}
