using Akka.Actor;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Billing.Payments;

/// <summary>
/// The built-in payment gateway: one entity per idempotency key, sharded by that key, so every charge attempt with
/// a key, from any node, is decided by the one entity that has already recorded the key's outcome.
/// Rules are in <see cref="GatewayLedgerState"/> and <see cref="GatewayRules"/>.
/// </summary>
public sealed class GatewayLedgerEntity(string idempotencyKey, GatewayRules rules, EntitySettings settings, IClock clock)
    : EventSourcedEntity<GatewayLedgerState, IGatewayLedgerCommand, IGatewayLedgerEvent>(
        PersistenceIdPrefix + idempotencyKey, GatewayLedgerState.Empty(idempotencyKey), settings, clock)
{
    /// <summary>Persistence ids are this prefix + the entity id; journal queries (e.g. the scheduler's sweeps) match on it.</summary>
    public const string PersistenceIdPrefix = "gateway-ledger-";

    public const string TypeName = "gateway-ledger";

    public static Props PropsFor(string idempotencyKey, GatewayRules rules, EntitySettings settings, IClock clock) =>
        Props.Create(() => new GatewayLedgerEntity(idempotencyKey, rules, settings, clock));

    protected override Decision<IGatewayLedgerEvent> Decide(GatewayLedgerState state, IGatewayLedgerCommand command, DateTimeOffset now) =>
        state.Handle(command, now, rules);
}
