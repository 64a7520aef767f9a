using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Api.Resilience;

/// <summary>
/// Backpressure at the front door through the real host: with at most <see cref="ResilienceNodeFixture.MaxInFlight"/>
/// requests in flight, a flood of ten times that many answers the excess 503 with Retry-After at once, serves the rest,
/// and leaves the node ready. Latency and memory are printed for the normal load and the overload (never asserted).
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class FrontDoorOverloadSpecs(ResilienceNodeFixture fixture, ITestOutputHelper output)
{
    private const int Rounds = 20;

    [Fact]
    public async Task A_flood_beyond_the_in_flight_limit_is_refused_503_with_Retry_After_and_the_rest_is_served()
    {
        var user = await fixture.Node.Api.NewUserAsync("flood", "Flood");
        using var client = fixture.Node.ClientWithToken(user.Token);
        var profile = $"/api/users/{user.UserId}";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(profile)).StatusCode); // the entity is up before timing starts

        var normal = await FloodAsync(client, profile, ResilienceNodeFixture.MaxInFlight);
        var overload = await FloodAsync(client, profile, 10 * ResilienceNodeFixture.MaxInFlight);
        output.WriteLine(normal.Describe("normal (= limit)"));
        output.WriteLine(overload.Describe("10x overload"));

        Assert.Empty(normal.Other.Concat(overload.Other));
        Assert.True(overload.Refused.Count > 0, $"no request of {overload.Served.Count} was refused at 10x the limit");
        foreach (var refused in overload.Refused.Take(5)) // every refusal has the same shape; read a few bodies
        {
            Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After was {refused.Headers.RetryAfter}");
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(("Node busy", 503), (problem.GetProperty("title").GetString(), problem.GetProperty("status").GetInt32()));
        }
        Assert.Equal(HttpStatusCode.OK, (await fixture.Node.Http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(profile)).StatusCode);
    }

    /// <summary>
    /// <see cref="Rounds"/> rounds of <paramref name="concurrency"/> requests at once; more (up to ten times as many) while
    /// none was refused, since on a fast machine a round's requests may not all overlap.
    /// </summary>
    private static async Task<FloodResult> FloodAsync(HttpClient client, string path, int concurrency)
    {
        var result = new FloodResult();
        GC.Collect();
        var before = (Process.GetCurrentProcess().WorkingSet64, GC.GetTotalMemory(false));
        var overload = concurrency > ResilienceNodeFixture.MaxInFlight;
        for (var round = 0; round < Rounds || (overload && result.Refused.Count == 0 && round < 10 * Rounds); round++)
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                var clock = Stopwatch.StartNew();
                var response = await client.GetAsync(path);
                return (response, clock.Elapsed.TotalMilliseconds);
            }));
            foreach (var (response, ms) in answers)
            {
                (response.StatusCode switch
                {
                    HttpStatusCode.OK => result.Served,
                    HttpStatusCode.ServiceUnavailable => result.Refused,
                    _ => result.Other,
                }).Add(response);
                (response.StatusCode == HttpStatusCode.OK ? result.ServedMs : result.RefusedMs).Add(ms);
            }
            result.PeakWorkingSet = Math.Max(result.PeakWorkingSet, Process.GetCurrentProcess().WorkingSet64);
            result.PeakHeap = Math.Max(result.PeakHeap, GC.GetTotalMemory(false));
        }
        result.Before = before;
        return result;
    }

    private sealed class FloodResult
    {
        public List<HttpResponseMessage> Served { get; } = [];
        public List<HttpResponseMessage> Refused { get; } = [];
        public List<HttpResponseMessage> Other { get; } = [];
        public List<double> ServedMs { get; } = [];
        public List<double> RefusedMs { get; } = [];
        public (long WorkingSet, long Heap) Before { get; set; }
        public long PeakWorkingSet { get; set; }
        public long PeakHeap { get; set; }

        public string Describe(string what) =>
            $"{what}: {Served.Count} served (median {Statistics.Median(ServedMs.DefaultIfEmpty()):0.0} ms, p99 {P99(ServedMs):0.0} ms), " +
            $"{Refused.Count} refused 503 (median {Statistics.Median(RefusedMs.DefaultIfEmpty()):0.0} ms), {Other.Count} other; " +
            $"working set {Before.WorkingSet / 1048576} -> peak {PeakWorkingSet / 1048576} MiB, managed heap {Before.Heap / 1048576} -> peak {PeakHeap / 1048576} MiB " +
            "(test process = node process)";

        private static double P99(List<double> values) =>
            values.Count == 0 ? 0 : values.Order().ElementAt(Math.Min(values.Count - 1, (int)Math.Ceiling(values.Count * 0.99) - 1));
    }
}
