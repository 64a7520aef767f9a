using System.Text;
using System.Text.RegularExpressions;
using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;
using MediaPlatform.Actors.Tests.Billing.Support;
using MediaPlatform.Actors.Titles;
using static MediaPlatform.Actors.Tests.Titles.TitleSamples;

namespace MediaPlatform.Actors.Tests.Titles;

/// <summary>A title carries the price it is sold at, set when it is created and stored in its created event.</summary>
public sealed class TitlePriceSpecs : BillingSpec
{
    [Fact]
    public void Create_must_store_the_price_on_the_title()
    {
        var (state, events, reply) = Decisions.Accept(TitleState.Empty(Id), TitleState.Empty(Id).Handle(new CreateTitle(Id, Owner, "Holiday", "", 1299), TitleSamples.Now));
        Assert.Equal(1299, Assert.IsType<TitleCreated>(Assert.Single(events)).PriceMinor);
        Assert.Equal((1299L, 1299L), (state.PriceMinor, Assert.IsType<TitleView>(reply).PriceMinor));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_000_001)]
    public void Create_with_a_price_out_of_range_must_be_invalid(long price) =>
        Decisions.Refused(TitleState.Empty(Id).Handle(new CreateTitle(Id, Owner, "Holiday", "", price), TitleSamples.Now), RejectionKind.Invalid);

    [Fact]
    public void A_title_created_before_prices_were_stored_must_read_as_the_default_price()
    {
        var serializer = Assert.IsType<ProtocolSerializer>(Sys.Serialization.FindSerializerFor(new TitleCreated(Id, Owner, "Old", "", TitleSamples.Now, 1299)));
        var current = new TitleCreated(Id, Owner, "Old", "", TitleSamples.Now, 1299);
        var json = Encoding.UTF8.GetString(serializer.ToBinary(current));
        var stored = Regex.Replace(json, @",?""priceMinor""\s*:\s*1299", "", RegexOptions.IgnoreCase);
        Assert.DoesNotContain("1299", stored);

        var old = Assert.IsType<TitleCreated>(serializer.FromBinary(Encoding.UTF8.GetBytes(stored), serializer.Manifest(current)));
        Assert.Equal(TitlePricing.DefaultPriceMinor, TitleState.Empty(Id).Apply(old).PriceMinor);
    }

    [Fact]
    public void The_configured_price_must_be_a_positive_whole_number_of_minor_units()
    {
        Assert.Equal(new TitlePricing(399), TitlePricing.From(Akka.Configuration.ConfigurationFactory.Empty));
        Assert.Equal(new TitlePricing(599), TitlePricing.From(Akka.Configuration.ConfigurationFactory.ParseString("media-platform.billing.title-price-minor = 599")));
        foreach (var bad in new[] { "0", "-5", "\"cheap\"", "10000001" })
            Assert.Throws<Akka.Configuration.ConfigurationException>(() =>
                TitlePricing.From(Akka.Configuration.ConfigurationFactory.ParseString($"media-platform.billing.title-price-minor = {bad}")));
    }
}
