using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Billing.Support;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>Pure rules of a coupon: its definition, and redemptions limited, expiring and idempotent.</summary>
public sealed class CouponStateSpecs
{
    private static readonly DateTimeOffset Now = BillingSamples.Start;
    private static readonly DateTimeOffset Expiry = Now.AddDays(30);

    private static CreateCoupon Percent(int percent = 10, int max = 3) => new("SAVE10", CouponKind.Percent, percent, 0, null, Expiry, max);

    private static CreateCoupon Fixed(long amount = 500, string? currency = "USD") => new("SAVE10", CouponKind.FixedAmount, 0, amount, currency, Expiry, 3);

    private static RedeemCoupon Redeem(string account = "a1", string invoice = "INV-000001", string redemption = "r1", string currency = "USD") =>
        new("SAVE10", account, invoice, redemption, currency);

    private static CouponState Created(CreateCoupon? create = null) =>
        Decisions.Accept(CouponState.Empty("SAVE10"), CouponState.Empty("SAVE10").Handle(create ?? Percent(), Now)).State;

    [Fact]
    public void Create_must_define_the_coupon_with_no_redemptions()
    {
        var (state, events, reply) = Decisions.Accept(CouponState.Empty("SAVE10"), CouponState.Empty("SAVE10").Handle(Percent(), Now));
        Assert.IsType<CouponCreated>(Assert.Single(events));
        Assert.Equal(new CouponView("SAVE10", CouponKind.Percent, 10, 0, null, Expiry, 3, 0, Now), reply);
        Assert.True(state.Created);
    }

    [Fact]
    public void Create_of_a_fixed_amount_coupon_must_keep_its_currency()
    {
        var view = Assert.IsType<CouponView>(Decisions.Accept(CouponState.Empty("SAVE10"), CouponState.Empty("SAVE10").Handle(Fixed(), Now)).Reply);
        Assert.Equal((CouponKind.FixedAmount, 500L, "USD"), (view.Kind, view.AmountOffMinor, view.Currency));
    }

    [Fact]
    public void Create_repeated_with_the_same_definition_must_answer_it_and_a_different_one_must_be_a_conflict()
    {
        var state = Created();
        Assert.Empty(Decisions.Accept(state, state.Handle(Percent(), Now)).Events);
        Decisions.Refused(state.Handle(Percent(20), Now), RejectionKind.Conflict);
        Decisions.Refused(state.Handle(Percent(max: 4), Now), RejectionKind.Conflict);
    }

    public static TheoryData<CreateCoupon> BadDefinitions() => new()
    {
        Percent(0), Percent(101),
        Percent() with { AmountOffMinor = 5 },
        Fixed(0), Fixed(CouponState.MaxAmountOffMinor + 1), Fixed(currency: null), Fixed(currency: "usd"),
        Fixed() with { PercentOff = 10 },
        Percent() with { Kind = (CouponKind)7 },
        Percent() with { ExpiresAt = Now },
        Percent(max: 0), Percent(max: CouponState.MaxRedemptionsLimit + 1),
        Percent() with { Code = "save10" },
    };

    [Theory]
    [MemberData(nameof(BadDefinitions))]
    public void Create_with_a_bad_definition_must_be_invalid(CreateCoupon create) =>
        Decisions.Refused(CouponState.Empty("SAVE10").Handle(create, Now), RejectionKind.Invalid);

    [Fact]
    public void Get_and_redeem_of_a_coupon_never_created_must_be_not_found()
    {
        Decisions.Refused(CouponState.Empty("SAVE10").Handle(new GetCoupon("SAVE10"), Now), RejectionKind.NotFound);
        Decisions.Refused(CouponState.Empty("SAVE10").Handle(Redeem(), Now), RejectionKind.NotFound);
    }

    [Fact]
    public void Redeem_must_record_the_redemption_and_answer_what_it_is_worth()
    {
        var (state, events, reply) = Decisions.Accept(Created(), Created().Handle(Redeem(), Now.AddHours(1)));
        Assert.IsType<CouponRedemptionRecorded>(Assert.Single(events));
        Assert.Equal(new CouponRedeemed("SAVE10", "a1", "INV-000001", "r1", CouponKind.Percent, 10, 0, null, Now.AddHours(1)), reply);
        Assert.Equal(1, state.View().Redeemed);
    }

    [Fact]
    public void Redeem_repeated_with_the_same_redemption_must_answer_the_first_and_use_no_second()
    {
        var state = Created();
        var (after, _, first) = Decisions.Accept(state, state.Handle(Redeem(), Now));
        var (again, events, second) = Decisions.Accept(after, after.Handle(Redeem(), Now.AddMinutes(5)));
        Assert.Empty(events);
        Assert.Equal(first, second);
        Assert.Equal(1, again.View().Redeemed);
    }

    [Fact]
    public void Redeem_with_a_used_redemption_id_for_another_invoice_must_be_a_conflict_but_another_account_may_use_the_same_id()
    {
        var state = Decisions.Accept(Created(), Created().Handle(Redeem(), Now)).State;
        Decisions.Refused(state.Handle(Redeem(invoice: "INV-000002"), Now), RejectionKind.Conflict);
        Assert.Equal(2, Decisions.Accept(state, state.Handle(Redeem(account: "a2"), Now)).State.View().Redeemed);
    }

    [Fact]
    public void Redeem_must_succeed_at_most_max_redemptions_times_and_then_be_a_conflict()
    {
        var state = Created(Percent(max: 3));
        for (var i = 0; i < 3; i++) state = Decisions.Accept(state, state.Handle(Redeem(account: $"a{i}"), Now)).State;
        Decisions.Refused(state.Handle(Redeem(account: "a9"), Now), RejectionKind.Conflict);
        Assert.IsType<CouponRedeemed>(Decisions.Accept(state, state.Handle(Redeem(account: "a0"), Now)).Reply); // repeats still answer
    }

    [Fact]
    public void Redeem_must_be_once_per_account_by_default_while_other_accounts_still_can()
    {
        var state = Decisions.Accept(Created(), Created().Handle(Redeem(), Now)).State;
        var refused = Decisions.Refused(state.Handle(Redeem(invoice: "INV-000002", redemption: "r2"), Now), RejectionKind.Conflict);
        Assert.Contains("once per account", refused.Message);
        Assert.IsType<CouponRedeemed>(Decisions.Accept(state, state.Handle(Redeem(), Now)).Reply); // the first one's repeat still answers
        Assert.Equal(2, Decisions.Accept(state, state.Handle(Redeem(account: "a2", redemption: "r2"), Now)).State.View().Redeemed);
    }

    [Fact]
    public void Redeem_must_keep_to_a_per_account_limit_set_at_creation_and_to_the_coupon_limit()
    {
        var state = Created(Percent(max: 3) with { MaxRedemptionsPerAccount = 2 });
        Assert.Equal(2, state.View().MaxRedemptionsPerAccount);
        state = Decisions.Accept(state, state.Handle(Redeem(invoice: "INV-000001", redemption: "r1"), Now)).State;
        state = Decisions.Accept(state, state.Handle(Redeem(invoice: "INV-000002", redemption: "r2"), Now)).State;
        Assert.Contains("2 times per account", Decisions.Refused(state.Handle(Redeem(invoice: "INV-000003", redemption: "r3"), Now), RejectionKind.Conflict).Message);
        state = Decisions.Accept(state, state.Handle(Redeem(account: "a2"), Now)).State;
        Assert.Contains("fully redeemed", Decisions.Refused(state.Handle(Redeem(account: "a3"), Now), RejectionKind.Conflict).Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Create_with_a_per_account_limit_outside_one_to_the_coupon_limit_must_be_invalid(int perAccount) =>
        Decisions.Refused(CouponState.Empty("SAVE10").Handle(Percent(max: 3) with { MaxRedemptionsPerAccount = perAccount }, Now), RejectionKind.Invalid);

    [Fact]
    public void A_coupon_created_before_the_per_account_limit_existed_must_allow_one_redemption_per_account()
    {
        var old = new CouponCreated("SAVE10", CouponKind.Percent, 10, 0, null, Expiry, 5, Now);
        Assert.Equal(1, CouponState.Empty("SAVE10").Apply(old).MaxRedemptionsPerAccount);
    }

    [Fact]
    public void Redeem_at_or_after_the_expiry_must_be_a_conflict() =>
        Decisions.Refused(Created().Handle(Redeem(), Expiry), RejectionKind.Conflict);

    [Fact]
    public void Redeem_of_a_fixed_amount_coupon_for_an_invoice_in_another_currency_must_be_invalid() =>
        Decisions.Refused(Created(Fixed()).Handle(Redeem(currency: "EUR"), Now), RejectionKind.Invalid);

    [Theory]
    [InlineData("", "INV-1", "r1")]
    [InlineData("a1", "", "r1")]
    [InlineData("a1", "INV-1", "")]
    [InlineData("a1", "INV-1", "bad id")]
    public void Redeem_with_missing_or_malformed_ids_must_be_invalid(string account, string invoice, string redemption) =>
        Decisions.Refused(Created().Handle(Redeem(account, invoice, redemption), Now), RejectionKind.Invalid);

    [Theory]
    [InlineData(CouponKind.Percent, 15, 0, 999, 149)]   // 149.85 rounds down
    [InlineData(CouponKind.Percent, 100, 0, 999, 999)]
    [InlineData(CouponKind.Percent, 33, 0, 1, 0)]
    [InlineData(CouponKind.FixedAmount, 0, 500, 999, 500)]
    [InlineData(CouponKind.FixedAmount, 0, 500, 300, 300)] // never more than the amount
    [InlineData(CouponKind.Percent, 10, 0, 0, 0)]
    public void Discount_must_round_down_and_never_exceed_the_amount(CouponKind kind, int percent, long off, long amount, long expected) =>
        Assert.Equal(expected, new CouponRedeemed("C", "a", "i", "r", kind, percent, off, "USD", Now).DiscountOn(amount));

    [Fact]
    public void Percent_discount_must_be_exact_for_amounts_where_price_times_percent_would_overflow()
    {
        var redeemed = new CouponRedeemed("C", "a", "i", "r", CouponKind.Percent, 37, 0, null, Now);
        Assert.Equal(long.MaxValue / 100 * 37 + long.MaxValue % 100 * 37 / 100, redeemed.DiscountOn(long.MaxValue));
    }

    [Theory]
    [InlineData(" save10 ", "SAVE10")]
    [InlineData("spring-2026_x", "SPRING-2026_X")]
    public void Codes_must_normalize_case_and_surrounding_whitespace(string input, string expected)
    {
        Assert.True(CouponCode.TryNormalize(input, out var code, out _));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AB")]
    [InlineData("THIS-CODE-IS-FAR-TOO-LONG-TO-TYPE-X")]
    [InlineData("NO SPACES")]
    [InlineData("ÄPFEL")]
    [InlineData(null)]
    public void Codes_that_are_too_short_long_or_have_odd_characters_must_be_refused(string? input)
    {
        Assert.False(CouponCode.TryNormalize(input, out var code, out var error));
        Assert.Equal("", code);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Expire_before_the_expiry_must_change_nothing_and_after_it_must_mark_the_coupon_expired_once()
    {
        var state = Created();
        Assert.Empty(Decisions.Accept(state, state.Handle(new ExpireCoupon("SAVE10"), Expiry.AddSeconds(-1))).Events);

        var (expired, events, reply) = Decisions.Accept(state, state.Handle(new ExpireCoupon("SAVE10"), Expiry));
        Assert.IsType<CouponExpired>(Assert.Single(events));
        Assert.True(Assert.IsType<CouponView>(reply).Expired);
        Assert.Empty(Decisions.Accept(expired, expired.Handle(new ExpireCoupon("SAVE10"), Expiry.AddDays(1))).Events);
    }

    [Fact]
    public void Expire_of_a_coupon_never_created_must_be_not_found() =>
        Decisions.Refused(CouponState.Empty("NOPE").Handle(new ExpireCoupon("NOPE"), Now), RejectionKind.NotFound);
}
