namespace MediaPlatform.Actors.Billing.Payments;

/// <summary>
/// The port billing charges cards through. Both calls are idempotent by key: the same key always yields the first
/// outcome and at most one charge, however often and from whichever node it is called.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Charges the card once per key. A lost answer surfaces as <see cref="GatewayOutcome.TimedOut"/>.</summary>
    Task<GatewayOutcome> Charge(string idempotencyKey, string cardToken, string cardLast4, long amountMinor, string currency);

    /// <summary>
    /// Makes sure the key never charges: voids it if it has not charged (<see cref="GatewayOutcome.Voided"/>),
    /// otherwise answers what it did (approved or declined).
    /// </summary>
    Task<GatewayOutcome> Void(string idempotencyKey);

    /// <summary>
    /// How much longer the gateway is known to be refusing calls (an open circuit), so a caller can refuse new work
    /// before recording anything; null while calls go through.
    /// </summary>
    TimeSpan? RefusingFor => null;
}

/// <summary>What the gateway answered.</summary>
public abstract record GatewayOutcome
{
    public sealed record Approved(string ChargeId) : GatewayOutcome;

    public sealed record Declined(string Reason) : GatewayOutcome;

    /// <summary>The key is void: it has not charged and never will.</summary>
    public sealed record Voided : GatewayOutcome;

    /// <summary>No answer in time: the charge may or may not have happened; ask again with the same key.</summary>
    public sealed record TimedOut(string Detail) : GatewayOutcome
    {
        /// <summary>Set when no call was made (the circuit is open): when trying again can help.</summary>
        public TimeSpan? RetryAfter { get; init; }
    }
}
