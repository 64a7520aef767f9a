using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Api.Parties;
using MediaPlatform.Node.Tests.Support;
using Xunit.Abstractions;
using static MediaPlatform.Node.Tests.Support.ProblemAnswers;

namespace MediaPlatform.Node.Tests.Api.Live;

/// <summary>/api/live and /hubs/live on one real node: who may do what, a real ingest through ffmpeg, and each kind of bad input.</summary>
public sealed class LiveApiSpecs(NodeFixture fixture, ITestOutputHelper output) : IClassFixture<NodeFixture>
{
    private Uri Node => fixture.Node.Http.BaseAddress!;

    private Task<PartyUser> SignUpAsync() => PartyPeople.SignUpAsync(Node, "live");

    [Fact]
    public async Task A_stream_is_created_with_a_key_shown_once_and_seen_only_by_its_owner_and_the_owners_friends()
    {
        var owner = await SignUpAsync();
        var friend = await SignUpAsync();
        var stranger = await SignUpAsync();
        await PartyPeople.BefriendAsync(owner, friend);

        var created = await owner.Client.PostAsJsonAsync("/api/live", new { title = "Cooking" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString()!;
        var key = body.GetProperty("streamKey").GetString()!;
        Assert.Equal($"/api/live/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(new Uri(Node, $"/api/live/{id}/ingest"), new Uri(body.GetProperty("ingestUrl").GetString()!));
        Assert.StartsWith("lsk_", key);

        var seen = await LivePeople.GetAsync(owner, id);
        Assert.Equal("Idle", seen.GetProperty("status").GetString());
        Assert.Equal(owner.Id, seen.GetProperty("ownerId").GetString());
        Assert.DoesNotContain(key, seen.GetRawText());
        Assert.Equal("Idle", await LivePeople.StatusAsync(friend, id));
        await AssertProblemAsync(await stranger.Client.GetAsync($"/api/live/{id}"), HttpStatusCode.Forbidden, "friends");
        await AssertProblemAsync(await owner.Client.GetAsync("/api/live/ls-doesnotexist"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await owner.Client.GetAsync("/api/live/..%2Fetc"), HttpStatusCode.BadRequest);
        // The key never reaches the journal: only its hash is stored.
        Assert.DoesNotContain(key, await fixture.JournalBytesAsync());
    }

    [Fact]
    public async Task Live_routes_need_a_signed_in_user_except_the_ingest_which_needs_the_key()
    {
        var owner = await SignUpAsync();
        var stream = await LivePeople.StreamAsync(owner);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Node.Http.GetAsync("/api/live")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Node.Http.PostAsJsonAsync("/api/live", new { title = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Node.Http.GetAsync($"/api/live/{stream.Id}/hls/master.m3u8")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Node.Http.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null)).StatusCode);
        await AssertProblemAsync(await LivePeople.IngestAsync(Node, stream.Id, null, new ByteArrayContent([1, 2, 3])), HttpStatusCode.Unauthorized, "X-Stream-Key");
    }

    [Fact]
    public async Task A_broadcast_through_the_load_balancer_reaches_the_node_while_it_is_still_being_sent()
    {
        var owner = await SignUpAsync();
        var stream = await LivePeople.StreamAsync(owner);
        await using var balancer = await MediaPlatform.Testing.Processes.LoadBalancer.RenderAsync([Node.Authority]);
        await balancer.StartAsync();

        // A buffered request body would reach the node only when the broadcast ends, which a live one never does.
        await using var broadcaster = Broadcaster.Start(balancer.BaseAddress, stream.Id, stream.Key);
        var waited = await Eventually.AwaitAsync(async () => await LivePeople.StatusAsync(owner, stream.Id) == "Live", TimeSpan.FromSeconds(30),
            "the stream pushed through nginx to go live while ffmpeg still sends");
        Assert.False(broadcaster.Exited, "ffmpeg stopped before the stream went live");
        output.WriteLine($"live through the balancer {waited.TotalSeconds:0.0} s after ffmpeg started");
    }

    [Fact]
    public async Task A_broadcaster_killed_mid_stream_leaves_the_stream_interrupted_not_live()
    {
        var owner = await SignUpAsync();
        var stream = await LivePeople.StreamAsync(owner);
        var broadcaster = Broadcaster.Start(Node, stream.Id, stream.Key);
        await Eventually.AwaitAsync(async () => await LivePeople.StatusAsync(owner, stream.Id) == "Live", TimeSpan.FromSeconds(30), "the stream to go live");
        await Task.Delay(TimeSpan.FromSeconds(3)); // let ffmpeg on the node be busy transcoding, its stdin pipe in use

        await broadcaster.DisposeAsync(); // SIGKILL: the connection drops mid-body
        // The stall time-out (10 s) is the last resort; the aborted request must end the ingest and its heartbeats.
        var waited = await Eventually.AwaitAsync(async () => await LivePeople.StatusAsync(owner, stream.Id) == "Interrupted", TimeSpan.FromSeconds(25),
            "the stream whose broadcaster was killed to show as interrupted");
        output.WriteLine($"interrupted {waited.TotalSeconds:0.0} s after the broadcaster was killed");
    }

    [Fact]
    public async Task A_wrong_key_another_users_token_or_an_unknown_stream_is_refused_before_anything_is_transcoded()
    {
        var owner = await SignUpAsync();
        var other = await SignUpAsync();
        var stream = await LivePeople.StreamAsync(owner);
        var theirs = await LivePeople.StreamAsync(other);

        await AssertProblemAsync(await LivePeople.IngestAsync(Node, stream.Id, "lsk_guessed", new ByteArrayContent([1])), HttpStatusCode.Forbidden, "wrong stream key");
        await AssertProblemAsync(await LivePeople.IngestAsync(Node, stream.Id, theirs.Key, new ByteArrayContent([1])), HttpStatusCode.Forbidden, "wrong stream key");
        await AssertProblemAsync(await LivePeople.IngestAsync(Node, stream.Id, stream.Key, new ByteArrayContent([1]), other.Token), HttpStatusCode.Forbidden, "another user");
        await AssertProblemAsync(await LivePeople.IngestAsync(Node, "ls-unknown", stream.Key, new ByteArrayContent([1])), HttpStatusCode.NotFound);
        await AssertProblemAsync(await LivePeople.IngestAsync(Node, stream.Id, new string('k', 500), new ByteArrayContent([1])), HttpStatusCode.Forbidden);
        Assert.Equal("Idle", await LivePeople.StatusAsync(owner, stream.Id));
    }

    [Fact]
    public async Task An_ingest_of_bytes_that_are_not_media_ends_the_stream_with_ffmpegs_reason()
    {
        var owner = await SignUpAsync();
        var stream = await LivePeople.StreamAsync(owner);
        var garbage = new byte[300_000];
        new Random(7).NextBytes(garbage);

        var detail = await AssertProblemAsync(await LivePeople.IngestAsync(Node, stream.Id, stream.Key, new ByteArrayContent(garbage)),
            HttpStatusCode.UnprocessableEntity, "ffmpeg");
        output.WriteLine($"422: {detail}");
        var seen = await LivePeople.GetAsync(owner, stream.Id);
        Assert.Equal("Ended", seen.GetProperty("status").GetString());
        Assert.Equal("IngestFailed", seen.GetProperty("endReason").GetString());
        Assert.Contains("ffmpeg", seen.GetProperty("endDetail").GetString());
        await AssertProblemAsync(await LivePeople.IngestAsync(Node, stream.Id, stream.Key, new ByteArrayContent([1])), HttpStatusCode.Conflict, "ended");
    }

    [Fact]
    public async Task A_broadcast_goes_live_for_friends_refuses_a_second_broadcaster_is_interrupted_when_its_connection_ends_and_ends_once()
    {
        var owner = await SignUpAsync();
        var friend = await SignUpAsync();
        var stranger = await SignUpAsync();
        await PartyPeople.BefriendAsync(owner, friend);
        var stream = await LivePeople.StreamAsync(owner);
        await using var friendHub = await LiveHubClient.ConnectAsync(Node, friend.Token);
        await using var strangerHub = await LiveHubClient.ConnectAsync(Node, stranger.Token);
        var partyOfIdle = await owner.Client.PostAsJsonAsync("/api/parties", new { streamId = stream.Id });
        await AssertProblemAsync(partyOfIdle, HttpStatusCode.Conflict, "not on air");

        var broadcast = new HeldOpenContent(await LivePeople.BroadcastBytesAsync(8));
        var ingest = LivePeople.IngestAsync(Node, stream.Id, stream.Key, broadcast);
        await Eventually.AwaitAsync(async () => await LivePeople.StatusAsync(owner, stream.Id) == "Live", TimeSpan.FromSeconds(20), "the stream to go live");

        // Nobody else broadcasts on the key while it is live.
        await AssertProblemAsync(await LivePeople.IngestAsync(Node, stream.Id, stream.Key, new ByteArrayContent([1])), HttpStatusCode.Conflict, "already live");

        // Friends are told once there is something to watch, and watch it; strangers are neither told nor let in.
        var pushed = await friendHub.AwaitStartedAsync(stream.Id, TimeSpan.FromSeconds(30));
        Assert.Equal(owner.Id, pushed.GetProperty("ownerId").GetString());
        Assert.Equal($"/api/live/{stream.Id}/hls/master.m3u8", pushed.GetProperty("playbackUrl").GetString());
        var master = await friend.Client.GetAsync($"/api/live/{stream.Id}/hls/master.m3u8");
        Assert.Equal(HttpStatusCode.OK, master.StatusCode);
        Assert.True(master.Headers.CacheControl is { Private: true, MaxAge.TotalSeconds: 1 }, $"playlist caching: {master.Headers.CacheControl}");
        var rung = (await master.Content.ReadAsStringAsync()).Split('\n').First(l => l.EndsWith(".m3u8"));
        var playlist = await friend.Client.GetStringAsync($"/api/live/{stream.Id}/hls/{rung}");
        Assert.DoesNotContain("#EXT-X-PLAYLIST-TYPE", playlist);
        Assert.DoesNotContain("#EXT-X-ENDLIST", playlist);
        var segment = playlist.Split('\n').First(l => l.EndsWith(".ts"));
        var segmentResponse = await friend.Client.GetAsync($"/api/live/{stream.Id}/hls/{rung[..rung.IndexOf('/')]}/{segment}");
        Assert.Equal(HttpStatusCode.OK, segmentResponse.StatusCode);
        Assert.Contains("immutable", segmentResponse.Headers.CacheControl!.ToString());
        await AssertProblemAsync(await stranger.Client.GetAsync($"/api/live/{stream.Id}/hls/master.m3u8"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await friend.Client.GetAsync($"/api/live/{stream.Id}/hls/..%2F..%2Fsecret.ts"), HttpStatusCode.BadRequest);
        // The friend's player counts as one viewer (however many files it fetched); the owner looking and the refused
        // stranger do not.
        await Eventually.AwaitAsync(async () => (await LivePeople.GetAsync(owner, stream.Id)).GetProperty("viewers").GetInt32() == 1,
            TimeSpan.FromSeconds(10), "the friend to be counted as a viewer");
        Assert.Equal(1, (await LivePeople.GetAsync(friend, stream.Id)).GetProperty("viewers").GetInt32());
        var listed = await friend.Client.GetFromJsonAsync<JsonElement>("/api/live");
        Assert.Contains(listed.GetProperty("streams").EnumerateArray(), s => s.GetProperty("streamId").GetString() == stream.Id);
        Assert.Empty((await stranger.Client.GetFromJsonAsync<JsonElement>("/api/live")).GetProperty("streams").EnumerateArray());
        Assert.Empty(strangerHub.Received);

        // A watch party on the live stream: the owner opens it while it is on air; a friend may not open one on it.
        var party = await owner.Client.PostAsJsonAsync("/api/parties", new { streamId = stream.Id });
        Assert.Equal(HttpStatusCode.Created, party.StatusCode);
        Assert.Equal("Live", (await party.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("media").GetProperty("kind").GetString());
        await AssertProblemAsync(await friend.Client.PostAsJsonAsync("/api/parties", new { streamId = stream.Id }), HttpStatusCode.Forbidden, "owner");
        await AssertProblemAsync(await owner.Client.PostAsJsonAsync("/api/parties", new { streamId = stream.Id, control = "Everyone" }), HttpStatusCode.BadRequest);

        // The broadcaster's connection ends without an end: the stream is interrupted, not over.
        broadcast.Finish();
        var finished = await ingest;
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        var interrupted = await LivePeople.GetAsync(friend, stream.Id);
        Assert.Equal("Interrupted", interrupted.GetProperty("status").GetString());
        Assert.Contains("connection ended", interrupted.GetProperty("interruptReason").GetString());

        await AssertProblemAsync(await friend.Client.PostAsync($"/api/live/{stream.Id}/end", null), HttpStatusCode.Forbidden, "owner");
        var ended = await owner.Client.PostAsync($"/api/live/{stream.Id}/end", null);
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal("EndedByOwner", (await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("endReason").GetString());
        await AssertProblemAsync(await owner.Client.PostAsync($"/api/live/{stream.Id}/end", null), HttpStatusCode.Conflict, "already ended");
        Assert.Contains("#EXT-X-ENDLIST", await friend.Client.GetStringAsync($"/api/live/{stream.Id}/hls/{rung}"));
    }
}
