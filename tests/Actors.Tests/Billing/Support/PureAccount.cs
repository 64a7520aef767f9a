using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Tests.Billing.Support;

/// <summary>
/// Drives a <see cref="BillingAccountState"/> through pure decisions, with a clock the test moves, and stands in for
/// the entity's asynchronous steps (the coupon entity's and gateway's answers are given by the test).
/// </summary>
public sealed class PureAccount
{
    public const string Id = "user-1";

    public PureAccount(DateTimeOffset? now = null, bool open = true)
    {
        Now = now ?? BillingSamples.Start;
        State = BillingAccountState.Empty(Id);
        if (open) Do<BillingAccountView>(new OpenBillingAccount(Id, Id, "USD"));
    }

    public BillingAccountState State { get; private set; }
    public DateTimeOffset Now { get; set; }
    public IReadOnlyList<IBillingAccountEvent> LastEvents { get; private set; } = [];

    /// <summary>Every event accepted so far, in order: what the journal would hold.</summary>
    public List<IBillingAccountEvent> Journal { get; } = [];

    public BillingAccountView View => State.View();

    public T Do<T>(IBillingAccountCommand command) => Take<T>(State.Handle(command, Now));

    /// <summary>Accepts the decision, folds its events and returns its reply as <typeparamref name="T"/>.</summary>
    public T Take<T>(Decision<IBillingAccountEvent> decision)
    {
        var (state, events, reply) = Decisions.Accept(State, decision);
        State = state;
        LastEvents = events;
        Journal.AddRange(events);
        return Assert.IsAssignableFrom<T>(reply);
    }

    /// <summary>The command is refused with this kind and the state is untouched.</summary>
    public Rejection Refuse(IBillingAccountCommand command, RejectionKind kind) => Refuse(State.Handle(command, Now), kind);

    public Rejection Refuse(Decision<IBillingAccountEvent> decision, RejectionKind kind)
    {
        var before = State;
        var rejection = Decisions.Refused(decision, kind);
        Assert.Same(before, State);
        return rejection;
    }

    /// <summary>
    /// A paying subscriber: sets the sample card if the account has none, subscribes, and the first invoice is charged
    /// at once, as the entity would, with the gateway answering <paramref name="charge"/> (approved unless given).
    /// </summary>
    public OrderPlaced Subscribe(string plan = "basic", string key = "sub-1", GatewayOutcome? charge = null)
    {
        if (State.Card is null) SetCard();
        return Order(new SubscribeToPlan(Id, plan, key), charge);
    }

    /// <summary>Subscribes without a card: the subscription waits for its first invoice to be paid.</summary>
    public OrderPlaced SubscribeUnpaid(string plan = "basic", string key = "sub-1") => Do<OrderPlaced>(new SubscribeToPlan(Id, plan, key));

    /// <summary>An order; if it asks for its invoice to be charged, the gateway answers <paramref name="charge"/> (approved unless given).</summary>
    public OrderPlaced Order(IBillingAccountCommand command, GatewayOutcome? charge = null) =>
        State.Handle(command, Now) is Decision<IBillingAccountEvent>.Accepted { Reply: BillingAccountState.OrderChargeNeeded need } decision
            ? ChargeOrder(decision, need, charge)
            : Do<OrderPlaced>(command);

    private OrderPlaced ChargeOrder(Decision<IBillingAccountEvent> decision, BillingAccountState.OrderChargeNeeded need, GatewayOutcome? charge)
    {
        Take<BillingAccountState.OrderChargeNeeded>(decision);
        var events = LastEvents;
        var placed = Take<OrderPlaced>(State.AfterOrderCharge(need.Call.Attempt.Key,
            charge ?? new GatewayOutcome.Approved($"ch_{need.Call.Attempt.Key}"), need.InvoiceId, Now));
        LastEvents = [.. events, .. LastEvents];
        return placed;
    }

    public OrderPlaced Buy(string title = "title-1", long price = 499, string key = "buy-1") =>
        Do<OrderPlaced>(new PurchaseTitle(Id, title, price, "USD", key));

    public BillingAccountView SetCard(BillingCard? card = null) => Do<BillingAccountView>(new SetBillingCard(Id, card ?? BillingSamples.Card()));

    /// <summary>Pay: the state records the start and asks for a gateway call; returns that call.</summary>
    public BillingAccountState.GatewayCallNeeded StartPayment(string invoiceId, string key)
    {
        var call = Do<BillingAccountState.GatewayCallNeeded>(new PayInvoice(Id, invoiceId, key));
        Assert.False(call.Void);
        return call;
    }

    public Decision<IBillingAccountEvent> GatewayAnswers(string key, GatewayOutcome outcome, bool wasVoid = false) =>
        State.AfterGateway(key, wasVoid, outcome, Now);

    public PaymentReceipt PayApproved(string invoiceId, string key = "pay-1")
    {
        StartPayment(invoiceId, key);
        return Take<PaymentReceipt>(GatewayAnswers(key, new GatewayOutcome.Approved($"ch_{key}")));
    }

    /// <summary>Redemption as the coupon entity would answer it for this command.</summary>
    public static CouponRedeemed Redeemed(ApplyCouponToInvoice c, CouponKind kind, int percent, long amountOff, string? currency = null) =>
        new(c.CouponCode, Id, c.InvoiceId, c.RedemptionId, kind, percent, amountOff, currency, BillingSamples.Start);

    public InvoiceView ApplyCoupon(ApplyCouponToInvoice c, CouponRedeemed redeemed)
    {
        var need = Do<BillingAccountState.CouponRedemptionNeeded>(c);
        Assert.Equal(new RedeemCoupon(c.CouponCode, Id, c.InvoiceId, c.RedemptionId, "USD"), need.Request);
        return Take<InvoiceView>(State.AfterCouponRedeemed(c, redeemed, Now));
    }
}
