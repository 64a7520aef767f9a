using System.Net;
using System.Net.Http.Json;
using MediaPlatform.Node.Tests.Api.Titles;
using MediaPlatform.Node.Tests.Api.Titles.Pipeline;
using MediaPlatform.Testing.Api;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Observability;

/// <summary>
/// One trace per request, across nodes: the HTTP span, the entity's handling on whichever node hosts it, and the
/// journal write under that; and one trace per upload, from the request through every pipeline step to published.
/// Which requests are traced: <see cref="MediaPlatform.Node.Observability.NodeTraceSampler"/>.
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class TraceAcrossNodesSpecs(TracingClusterFixture fixture, ITestOutputHelper output) : IClassFixture<TracingClusterFixture>
{
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(30); // the exporter sends in batches every few seconds

    [Fact]
    public async Task A_profile_update_is_one_trace_from_the_request_to_the_journal_write_on_the_node_hosting_the_user()
    {
        using var first = fixture.Client(0);
        var user = await new ApiClient(first).NewUserAsync("traced", "Before");
        var path = $"/api/users/{user.UserId}";

        // At a sample ratio of 0, neither a request of a caller that traces nothing nor one whose caller decided not to
        // sample (flags 00) is recorded...
        using (var untraced = ApiClient.Authorized(fixture.Cluster.BaseAddresses[0], user.Token))
        {
            Assert.Equal(HttpStatusCode.OK, (await untraced.GetAsync(path)).StatusCode);
            using var unsampled = new HttpRequestMessage(HttpMethod.Get, path);
            unsampled.Headers.Add("traceparent", Traceparent(sampled: false).Header);
            Assert.Equal(HttpStatusCode.OK, (await untraced.SendAsync(unsampled)).StatusCode);
        }

        // ...while a caller's sampled trace is continued. Updated through each node in turn: the user's entity lives on
        // one of them, so one of the two crosses nodes.
        var traces = new List<(int Node, string TraceId)>();
        for (var node = 0; node < 2; node++)
        {
            using var client = ApiClient.Authorized(fixture.Cluster.BaseAddresses[node], user.Token);
            var caller = Traceparent(sampled: true);
            using var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = JsonContent.Create(new { displayName = $"Through node {node + 1}" }) };
            request.Headers.Add("traceparent", caller.Header);
            using (var update = await client.SendAsync(request))
                Assert.Equal(HttpStatusCode.OK, update.StatusCode);
            OtlpSpan? server = null;
            await Eventually.AwaitAsync(() => (server = fixture.Collector.Spans().FirstOrDefault(s =>
                    s.Kind == OtlpSpan.ServerKind && s.Name.StartsWith("PATCH") && s.TraceId == caller.TraceId)) is not null,
                ExportWait, $"the HTTP span of the update through node {node + 1}, in the caller's trace");
            Assert.Equal(path, server!.Attribute("url.path"));
            traces.Add((node, server.TraceId));
        }
        // The exporter sends spans in the order they end, so the GETs' would have come with or before the updates'.
        Assert.DoesNotContain(fixture.Collector.Spans(), s => s.Kind == OtlpSpan.ServerKind && s.Name.StartsWith("GET") && s.Attribute("url.path") == path);

        // The crossing trace: its entity span names the node the request did not reach.
        (int Node, IReadOnlyList<OtlpSpan> Spans)? crossing = null;
        await Eventually.AwaitAsync(() =>
        {
            crossing = traces.Select(t => (t.Node, Spans: fixture.Collector.Trace(t.TraceId)))
                .Where(t => t.Spans.Any(s => s.Name == "handle user UpdateUserProfile" && s.Attribute("akka.node") == fixture.AkkaAddress(1 - t.Node))
                            && t.Spans.Any(s => s.Name == "persist user"))
                .Cast<(int, IReadOnlyList<OtlpSpan>)?>().FirstOrDefault();
            return crossing is not null;
        }, ExportWait, "an update whose entity was handled on the other node, with its journal write, in the request's trace");

        var spans = crossing!.Value.Spans;
        foreach (var s in spans) output.WriteLine($"{s.Name} [{s.Scope}] span {s.SpanId} parent {s.ParentSpanId} node {s.Attribute("akka.node")}");
        var http = Assert.Single(spans, s => s.Kind == OtlpSpan.ServerKind && s.Name.StartsWith("PATCH"));
        var handle = Assert.Single(spans, s => s.Name == "handle user UpdateUserProfile");
        var persist = Assert.Single(spans, s => s.Name == "persist user");
        Assert.Equal(http.SpanId, handle.ParentSpanId);
        Assert.Equal(handle.SpanId, persist.ParentSpanId);
        Assert.Equal(fixture.AkkaAddress(1 - crossing.Value.Node), handle.Attribute("akka.node"));
        Assert.Equal("MediaPlatform.Entities", handle.Scope);
    }

    /// <summary>A W3C traceparent header of a caller's own trace.</summary>
    private static (string TraceId, string Header) Traceparent(bool sampled)
    {
        var traceId = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        var spanId = System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString();
        return (traceId, $"00-{traceId}-{spanId}-{(sampled ? "01" : "00")}");
    }

    /// <summary>Uploads are traced whatever the sample ratio (the fixture's is 0).</summary>
    [Fact]
    public async Task An_upload_is_one_trace_with_a_span_for_every_pipeline_step()
    {
        using var first = fixture.Client(0);
        var user = await new ApiClient(first).NewUserAsync("traced-upload", "Uploader");
        using var client = ApiClient.Authorized(fixture.Cluster.BaseAddresses[0], user.Token);
        var id = TitleApi.Id(await TitleApi.CreateAsync(client, "Traced clip"));
        Assert.Equal(HttpStatusCode.OK, (await TitleApi.UploadSourceAsync(client, id, await PipelineClips.GoodAsync(5, 160, 120))).StatusCode);
        var (title, seen) = await TitleProgressWatch.UntilFinishedAsync(client, id, TimeSpan.FromMinutes(3));
        Assert.True(TitleApi.Status(title) == "Published", $"title ended {TitleApi.Status(title)}; seen {string.Join(" -> ", seen)}");

        var path = $"/api/titles/{id}/source";
        string[] steps = ["probe", "prepare", "encode", "package", "publish"];
        IReadOnlyList<OtlpSpan> trace = [];
        await Eventually.AwaitAsync(() =>
        {
            var upload = fixture.Collector.Spans().FirstOrDefault(s => s.Kind == OtlpSpan.ServerKind && s.Attribute("url.path") == path);
            trace = upload is null ? [] : fixture.Collector.Trace(upload.TraceId);
            return steps.All(step => trace.Any(s => s.Name == step));
        }, ExportWait, $"spans {string.Join(", ", steps)} in the upload's trace");

        foreach (var s in trace) output.WriteLine($"{s.Name} [{s.Scope}] span {s.SpanId} parent {s.ParentSpanId}");
        Assert.All(steps, step => Assert.Contains(trace, s => s.Name == step && s.Scope == "MediaPlatform.Media"));
        Assert.All(trace.Where(s => s.Scope == "MediaPlatform.Media" && s.Name != "encode"), s => Assert.Equal(id, s.Attribute("title_id")));
        Assert.All(trace.Where(s => s.Name == "encode"), s => Assert.Contains(id, s.Attribute("work_id"))); // on whichever node ran it
        Assert.Contains(trace, s => s.Name == "package" && s.Scope == "MediaPlatform.Streams"); // the rungs cut by one ffmpeg
        Assert.Contains(trace, s => s.Name.StartsWith("handle title ")); // the title entity's handling of the steps joined it
    }
}
