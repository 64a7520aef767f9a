using Akka.Actor;
using Akka.Event;
using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Observability;

namespace MediaPlatform.Actors.Billing;

/// <summary>
/// One billing account, sharded by account id (= the owner's user id). Rules are in <see cref="BillingAccountState"/>;
/// the actor only adds the asynchronous steps the rules ask for: redeeming a coupon at the coupon entity, and
/// calling the payment gateway after <see cref="PaymentStarted"/> is stored (never before, so a crash cannot leave
/// a charge the account has no record of).
/// </summary>
public sealed class BillingAccountEntity
    : EventSourcedEntity<BillingAccountState, IBillingAccountCommand, IBillingAccountEvent>
{
    /// <summary>Persistence ids are this prefix + the entity id; journal queries (e.g. the scheduler's sweeps) match on it.</summary>
    public const string PersistenceIdPrefix = "billing-";

    public const string TypeName = "billing-account";
    private static readonly TimeSpan CouponTimeout = TimeSpan.FromSeconds(10);
    private readonly IActorRef _coupons;
    private readonly IPaymentGateway _gateway;

    public BillingAccountEntity(string accountId, IActorRef coupons, IPaymentGateway gateway, EntitySettings settings, IClock clock)
        : base(PersistenceIdPrefix + accountId, BillingAccountState.Empty(accountId), settings, clock)
    {
        _coupons = coupons;
        _gateway = gateway;
        Command<GatewayCallReady>(ready => CallGateway(ready.Call, ready.ReplyTo, ready.OrderInvoiceId));
        Command<GatewayAnswered>(OnGatewayAnswered);
        Command<CouponAnswered>(OnCouponAnswered);
    }

    /// <param name="coupons">The coupon shard region (<see cref="ICouponCommand"/>).</param>
    /// <param name="gateway">The payment gateway port; the built-in one is <see cref="LedgerPaymentGateway"/>.</param>
    public static Props PropsFor(string accountId, IActorRef coupons, IPaymentGateway gateway, EntitySettings settings, IClock clock) =>
        Props.Create(() => new BillingAccountEntity(accountId, coupons, gateway, settings, clock));

    protected override Decision<IBillingAccountEvent> Decide(BillingAccountState state, IBillingAccountCommand command, DateTimeOffset now)
    {
        if (state.RetryOf(command) is { } retry) BillingMetrics.Retried(retry);
        var decision = state.Handle(command, now);
        if (decision is not Decision<IBillingAccountEvent>.Accepted accepted) return decision;
        var replyTo = Sender;
        // A new attempt while the gateway is known to be refusing calls: refuse at once and record nothing, so no
        // order or pending payment is left behind for a call that cannot be made.
        if (accepted.Events.Count > 0 && accepted.Reply is BillingAccountState.GatewayCallNeeded or BillingAccountState.OrderChargeNeeded
            && _gateway.RefusingFor is { } wait)
        {
            BillingMetrics.RefusedWhileOpen();
            return Entities.Decide.Reject<IBillingAccountEvent>(Rejection.Unavailable(
                $"the payment gateway is not answering, so nothing was recorded or charged; try again in {Math.Ceiling(wait.TotalSeconds):0} s", wait));
        }
        switch (accepted.Reply)
        {
            case BillingAccountState.GatewayCallNeeded call when accepted.Events.Count == 0:
                CallGateway(call, replyTo); // a retry of a pending attempt: nothing new to record first
                return Later();
            case BillingAccountState.GatewayCallNeeded call:
                // Store PaymentStarted first; the message to self that starts the call is sent only once it is stored.
                ExecuteFor(Self, accepted with { Reply = new GatewayCallReady(call, replyTo) });
                return Later();
            case BillingAccountState.OrderChargeNeeded charge when accepted.Events.Count == 0:
                CallGateway(charge.Call, replyTo, charge.InvoiceId);
                return Later();
            case BillingAccountState.OrderChargeNeeded charge:
                // A new subscription's first invoice: stored with its PaymentStarted, then charged, then the order answered.
                ExecuteFor(Self, accepted with { Reply = new GatewayCallReady(charge.Call, replyTo, charge.InvoiceId) });
                return Later();
            case BillingAccountState.CouponRedemptionNeeded need when command is ApplyCouponToInvoice apply:
                _coupons.Ask<object>(need.Request, CouponTimeout)
                    .PipeTo(Self, success: answer => new CouponAnswered(apply, answer, replyTo), failure: _ => new CouponAnswered(apply, null, replyTo));
                return Later();
            default:
                return decision;
        }
    }

    private void CallGateway(BillingAccountState.GatewayCallNeeded call, IActorRef replyTo, string? orderInvoiceId = null)
    {
        var attempt = call.Attempt;
        Task<GatewayOutcome> answer;
        try
        {
            answer = call.Void
                ? _gateway.Void(attempt.GatewayKey)
                : _gateway.Charge(attempt.GatewayKey, attempt.CardToken, attempt.CardLast4, attempt.AmountMinor, attempt.Currency);
        }
        catch (Exception e)
        {
            answer = Task.FromException<GatewayOutcome>(e);
        }
        answer.PipeTo(Self,
            success: outcome => new GatewayAnswered(attempt.Key, call.Void, outcome, replyTo, orderInvoiceId),
            // An error is an unknown outcome, like a time-out: the attempt stays pending and a retry with its key is safe.
            failure: e => new GatewayAnswered(attempt.Key, call.Void, new GatewayOutcome.TimedOut($"payment gateway error ({e.GetBaseException().Message})"),
                replyTo, orderInvoiceId));
    }

    private void OnGatewayAnswered(GatewayAnswered answered)
    {
        BillingMetrics.GatewayAnswered(answered.Outcome);
        DecideAfterEffect(answered.ReplyTo, "the payment gateway's answer", () => answered.OrderInvoiceId is { } invoiceId
            ? State.AfterOrderCharge(answered.Key, answered.Outcome, invoiceId, Clock.Now)
            : State.AfterGateway(answered.Key, answered.Void, answered.Outcome, Clock.Now));
    }

    private void OnCouponAnswered(CouponAnswered answered)
    {
        switch (answered.Answer)
        {
            case CouponRedeemed redeemed:
                DecideAfterEffect(answered.ReplyTo, "a coupon redemption", () => State.AfterCouponRedeemed(answered.Command, redeemed, Clock.Now));
                break;
            case Rejection rejection:
                answered.ReplyTo.Tell(rejection);
                break;
            default:
                answered.ReplyTo.Tell(new Rejection(RejectionKind.Unavailable,
                    $"coupon {answered.Command.CouponCode} did not answer in time; retrying with the same redemption id is safe"));
                break;
        }
    }

    private static Decision<IBillingAccountEvent> Later() => Entities.Decide.Reply<IBillingAccountEvent>(NoReply.Instance);

    // Local messages (never leave this actor, carry an IActorRef), so exempt from serialization checks.
    private sealed record GatewayCallReady(BillingAccountState.GatewayCallNeeded Call, IActorRef ReplyTo, string? OrderInvoiceId = null)
        : INoSerializationVerificationNeeded;

    private sealed record GatewayAnswered(string Key, bool Void, GatewayOutcome Outcome, IActorRef ReplyTo, string? OrderInvoiceId)
        : INoSerializationVerificationNeeded;

    private sealed record CouponAnswered(ApplyCouponToInvoice Command, object? Answer, IActorRef ReplyTo) : INoSerializationVerificationNeeded;
}
