using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Actors.Tests.Billing.Support;

namespace MediaPlatform.Actors.Tests.Billing;

public sealed class PlanCatalogSpecs
{
    [Fact]
    public void Catalog_must_offer_at_least_three_plans_with_distinct_ids_priced_in_minor_units_of_one_currency()
    {
        Assert.True(PlanCatalog.All.Count >= 3);
        Assert.Equal(PlanCatalog.All.Count, PlanCatalog.All.Select(p => p.PlanId).Distinct().Count());
        Assert.All(PlanCatalog.All, p => Assert.Equal("USD", p.Currency));
        Assert.All(PlanCatalog.All, p => Assert.True(p.MonthlyPriceMinor > 0));
        Assert.Equal([799L, 1549L, 2299L], PlanCatalog.All.Select(p => p.MonthlyPriceMinor));
    }

    [Fact]
    public void Find_must_return_the_plan_by_id_and_null_for_an_unknown_id()
    {
        Assert.Same(PlanCatalog.Premium, PlanCatalog.Find("premium"));
        Assert.Null(PlanCatalog.Find("Premium"));
        Assert.Null(PlanCatalog.Find(null));
    }

    [Fact]
    public void Proration_must_count_whole_days_remaining_and_round_each_amount_down()
    {
        var start = BillingSamples.Start;               // 10 Jan; the period ends 10 Feb: 31 days
        var now = start.AddDays(16).AddHours(3);        // 14 d 21 h left: 14 whole days
        var p = Proration.For(PlanCatalog.Basic, PlanCatalog.Premium, start, start.AddMonths(1), now);

        Assert.Equal(31, p.DaysInPeriod);
        Assert.Equal(14, p.DaysRemaining);
        Assert.Equal(799 * 14 / 31, p.CreditMinor);     // 360.8 -> 360
        Assert.Equal(360, p.CreditMinor);
        Assert.Equal(1038, p.ChargeMinor);              // 2299 * 14 / 31 = 1038.3 -> 1038
    }

    [Fact]
    public void Proration_at_the_period_start_must_be_the_full_prices_and_at_the_end_nothing()
    {
        var start = BillingSamples.Start;
        var full = Proration.For(PlanCatalog.Basic, PlanCatalog.Standard, start, start.AddMonths(1), start);
        Assert.Equal((31, 799L, 1549L), (full.DaysRemaining, full.CreditMinor, full.ChargeMinor));

        var end = Proration.For(PlanCatalog.Basic, PlanCatalog.Standard, start, start.AddMonths(1), start.AddMonths(1).AddHours(1));
        Assert.Equal((0, 0L, 0L), (end.DaysRemaining, end.CreditMinor, end.ChargeMinor));
    }

    [Theory]
    [InlineData(2299, 1, 28)]
    [InlineData(2299, 27, 28)]
    [InlineData(1549, 15, 30)]
    [InlineData(799, 30, 31)]
    public void Prorated_share_must_never_exceed_the_exact_share_and_be_off_by_less_than_one_minor_unit(long price, int part, int whole)
    {
        var share = Proration.Share(price, part, whole);
        var exactTimesWhole = price * part;
        Assert.True(share * whole <= exactTimesWhole);
        Assert.True((share + 1) * whole > exactTimesWhole);
    }
}
