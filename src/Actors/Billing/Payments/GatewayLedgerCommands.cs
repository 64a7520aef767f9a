using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Billing.Payments;

/// <summary>Every message the gateway ledger handles; routed by the charge's idempotency key.</summary>
public interface IGatewayLedgerCommand : IWithEntityId, IProtocolMessage
{
    string IdempotencyKey { get; }
    string IWithEntityId.EntityId => IdempotencyKey;
}

/// <summary>Charge the card once for this key. Answers <see cref="GatewayCharged"/> or <see cref="GatewayDeclined"/> (or nothing, by rule).</summary>
[Manifest("ledger.charge.v1")]
public sealed record ChargeCard(string IdempotencyKey, string CardToken, string CardLast4, long AmountMinor, string Currency) : IGatewayLedgerCommand;

/// <summary>Make sure this key never charges. Answers <see cref="GatewayVoided"/>, or what the key already did.</summary>
[Manifest("ledger.void.v1")]
public sealed record VoidCharge(string IdempotencyKey) : IGatewayLedgerCommand;

/// <summary>How many charges this key produced (0 or 1), and its outcome. Answers <see cref="LedgerEntryView"/>.</summary>
[Manifest("ledger.get.v1")]
public sealed record GetLedgerEntry(string IdempotencyKey) : IGatewayLedgerCommand;
