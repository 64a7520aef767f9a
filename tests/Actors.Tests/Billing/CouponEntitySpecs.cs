using Akka.Actor;
using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Billing.Support;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>The coupon entity: the redemption limit under concurrency, idempotent repeats, recovery.</summary>
public sealed class CouponEntitySpecs : BillingSpec
{
    private readonly IActorRef _coupons;

    public CouponEntitySpecs()
    {
        _coupons = Region(code => CouponEntity.PropsFor(code, Settings, Clock), "coupons");
    }

    private static CreateCoupon Create(string code = "SPRING", int max = 7) =>
        new(code, CouponKind.Percent, 25, 0, null, BillingSamples.Start.AddDays(30), max);

    [Fact]
    public async Task Fifty_concurrent_redemptions_from_different_accounts_of_a_coupon_limited_to_seven_must_succeed_exactly_seven_times()
    {
        await Ask<CouponView>(_coupons, Create(max: 7));

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Ask<object>(_coupons, new RedeemCoupon("SPRING", $"account-{i}", "INV-000001", $"r-{i}", "USD"))));

        Assert.Equal(7, answers.OfType<CouponRedeemed>().Count());
        Assert.Equal(43, answers.OfType<Rejection>().Count(r => r.Kind == RejectionKind.Conflict));
        Assert.Equal(7, (await Ask<CouponView>(_coupons, new GetCoupon("SPRING"))).Redeemed);
        Assert.Equal(1 + 7, (await JournalOf("coupon-SPRING")).Count);
    }

    [Fact]
    public async Task A_repeated_redemption_must_answer_the_first_and_use_no_second_even_after_a_restart()
    {
        await Ask<CouponView>(_coupons, Create(max: 2));
        var redeem = new RedeemCoupon("SPRING", "account-1", "INV-000001", "r-1", "USD");
        var first = await Ask<CouponRedeemed>(_coupons, redeem);
        Assert.Equal(first, await Ask<CouponRedeemed>(_coupons, redeem));

        await StopEntity(_coupons, "SPRING");
        Assert.Equal(first, await Ask<CouponRedeemed>(_coupons, redeem));
        Assert.Equal(1, (await Ask<CouponView>(_coupons, new GetCoupon("SPRING"))).Redeemed);
    }

    [Fact]
    public async Task State_must_be_identical_after_the_entity_is_stopped_and_recovers()
    {
        await Ask<CouponView>(_coupons, Create(max: 10));
        for (var i = 0; i < 5; i++) await Ask<CouponRedeemed>(_coupons, new RedeemCoupon("SPRING", $"a{i}", "INV-000001", "r", "USD"));
        var before = await Ask<CouponView>(_coupons, new GetCoupon("SPRING"));

        await StopEntity(_coupons, "SPRING");
        Assert.Equal(before, await Ask<CouponView>(_coupons, new GetCoupon("SPRING")));
    }

    [Fact]
    public async Task Unknown_expired_and_exhausted_coupons_must_be_refused()
    {
        await Refused(_coupons, new RedeemCoupon("NOPE", "a", "INV-000001", "r", "USD"), RejectionKind.NotFound);
        await Ask<CouponView>(_coupons, Create(max: 1));
        await Ask<CouponRedeemed>(_coupons, new RedeemCoupon("SPRING", "a", "INV-000001", "r", "USD"));
        await Refused(_coupons, new RedeemCoupon("SPRING", "b", "INV-000001", "r", "USD"), RejectionKind.Conflict);

        await Ask<CouponView>(_coupons, Create("LATER", 5));
        Clock.Set(BillingSamples.Start.AddDays(31));
        await Refused(_coupons, new RedeemCoupon("LATER", "a", "INV-000001", "r", "USD"), RejectionKind.Conflict);
    }
}
