using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Api.Titles.Pipeline;

/// <summary>
/// The bulkheads at work: while the node splits, encodes and packages two titles uploaded at once (media dispatcher,
/// ffmpeg at nice 10), API reads that ask an entity keep answering. Their latency, idle and under the encodes, is
/// printed, never asserted (timing belongs in bench/); every read must succeed.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class ApiLatencyUnderEncodesSpecs(PipelineNodeFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Api_reads_keep_answering_while_titles_encode_and_their_latency_is_printed()
    {
        var client = await fixture.NewUploaderAsync();
        var probe = TitleApi.Id(await TitleApi.CreateAsync(client, "Latency probe"));
        var idle = await ReadAsync(client, probe, TimeSpan.FromSeconds(2));

        var clip = await PipelineClips.GoodAsync(8, 640, 360);
        var ids = new List<string>();
        for (var i = 0; i < 2; i++) ids.Add(TitleApi.Id(await TitleApi.CreateAsync(client, $"Encoding {i}")));
        var uploads = await Task.WhenAll(ids.Select(id => TitleApi.UploadSourceAsync(client, id, clip)));
        Assert.All(uploads, u => Assert.Equal(HttpStatusCode.OK, u.StatusCode));
        var finishing = Task.WhenAll(ids.Select(id => TitleProgressWatch.UntilFinishedAsync(client, id, Deadline)));
        var busy = new Reads();
        while (!finishing.IsCompleted) busy.Add(await ReadAsync(client, probe, TimeSpan.FromMilliseconds(500)));
        var finished = await finishing;

        output.WriteLine($"GET /api/titles/{{id}} idle: {idle.Describe()}");
        output.WriteLine($"GET /api/titles/{{id}} while 2 titles transcode: {busy.Describe()}");
        Assert.All(finished, f => Assert.True(TitleApi.Status(f.Title) == "Published", $"{string.Join(" -> ", f.Seen)}: {f.Title.GetProperty("failure")}"));
        Assert.Equal([], idle.Failures.Concat(busy.Failures));
        Assert.True(busy.Latencies.Count > 0, "no read was made while the titles transcoded");
    }

    /// <summary>Sequential reads of one title for <paramref name="period"/>.</summary>
    private static async Task<Reads> ReadAsync(HttpClient client, string titleId, TimeSpan period)
    {
        var reads = new Reads();
        var until = Stopwatch.StartNew();
        while (until.Elapsed < period)
        {
            var clock = Stopwatch.StartNew();
            var response = await client.GetAsync($"/api/titles/{titleId}");
            reads.Latencies.Add(clock.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK) reads.Failures.Add((int)response.StatusCode);
            await Task.Delay(20);
        }
        return reads;
    }

    private sealed class Reads
    {
        public List<double> Latencies { get; } = [];
        public List<int> Failures { get; } = [];

        public void Add(Reads more)
        {
            Latencies.AddRange(more.Latencies);
            Failures.AddRange(more.Failures);
        }

        public string Describe()
        {
            var sorted = Latencies.Order().ToList();
            return sorted.Count == 0 ? "no reads"
                : $"{sorted.Count} reads, median {Statistics.Median(sorted):0.0} ms, p99 {sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.99) - 1)]:0.0} ms, max {sorted[^1]:0.0} ms";
        }
    }
}
