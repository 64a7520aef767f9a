using System.Security.Claims;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Live;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Api.Limits;
using MediaPlatform.Node.Api.Titles;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Streams.Live;

namespace MediaPlatform.Node.Api.Live;

/// <summary>
/// /api/live: live streams to friends. A signed-in user creates a stream (its key is shown once), sees one stream or
/// the streams of their friends on air, and ends their own. The broadcaster pushes to /api/live/{id}/ingest with the
/// key alone (<see cref="LiveIngest"/>); the owner and the owner's friends watch /api/live/{id}/hls/master.m3u8 on
/// any node. Refusals are ProblemDetails.
/// </summary>
public static class LiveRoutes
{
    public const string Prefix = "/api/live";
    /// <summary>Live playlists change every segment: players must not keep one longer than about a segment.</summary>
    public const string PlaylistCaching = "private, max-age=1";
    public const string SegmentCaching = "private, max-age=31536000, immutable";
    private const int ListParallelism = 8;

    public static string PlaybackPath(string streamId) => $"{Prefix}/{streamId}/hls/{LiveLadder.MasterPlaylist}";

    public static IEndpointRouteBuilder MapLiveRoutes(this IEndpointRouteBuilder app)
    {
        var routes = app.MapGroup(Prefix).WithTags("live");

        routes.MapPost("/", CreateAsync).RequireAuthorization()
            // Creating a stream stores entities, like creating a title or a party: the same per-address limit.
            .RequireRateLimiting(RateLimitPolicies.Titles)
            .WithSummary("Start a live stream: 201 with its id, its stream key (shown once) and the ingest URL");

        routes.MapGet("/", ListAsync).RequireAuthorization()
            .WithSummary("The caller's friends' live streams that are on air or interrupted");

        routes.MapGet("/{streamId}", (string streamId, ClaimsPrincipal caller, LiveViewers viewers, CancellationToken ct) =>
                ApiInput.Id("stream id", streamId) is { } bad ? Task.FromResult(bad) : AnswerAsync(viewers.ViewAsync(streamId, Caller(caller), ct)))
            .RequireAuthorization()
            .WithSummary("One live stream (its owner and the owner's friends): idle, live, interrupted (and why) or ended (and why)");

        routes.MapPost("/{streamId}/end", EndAsync).RequireAuthorization()
            .WithSummary("End the stream (owner only; 409 when it has already ended)");

        routes.MapMethods("/{streamId}/ingest", [HttpMethods.Put, HttpMethods.Post], (string streamId, HttpContext http, LiveIngest ingest) => ingest.RunAsync(streamId, http))
            .AllowAnonymous()
            .WithSummary("The broadcaster's chunked MPEG-TS (H.264 + audio), with the key in the X-Stream-Key header; on any node");

        routes.MapMethods("/{streamId}/hls/{**path}", [HttpMethods.Get, HttpMethods.Head], ServeAsync).RequireAuthorization()
            .WithSummary("The stream's live HLS (master.m3u8, one playlist and segments per rung) on every node");
        return app;
    }

    private static async Task<IResult> CreateAsync(CreateLiveStreamRequest? body, ClaimsPrincipal caller, HttpContext http, LiveViewers viewers,
        IRequiredActor<EntityRegions.LiveIndexes> indexes, CancellationToken ct)
    {
        var owner = Caller(caller);
        var streamId = "ls-" + Guid.NewGuid().ToString("N");
        var key = LiveStreamKey.New();
        var created = await viewers.Streams.AskEntityAsync<LiveStreamView>(new CreateLiveStream(streamId, owner, body?.Title ?? "", LiveStreamKey.Hash(key)), ct);
        if (created.Reply is not { } view) return ApiProblems.From(created.Rejection!);
        var indexed = await indexes.ActorRef.AskEntityAsync<LiveIndexView>(new IndexLiveStream(owner, streamId), ct);
        if (indexed.Rejection is { } refused) return ApiProblems.From(refused);
        var ingestUrl = $"{http.Request.Scheme}://{http.Request.Host}{Prefix}/{streamId}/ingest";
        return Results.Created($"{Prefix}/{streamId}", new LiveStreamCreatedResponse(streamId, key, ingestUrl, PlaybackPath(streamId), view));
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal caller, LiveViewers viewers, IRequiredActor<EntityRegions.LiveIndexes> indexes, CancellationToken ct)
    {
        var me = Caller(caller);
        var friends = await viewers.FriendsOfAsync(me, ct);
        if (friends.Reply is not { } friendIds) return ApiProblems.From(friends.Rejection!);
        var found = new System.Collections.Concurrent.ConcurrentBag<LiveStreamView>();
        await Parallel.ForEachAsync(friendIds, new ParallelOptions { MaxDegreeOfParallelism = ListParallelism, CancellationToken = ct }, async (friend, token) =>
        {
            var index = await indexes.ActorRef.AskEntityAsync<LiveIndexView>(new GetLiveIndex(friend), token);
            foreach (var streamId in index.Reply?.StreamIds ?? [])
            {
                var stream = await viewers.Streams.AskEntityAsync<LiveStreamView>(new GetLiveStream(streamId, me, friendIds), token);
                if (stream.Reply is { Status: LiveStreamStatus.Live or LiveStreamStatus.Interrupted } view) found.Add(view);
            }
        });
        return Results.Ok(new LiveStreamListResponse(found.OrderByDescending(s => s.StartedAt).ToList()));
    }

    private static async Task<IResult> EndAsync(string streamId, ClaimsPrincipal caller, LiveViewers viewers, IBlobStore store, CancellationToken ct)
    {
        if (ApiInput.Id("stream id", streamId) is { } bad) return bad;
        var ended = await viewers.Streams.AskEntityAsync<LiveStreamView>(new EndLiveStream(streamId, Caller(caller)), ct);
        if (ended.Reply is not { } view) return ApiProblems.From(ended.Rejection!);
        // Players stop polling once the playlists say the stream is over (the ingest stops at its next heartbeat).
        await LiveSegmentPublisher.FinishAsync(store, streamId, CancellationToken.None);
        return Results.Ok(view);
    }

    private static async Task<IResult> ServeAsync(string streamId, string? path, ClaimsPrincipal caller, LiveViewers viewers, IBlobStore store, CancellationToken ct)
    {
        if (ApiInput.Id("stream id", streamId) is { } badId) return badId;
        if (string.IsNullOrEmpty(path) || !BlobKey.IsValid(path))
            return ApiProblems.Invalid("the media path must be a file of the stream: letters, digits, '.', '_', '-' and '/', no '..' or hidden names");
        if (MediaTypes.For(path) is not { } media || !(path.EndsWith(".m3u8", StringComparison.Ordinal) || path.EndsWith(".ts", StringComparison.Ordinal)))
            return NotFound(streamId, path);
        if (await viewers.RefusalAsync(streamId, Caller(caller), ct) is { } refused) return ApiProblems.From(refused);
        var key = LiveBlobKeys.Hls(streamId) + path;
        if (!BlobKey.IsValid(key)) return NotFound(streamId, path);
        var blob = await store.GetInfoAsync(key, ct);
        var caching = path.EndsWith(".m3u8", StringComparison.Ordinal) ? PlaylistCaching : SegmentCaching;
        return blob is null ? NotFound(streamId, path) : new BlobResult(store, blob, media.ContentType, caching);
    }

    private static IResult NotFound(string streamId, string path) =>
        Results.Problem(title: "Not found", detail: $"live stream {streamId} has no media file '{(path.Length <= 80 ? path : path[..80] + "…")}' (yet)",
            statusCode: StatusCodes.Status404NotFound);

    private static async Task<IResult> AnswerAsync(Task<EntityAnswer<LiveStreamView>> asked) =>
        await asked is { Reply: { } view } ? Results.Ok(view) : ApiProblems.From((await asked).Rejection!);

    private static string Caller(ClaimsPrincipal caller) => caller.CallerId() ?? throw new InvalidOperationException("an authorized caller has an id");
}
