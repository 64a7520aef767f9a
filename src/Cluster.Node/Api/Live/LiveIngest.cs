using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Live;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Streams.Live;
using Microsoft.AspNetCore.Http.Features;

namespace MediaPlatform.Node.Api.Live;

/// <summary>
/// PUT/POST /api/live/{id}/ingest on any node: the broadcaster's MPEG-TS body is piped into a live transcode on this
/// node while its output is published to the blob store (<see cref="LiveSegmentPublisher"/>). The stream entity
/// grants the ingest (right key, the key's owner, nobody else on air) and hears a heartbeat from it every
/// heartbeat-interval; a refused heartbeat (the owner ended the stream, or it was interrupted and taken over) stops
/// the transcode. When the body ends the stream is interrupted (the broadcaster may reconnect anywhere with the same
/// key and the numbering continues after a discontinuity); when ffmpeg cannot transcode it, or a limit is hit, the
/// stream ends with ffmpeg's reason. Friends are told once the first segments are published.
/// </summary>
public sealed class LiveIngest(ActorSystem system, LiveViewers viewers, IBlobStore store, NodeOptions options, NodeSettings settings,
    IHostApplicationLifetime lifetime, ILogger<LiveIngest> log)
{
    public const string KeyHeader = "X-Stream-Key";
    private static readonly TimeSpan PublishInterval = TimeSpan.FromMilliseconds(250);
    private readonly SemaphoreSlim _slots = new(settings.Live.MaxStreamsPerNode, settings.Live.MaxStreamsPerNode);
    private readonly IActorRef _mediator = DistributedPubSub.Get(system).Mediator;

    public async Task<IResult> RunAsync(string streamId, HttpContext http)
    {
        if (ApiInput.Id("stream id", streamId) is { } badId) return badId;
        var key = http.Request.Headers[KeyHeader].ToString();
        if (key.Length == 0)
            return Results.Problem(title: "Unauthorized", detail: $"send the stream key in the {KeyHeader} header", statusCode: StatusCodes.Status401Unauthorized);
        if (key.Length > LiveStreamKey.MaxLength) return ApiProblems.Forbidden("wrong stream key");
        if (!await _slots.WaitAsync(0))
            return Results.Problem(title: "Busy", detail: $"this node already takes {settings.Live.MaxStreamsPerNode} live ingests; try another node",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        try
        {
            return await IngestAsync(streamId, LiveStreamKey.Hash(key), http);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<IResult> IngestAsync(string streamId, string keyHash, HttpContext http)
    {
        var ingestId = "in-" + Guid.NewGuid().ToString("N");
        var node = Akka.Cluster.Cluster.Get(system).SelfAddress.ToString();
        var begun = await viewers.Streams.AskEntityAsync<LiveIngestGranted>(new BeginIngest(streamId, keyHash, http.User.CallerId(), ingestId, node), http.RequestAborted);
        if (begun.Reply is not { } granted) return ApiProblems.From(begun.Rejection!);
        // The stream is bounded by its own limits (bytes, length, stalls), not the API's 64 KiB body limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = null;

        var folder = Path.Combine(options.DataDirectory, "live", streamId, ingestId);
        Directory.CreateDirectory(folder);
        var publisher = new LiveSegmentPublisher(store, streamId, folder);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        stop.CancelAfter(settings.Live.MaxDuration);
        using var stopPublishing = new CancellationTokenSource();
        var superseded = false;
        log.LogInformation("live stream {StreamId}: ingest {IngestId} on air (session {Session})", streamId, ingestId, granted.Session);
        try
        {
            var start = await publisher.NextSegmentNumberAsync(stop.Token);
            var arguments = LiveLadder.Arguments(folder, start, granted.Resumed);
            var publishing = publisher.RunAsync(PublishInterval, stopPublishing.Token);
            var heartbeats = HeartbeatAsync(granted, publisher, () => { superseded = true; stop.Cancel(); }, stopPublishing.Token);
            LiveTranscodeOutcome outcome;
            try
            {
                outcome = await LiveTranscoder.RunAsync(http.Request.Body, arguments, settings.Live.MaxIngestBytes, settings.Live.StallTimeout, stop.Token);
            }
            catch (OperationCanceledException)
            {
                outcome = superseded ? LiveTranscodeOutcome.Ended(0)
                    : lifetime.ApplicationStopping.IsCancellationRequested ? new LiveTranscodeOutcome(false, "the ingesting node is shutting down", 0)
                    : http.RequestAborted.IsCancellationRequested ? LiveTranscodeOutcome.Ended(0)
                    : LiveTranscodeOutcome.Failure($"the stream reached its longest length ({settings.Live.MaxDuration})", 0);
            }
            catch (Exception e)
            {
                // Never leave the heartbeats running: they would keep a stream whose broadcaster is gone "live".
                log.LogWarning(e, "live stream {StreamId}: ingest {IngestId} broke", streamId, ingestId);
                outcome = http.RequestAborted.IsCancellationRequested ? LiveTranscodeOutcome.Ended(0) : LiveTranscodeOutcome.Failure("the ingest broke on the node", 0);
            }
            stopPublishing.Cancel();
            await Task.WhenAll(publishing, heartbeats);
            log.LogInformation("live stream {StreamId}: ingest {IngestId} stopped ({Reason}); {Segments} segments published",
                streamId, ingestId, outcome.Reason, publisher.SegmentsPublished);
            if (superseded) return Results.Problem(title: "Conflict", detail: "the stream ended or another ingest took it over", statusCode: StatusCodes.Status409Conflict);
            var ended = await viewers.Streams.AskEntityAsync<LiveStreamView>(new EndIngest(streamId, ingestId, outcome.Failed, outcome.Reason), CancellationToken.None);
            if (outcome.Failed)
            {
                await LiveSegmentPublisher.FinishAsync(store, streamId, CancellationToken.None);
                return Results.Problem(title: "Unprocessable ingest", detail: outcome.Reason, statusCode: StatusCodes.Status422UnprocessableEntity);
            }
            return ended.Reply is { } view ? Results.Ok(view) : ApiProblems.From(ended.Rejection!);
        }
        finally
        {
            TryDelete(folder);
        }
    }

    /// <summary>
    /// Tells the stream its ingest is alive every heartbeat-interval, and the owner's friends once the first segments
    /// are out. A heartbeat the stream refuses means this ingest is over (<paramref name="onRefused"/>).
    /// </summary>
    private async Task HeartbeatAsync(LiveIngestGranted granted, LiveSegmentPublisher publisher, Action onRefused, CancellationToken ct)
    {
        var notified = false;
        using var timer = new PeriodicTimer(settings.Live.HeartbeatInterval < PublishInterval * 2 ? settings.Live.HeartbeatInterval : PublishInterval * 2);
        var nextBeat = DateTimeOffset.UtcNow + settings.Live.HeartbeatInterval;
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                if (!notified && publisher.SegmentsPublished >= LiveLadder.Rungs.Count)
                {
                    notified = true;
                    await NotifyFriendsAsync(granted, ct);
                }
                if (DateTimeOffset.UtcNow < nextBeat) continue;
                nextBeat = DateTimeOffset.UtcNow + settings.Live.HeartbeatInterval;
                var beat = await viewers.Streams.AskEntityAsync<IngestHeartbeatAck>(new IngestHeartbeat(granted.StreamId, granted.IngestId), ct);
                if (beat.Rejection is { Kind: RejectionKind.Conflict or RejectionKind.NotFound })
                {
                    onRefused();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task NotifyFriendsAsync(LiveIngestGranted granted, CancellationToken ct)
    {
        var friends = await viewers.FriendsOfAsync(granted.OwnerId, ct);
        if (friends.Reply is not { } ids)
        {
            log.LogWarning("live stream {StreamId}: the owner's friends could not be told ({Reason})", granted.StreamId, friends.Rejection?.Message);
            return;
        }
        _mediator.Tell(new Publish(LiveTopics.WentLive, new LiveStreamWentLive(granted.StreamId, granted.OwnerId, granted.Title, granted.Resumed, ids, DateTimeOffset.UtcNow)));
    }

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
