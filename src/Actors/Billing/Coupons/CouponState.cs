using System.Collections.Immutable;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Billing.Coupons;

/// <summary>
/// One coupon and its redemptions. The redemption limits (over all accounts, and per account) hold cluster-wide
/// because exactly one entity owns each code and decides its redemptions one at a time. Every accepted redemption is kept (at most
/// <see cref="MaxRedemptionsLimit"/>), so a repeat, however late, answers the first result instead of using another.
/// </summary>
[Manifest("coupon.state.v1")]
public sealed record CouponState(
    string Code,
    bool Created,
    CouponKind Kind,
    int PercentOff,
    long AmountOffMinor,
    string? Currency,
    DateTimeOffset ExpiresAt,
    int MaxRedemptions,
    DateTimeOffset CreatedAt,
    ImmutableList<CouponRedemption> Redemptions,
    bool Expired = false,
    int MaxRedemptionsPerAccount = 1) : IEntityState<CouponState, ICouponEvent>, IProtocolMessage
{
    /// <summary>Bounds the state (every redemption is kept to make repeats exact).</summary>
    public const int MaxRedemptionsLimit = 10_000;

    /// <summary>$10,000: a fixed discount above that is a typo.</summary>
    public const long MaxAmountOffMinor = 1_000_000;

    public static CouponState Empty(string code) =>
        new(code, false, CouponKind.Percent, 0, 0, null, default, 0, default, ImmutableList<CouponRedemption>.Empty);

    public Decision<ICouponEvent> Handle(ICouponCommand command, DateTimeOffset now) => command switch
    {
        CreateCoupon c => Create(c, now),
        _ when !Created => Refuse(Rejection.NotFound($"coupon {Code} does not exist")),
        GetCoupon => Decide.Reply<ICouponEvent>(View()),
        RedeemCoupon c => Redeem(c, now),
        ExpireCoupon when Expired || now < ExpiresAt => Decide.Reply<ICouponEvent>(View()),
        ExpireCoupon => Decide.Persist(this, new CouponExpired(Code, now), s => s.View()),
        _ => Refuse(Rejection.Invalid($"unknown coupon command {command.GetType().Name}")),
    };

    public CouponState Apply(ICouponEvent @event) => @event switch
    {
        CouponCreated e => this with
        {
            Created = true, Kind = e.Kind, PercentOff = e.PercentOff, AmountOffMinor = e.AmountOffMinor, Currency = e.Currency,
            ExpiresAt = e.ExpiresAt, MaxRedemptions = e.MaxRedemptions, CreatedAt = e.At, MaxRedemptionsPerAccount = e.MaxRedemptionsPerAccount,
        },
        CouponRedemptionRecorded e => this with { Redemptions = Redemptions.Add(new CouponRedemption(e.AccountId, e.InvoiceId, e.RedemptionId, e.At)) },
        CouponExpired => this with { Expired = true },
        _ => this,
    };

    public CouponView View() =>
        new(Code, Kind, PercentOff, AmountOffMinor, Currency, ExpiresAt, MaxRedemptions, Redemptions.Count, CreatedAt, Expired, MaxRedemptionsPerAccount);

    private Decision<ICouponEvent> Create(CreateCoupon c, DateTimeOffset now)
    {
        if (Created)
            return SameDefinition(c)
                ? Decide.Reply<ICouponEvent>(View())
                : Refuse(Rejection.Conflict($"coupon {Code} already exists with a different definition"));
        if (Validate(c, now) is { } bad) return Refuse(bad);
        var currency = c.Kind == CouponKind.FixedAmount ? c.Currency : null;
        return Decide.Persist(this,
            new CouponCreated(Code, c.Kind, c.PercentOff, c.AmountOffMinor, currency, c.ExpiresAt, c.MaxRedemptions, now, c.MaxRedemptionsPerAccount),
            s => s.View());
    }

    private Decision<ICouponEvent> Redeem(RedeemCoupon c, DateTimeOffset now)
    {
        if (BillingValidation.Id(c.AccountId, "account id") is { } badAccount) return Refuse(badAccount);
        if (BillingValidation.Id(c.InvoiceId, "invoice id") is { } badInvoice) return Refuse(badInvoice);
        if (BillingValidation.Key(c.RedemptionId, "redemption id") is { } badKey) return Refuse(badKey);
        if (Redemptions.Find(r => r.AccountId == c.AccountId && r.RedemptionId == c.RedemptionId) is { } prior)
            return prior.InvoiceId == c.InvoiceId
                ? Decide.Reply<ICouponEvent>(Redeemed(prior))
                : Refuse(Rejection.Conflict($"redemption {c.RedemptionId} was already used for invoice {prior.InvoiceId}"));
        if (now >= ExpiresAt) return Refuse(Rejection.Conflict($"coupon {Code} expired at {ExpiresAt:O}"));
        if (Redemptions.Count >= MaxRedemptions) return Refuse(Rejection.Conflict($"coupon {Code} has been fully redeemed"));
        if (Redemptions.Count(r => r.AccountId == c.AccountId) >= MaxRedemptionsPerAccount)
            return Refuse(Rejection.Conflict(MaxRedemptionsPerAccount == 1
                ? $"coupon {Code} can be redeemed once per account and this account has redeemed it"
                : $"coupon {Code} can be redeemed {MaxRedemptionsPerAccount} times per account and this account has redeemed it that often"));
        if (Kind == CouponKind.FixedAmount && c.Currency != Currency)
            return Refuse(Rejection.Invalid($"coupon {Code} is in {Currency} and cannot discount an invoice in {c.Currency}"));
        return Decide.Persist(this, new CouponRedemptionRecorded(Code, c.AccountId, c.InvoiceId, c.RedemptionId, now),
            s => s.Redeemed(s.Redemptions[^1]));
    }

    private CouponRedeemed Redeemed(CouponRedemption r) =>
        new(Code, r.AccountId, r.InvoiceId, r.RedemptionId, Kind, PercentOff, AmountOffMinor, Currency, r.At);

    private bool SameDefinition(CreateCoupon c) =>
        c.Kind == Kind && c.PercentOff == PercentOff && c.AmountOffMinor == AmountOffMinor && c.ExpiresAt == ExpiresAt
        && c.MaxRedemptions == MaxRedemptions && c.MaxRedemptionsPerAccount == MaxRedemptionsPerAccount && (Kind == CouponKind.Percent || c.Currency == Currency);

    private Rejection? Validate(CreateCoupon c, DateTimeOffset now)
    {
        if (!CouponCode.IsNormalized(c.Code) || c.Code != Code)
            return Rejection.Invalid($"coupon code must be {CouponCode.MinLength}-{CouponCode.MaxLength} upper-case letters, digits, '_' or '-'");
        if (!Enum.IsDefined(c.Kind)) return Rejection.Invalid("coupon kind must be Percent or FixedAmount");
        if (c.Kind == CouponKind.Percent && (c.PercentOff is < 1 or > 100 || c.AmountOffMinor != 0))
            return Rejection.Invalid("a percent coupon takes 1 to 100 percent off and no amount");
        if (c.Kind == CouponKind.FixedAmount && (c.AmountOffMinor is < 1 or > MaxAmountOffMinor || c.PercentOff != 0))
            return Rejection.Invalid($"a fixed-amount coupon takes 1 to {MaxAmountOffMinor} minor units off and no percent");
        if (c.Kind == CouponKind.FixedAmount && BillingValidation.Currency(c.Currency) is { } badCurrency) return badCurrency;
        if (c.ExpiresAt <= now) return Rejection.Invalid("coupon expiry must be in the future");
        if (c.MaxRedemptions is < 1 or > MaxRedemptionsLimit)
            return Rejection.Invalid($"maximum redemptions must be 1 to {MaxRedemptionsLimit}");
        if (c.MaxRedemptionsPerAccount < 1 || c.MaxRedemptionsPerAccount > c.MaxRedemptions)
            return Rejection.Invalid("maximum redemptions per account must be 1 to the coupon's maximum redemptions");
        return null;
    }

    private static Decision<ICouponEvent> Refuse(Rejection rejection) => Decide.Reject<ICouponEvent>(rejection);
}
