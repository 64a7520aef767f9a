using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Billing.Payments;

public interface IGatewayLedgerEvent : IProtocolMessage;

/// <summary>Money moved. One such event per key, ever: it is the ledger's whole purpose.</summary>
[Manifest("ledger.charged.v1")]
public sealed record CardCharged(string IdempotencyKey, string ChargeId, string CardToken, string CardLast4, long AmountMinor, string Currency, DateTimeOffset At) : IGatewayLedgerEvent;

[Manifest("ledger.declined.v1")]
public sealed record CardDeclined(string IdempotencyKey, string Reason, string CardToken, string CardLast4, long AmountMinor, string Currency, DateTimeOffset At) : IGatewayLedgerEvent;

[Manifest("ledger.voided.v1")]
public sealed record ChargeKeyVoided(string IdempotencyKey, DateTimeOffset At) : IGatewayLedgerEvent;
