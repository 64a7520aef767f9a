namespace MediaPlatform.Actors.Billing;

public enum PaymentStatus { Pending, Succeeded, Declined, Cancelled }

/// <summary>
/// One payment of an invoice, keyed by the client's Idempotency-Key. <see cref="GatewayKey"/> is the key the gateway
/// sees (scoped by account, so two accounts' keys never collide in the gateway ledger). Pending means the attempt was
/// recorded but the gateway's answer was not (yet): a retry with the same key asks the gateway again.
/// </summary>
public sealed record PaymentAttempt(
    string Key,
    string GatewayKey,
    string InvoiceId,
    long AmountMinor,
    string Currency,
    string CardId,
    string CardToken,
    string CardLast4,
    PaymentStatus Status,
    string? ChargeId,
    string? FailureReason,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt)
{
    public PaymentView View() =>
        new(Key, InvoiceId, AmountMinor, Currency, CardLast4, Status, ChargeId, FailureReason, StartedAt, FinishedAt);
}
