using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Billing.Payments;

[Manifest("ledger.charged-answer.v1")]
public sealed record GatewayCharged(string IdempotencyKey, string ChargeId, long AmountMinor, string Currency) : IProtocolMessage;

[Manifest("ledger.declined-answer.v1")]
public sealed record GatewayDeclined(string IdempotencyKey, string Reason) : IProtocolMessage;

[Manifest("ledger.voided-answer.v1")]
public sealed record GatewayVoided(string IdempotencyKey) : IProtocolMessage;

public enum LedgerStatus { Untouched, Charged, Declined, Voided }

/// <summary>One key's record at the gateway; <see cref="Charges"/> counts charge events (never more than 1).</summary>
[Manifest("ledger.entry.v1")]
public sealed record LedgerEntryView(string IdempotencyKey, LedgerStatus Status, int Charges, string? ChargeId, string? DeclineReason,
    long AmountMinor, string? Currency, string? CardLast4, DateTimeOffset? DecidedAt) : IProtocolMessage;
