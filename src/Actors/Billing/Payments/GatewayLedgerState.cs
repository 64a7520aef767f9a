using System.Security.Cryptography;
using System.Text;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Billing.Payments;

/// <summary>
/// The built-in gateway's record of one idempotency key. The first charge request decides the key's fate
/// (by <see cref="GatewayRules"/>) and that decision is persisted before it is answered; every later request with the
/// key gets the recorded answer. A crash after recording and before answering loses only the answer, so a retry,
/// from any node, finds the charge instead of making another.
/// </summary>
[Manifest("ledger.state.v1")]
public sealed record GatewayLedgerState(
    string IdempotencyKey,
    LedgerStatus Status,
    int Charges,
    string? ChargeId,
    string? DeclineReason,
    string? CardToken,
    string? CardLast4,
    long AmountMinor,
    string? Currency,
    DateTimeOffset? DecidedAt) : IEntityState<GatewayLedgerState, IGatewayLedgerEvent>, IProtocolMessage
{
    public static GatewayLedgerState Empty(string key) => new(key, LedgerStatus.Untouched, 0, null, null, null, null, 0, null, null);

    public Decision<IGatewayLedgerEvent> Handle(IGatewayLedgerCommand command, DateTimeOffset now, GatewayRules rules) => command switch
    {
        GetLedgerEntry => Decide.Reply<IGatewayLedgerEvent>(View()),
        ChargeCard c => Charge(c, now, rules),
        VoidCharge => Status == LedgerStatus.Untouched
            ? Decide.Persist(this, new ChargeKeyVoided(IdempotencyKey, now), s => s.Answer())
            : Decide.Reply<IGatewayLedgerEvent>(Answer()),
        _ => Decide.Reject<IGatewayLedgerEvent>(Rejection.Invalid($"unknown ledger command {command.GetType().Name}")),
    };

    public GatewayLedgerState Apply(IGatewayLedgerEvent @event) => @event switch
    {
        CardCharged e => this with
        {
            Status = LedgerStatus.Charged, Charges = Charges + 1, ChargeId = e.ChargeId, CardToken = e.CardToken,
            CardLast4 = e.CardLast4, AmountMinor = e.AmountMinor, Currency = e.Currency, DecidedAt = e.At,
        },
        CardDeclined e => this with
        {
            Status = LedgerStatus.Declined, DeclineReason = e.Reason, CardToken = e.CardToken, CardLast4 = e.CardLast4,
            AmountMinor = e.AmountMinor, Currency = e.Currency, DecidedAt = e.At,
        },
        ChargeKeyVoided e => this with { Status = LedgerStatus.Voided, DecidedAt = e.At },
        _ => this,
    };

    public LedgerEntryView View() =>
        new(IdempotencyKey, Status, Charges, ChargeId, DeclineReason, AmountMinor, Currency, CardLast4, DecidedAt);

    /// <summary>Deterministic per key, so the id a client sees never depends on which node answered.</summary>
    public static string ChargeIdFor(string key) =>
        "ch_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];

    private Decision<IGatewayLedgerEvent> Charge(ChargeCard c, DateTimeOffset now, GatewayRules rules)
    {
        if (Status != LedgerStatus.Untouched)
            return Status == LedgerStatus.Voided || SameRequest(c)
                ? Decide.Reply<IGatewayLedgerEvent>(Answer())
                : Decide.Reject<IGatewayLedgerEvent>(Rejection.Conflict(
                    $"idempotency key {IdempotencyKey} was already used for a different charge"));
        if (Validate(c) is { } bad) return Decide.Reject<IGatewayLedgerEvent>(bad);
        return rules.Judge(c.CardLast4) switch
        {
            GatewayVerdict.Approve => Decide.Persist(this,
                new CardCharged(IdempotencyKey, ChargeIdFor(IdempotencyKey), c.CardToken, c.CardLast4, c.AmountMinor, c.Currency, now), s => s.Answer()),
            GatewayVerdict.Decline => Decide.Persist(this,
                new CardDeclined(IdempotencyKey, rules.DeclineReason, c.CardToken, c.CardLast4, c.AmountMinor, c.Currency, now), s => s.Answer()),
            // Simulates a gateway that never answers: nothing recorded, no reply; the caller's ask times out.
            _ => Decide.Reply<IGatewayLedgerEvent>(NoReply.Instance),
        };
    }

    /// <summary>The recorded outcome, as the gateway answers it.</summary>
    private object Answer() => Status switch
    {
        LedgerStatus.Charged => new GatewayCharged(IdempotencyKey, ChargeId!, AmountMinor, Currency!),
        LedgerStatus.Declined => new GatewayDeclined(IdempotencyKey, DeclineReason!),
        LedgerStatus.Voided => new GatewayVoided(IdempotencyKey),
        _ => View(),
    };

    private bool SameRequest(ChargeCard c) =>
        c.CardToken == CardToken && c.CardLast4 == CardLast4 && c.AmountMinor == AmountMinor && c.Currency == Currency;

    private static Rejection? Validate(ChargeCard c)
    {
        if (c.AmountMinor <= 0) return Rejection.Invalid("charge amount must be positive");
        if (BillingValidation.Currency(c.Currency) is { } badCurrency) return badCurrency;
        if (string.IsNullOrEmpty(c.CardToken)) return Rejection.Invalid("card token is required");
        if (c.CardLast4 is not { Length: 4 } || !c.CardLast4.All(char.IsAsciiDigit)) return Rejection.Invalid("card last4 must be four digits");
        return null;
    }
}
