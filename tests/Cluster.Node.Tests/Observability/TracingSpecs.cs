using MediaPlatform.Node.Tests.Api.Billing;

namespace MediaPlatform.Node.Tests.Observability;

/// <summary>
/// --otlp-endpoint: API requests and the journal writes they cause reach the collector as spans, and a collector that
/// has gone away costs nothing but the spans.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class TracingSpecs(TracingNodeFixture fixture) : IClassFixture<TracingNodeFixture>
{
    [Fact]
    public async Task Requests_and_their_journal_writes_reach_the_collector_and_requests_go_on_when_it_is_gone()
    {
        using (var user = await BillingApiClient.SignUpAsync(fixture.Node, cardNumber: null))
        {
            // The exporter sends in batches every few seconds.
            await Eventually.AwaitAsync(() => fixture.Collector.Received("persist user") && fixture.Collector.Received("POST /api/users"),
                TimeSpan.FromSeconds(30), "spans of the sign-up at the collector");
            Assert.True(fixture.Collector.Received("MediaPlatform.Persistence"), "the persistence source names itself");
            Assert.False(fixture.Collector.Received("/metrics"), "scrapes are not traced");
        }

        await fixture.Collector.StopAsync();
        // With nothing listening on the collector's port, requests still succeed (sign-up 201, login 200, a card
        // stored 201): exports are batched in the background.
        using var after = await BillingApiClient.SignUpAsync(fixture.Node, BillingApiClient.ApprovingCard);
        Assert.NotNull(after.UserId);
    }
}
