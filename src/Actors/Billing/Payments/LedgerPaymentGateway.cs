using Akka.Actor;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Billing.Payments;

/// <summary>
/// <see cref="IPaymentGateway"/> over the gateway-ledger shard region: asks the key's ledger entity and waits at most
/// the configured time-out. Thread-safe and stateless, so one instance serves every account entity of a node.
/// </summary>
public sealed class LedgerPaymentGateway(IActorRef ledgerRegion, TimeSpan timeout) : IPaymentGateway
{
    public Task<GatewayOutcome> Charge(string idempotencyKey, string cardToken, string cardLast4, long amountMinor, string currency) =>
        Ask(new ChargeCard(idempotencyKey, cardToken, cardLast4, amountMinor, currency));

    public Task<GatewayOutcome> Void(string idempotencyKey) => Ask(new VoidCharge(idempotencyKey));

    private async Task<GatewayOutcome> Ask(IGatewayLedgerCommand command)
    {
        object answer;
        try
        {
            answer = await ledgerRegion.Ask<object>(command, timeout).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            return new GatewayOutcome.TimedOut($"the payment gateway did not answer within {timeout.TotalSeconds:0.###} s");
        }
        return answer switch
        {
            GatewayCharged c => new GatewayOutcome.Approved(c.ChargeId),
            GatewayDeclined d => new GatewayOutcome.Declined(d.Reason),
            GatewayVoided => new GatewayOutcome.Voided(),
            // Refused outright (malformed, or the key already decided a different charge): nothing was charged for
            // this request, so it is a decline, not an unknown outcome to retry.
            Rejection r => new GatewayOutcome.Declined($"refused by the payment gateway: {r.Message}"),
            _ => throw new InvalidOperationException($"unexpected gateway answer {answer.GetType().Name}"),
        };
    }
}
