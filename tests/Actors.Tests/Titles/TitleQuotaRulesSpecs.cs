using MediaPlatform.Actors.Titles;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Actors.Tests.Titles;

/// <summary>The source-duration quota as a pure rule over the prober's verdict.</summary>
public sealed class TitleQuotaRulesSpecs
{
    [Fact]
    public void A_source_within_the_limit_must_pass_and_a_longer_one_must_be_refused_naming_the_limit()
    {
        Assert.Null(TitleQuotaRules.DurationRefusal(TimeSpan.FromHours(4), TimeSpan.FromHours(4)));
        var refusal = TitleQuotaRules.DurationRefusal(TimeSpan.FromHours(4) + TimeSpan.FromSeconds(1), TimeSpan.FromHours(4));
        Assert.NotNull(refusal);
        Assert.Contains("4h 00m 00s", refusal);
        Assert.Contains("media-platform.quotas.source-duration", refusal);
    }

    [Fact]
    public void Only_an_accepted_verdict_over_the_limit_must_become_a_rejection()
    {
        var rejected = new ProbeVerdict.Rejected(RejectionReason.Unreadable, "broken");
        Assert.Same(rejected, TitleQuotaRules.WithDurationLimit(rejected, TimeSpan.FromSeconds(1)));
    }
}
