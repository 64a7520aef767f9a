using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using MediaPlatform.Node.Tests.Api.Billing;
using MediaPlatform.Testing;
using Xunit.Abstractions;
using static MediaPlatform.Node.Tests.Api.Billing.BillingApiClient;
using static MediaPlatform.Node.Tests.Api.Billing.BillingJson;

namespace MediaPlatform.Node.Tests.Api.Resilience;

/// <summary>
/// The payment gateway's circuit breaker through the real host: the built-in gateway never answers a card ending 0119,
/// so paying with one is a silent gateway; after max-failures silent calls every payment is answered 503 with
/// Retry-After without waiting for the gateway, until a trial call after the reset time-out is answered.
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class GatewayCircuitBreakerSpecs(ResilienceNodeFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_silent_gateway_opens_the_circuit_so_payments_get_503_with_Retry_After_at_once_until_a_trial_call_succeeds()
    {
        long opened = 0, refusedAtOnce = 0;
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name.StartsWith("media_platform.billing.gateway.", StringComparison.Ordinal)) listener.EnableMeasurementEvents(instrument);
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "media_platform.billing.gateway.circuit.opened") Interlocked.Add(ref opened, value);
            else if (instrument.Name == "media_platform.billing.gateway.refused") Interlocked.Add(ref refusedAtOnce, value);
        });
        meters.Start();
        using var silent = await SignUpAsync(fixture.Node, cardNumber: null);
        var stuckInvoice = IdOf(await silent.SubscribedInvoiceAsync("standard"));
        await silent.AddCardAsync(SilentCard, makeDefault: true);
        using var payer = await SignUpAsync(fixture.Node, ApprovingCard);
        var stuck = NewKey();

        // Each silent call waits out the gateway time-out; retrying with the key is safe and counts again.
        for (var i = 0; i < ResilienceNodeFixture.BreakerMaxFailures; i++)
            await AssertProblemAsync(await silent.PayAsync(stuckInvoice, stuck), HttpStatusCode.ServiceUnavailable, "did not answer");

        // Open: a retry of the pending payment and a new paid order are both refused without a gateway call.
        var order = NewKey();
        var latencies = new List<double>();
        foreach (var refused in new Func<Task<HttpResponseMessage>>[] { () => silent.PayAsync(stuckInvoice, stuck), () => payer.SubscribeAsync("standard", order) })
        {
            var clock = Stopwatch.StartNew();
            var response = await refused();
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable, "not answering");
            var retryAfter = response.Headers.RetryAfter?.Delta;
            Assert.True(retryAfter is { } wait && wait > TimeSpan.Zero && wait <= ResilienceNodeFixture.BreakerResetTimeout,
                $"Retry-After should be within the reset time-out, was {response.Headers.RetryAfter}");
        }
        output.WriteLine($"open circuit: 503 in {string.Join(", ", latencies.Select(l => $"{l:0.0} ms"))} " +
                         $"(a silent call waits {ResilienceNodeFixture.GatewayTimeout.TotalMilliseconds:0} ms)");

        // The meters saw it (process-wide counters: at least this node's opening and its two refusals).
        Assert.True(Interlocked.Read(ref opened) >= 1 && Interlocked.Read(ref refusedAtOnce) >= 2, $"opened {opened}, refused {refusedAtOnce}");

        // The refused order recorded nothing: no subscription, no pending payment to get in the way of the retry.
        Assert.Empty((await payer.GetAsync($"{payer.Billing}/payments")).GetProperty("payments").EnumerateArray());

        // After the reset time-out one trial call goes through; the approving card's answer closes the circuit.
        HttpResponseMessage? placed = null;
        await Eventually.AwaitAsync(async () =>
        {
            placed = await payer.SubscribeAsync("standard", order);
            return placed.StatusCode == HttpStatusCode.Created;
        }, TimeSpan.FromSeconds(30), "the order to be placed once the circuit half-opens", TimeSpan.FromMilliseconds(250));
        Assert.Equal("Paid", Text((await JsonAsync(placed!, HttpStatusCode.Created)).GetProperty("invoice"), "status"));

        // Money: the payer paid once, the silent account nothing, and its stuck payment can now be cancelled.
        var paid = await payer.GetAsync($"{payer.Billing}/payments");
        Assert.Equal([("Succeeded", Standard)], paid.GetProperty("payments").EnumerateArray().Select(p => (Text(p, "status"), Minor(p, "amountMinor"))));
        Assert.Equal(Standard, Minor(paid, "totalPaidMinor"));
        Assert.Equal("Cancelled", Text(await JsonAsync(await silent.CancelPaymentAsync(stuck), HttpStatusCode.OK), "status"));
        Assert.Equal(0L, Minor(await silent.GetAsync($"{silent.Billing}/payments"), "totalPaidMinor"));
    }
}
