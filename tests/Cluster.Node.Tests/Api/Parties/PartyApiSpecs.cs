using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.Hosting;
using MediaPlatform.Actors.Parties;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Node.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace MediaPlatform.Node.Tests.Api.Parties;

/// <summary>/api/parties and /hubs/party on one real node: who may do what, and each kind of bad input.</summary>
public sealed class PartyApiSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private Uri Node => fixture.Node.Http.BaseAddress!;

    private Task<PartyUser> SignUpAsync() => PartyPeople.SignUpAsync(Node);

    private Task<string> PublishedTitleAsync(PartyUser owner) =>
        PartyPeople.PublishedTitleAsync(owner, ActorRegistry.For(fixture.Node.System).Get<EntityRegions.Titles>());

    private static async Task<JsonElement> ListAsync(PartyUser user)
    {
        var response = await user.Client.GetAsync("/api/parties");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Ids(JsonElement list, string which) =>
        list.GetProperty(which).EnumerateArray().Select(p => p.GetProperty("partyId").GetString()!).ToArray();

    [Fact]
    public async Task A_party_of_a_published_title_is_created_listed_and_seen_only_by_its_members()
    {
        var host = await SignUpAsync();
        var stranger = await SignUpAsync();
        var titleId = await PublishedTitleAsync(host);

        var created = await host.Client.PostAsJsonAsync("/api/parties", new { titleId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var party = await created.Content.ReadFromJsonAsync<JsonElement>();
        var partyId = party.GetProperty("partyId").GetString()!;
        Assert.Equal($"/api/parties/{partyId}", created.Headers.Location!.OriginalString);
        Assert.Equal(host.Id, party.GetProperty("hostId").GetString());
        Assert.Equal("HostOnly", party.GetProperty("control").GetString());
        Assert.Equal(titleId, party.GetProperty("media").GetProperty("id").GetString());

        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync($"/api/parties/{partyId}")).StatusCode);
        await AssertProblemAsync(await stranger.Client.GetAsync($"/api/parties/{partyId}"), HttpStatusCode.Forbidden, "members");
        Assert.Equal([partyId], Ids(await ListAsync(host), "parties"));
        Assert.Empty(Ids(await ListAsync(stranger), "parties"));
    }

    [Fact]
    public async Task A_party_of_an_unknown_title_is_404_and_of_an_unpublished_one_409()
    {
        var host = await SignUpAsync();
        await AssertProblemAsync(await host.Client.PostAsJsonAsync("/api/parties", new { titleId = "t-doesnotexist" }), HttpStatusCode.NotFound);
        var draft = await PartyPeople.TitleAsync(host);
        await AssertProblemAsync(await host.Client.PostAsJsonAsync("/api/parties", new { titleId = draft }), HttpStatusCode.Conflict, "not published");
        await AssertProblemAsync(await host.Client.PostAsJsonAsync("/api/parties", new { titleId = "../etc" }), HttpStatusCode.BadRequest);
        await AssertProblemAsync(await host.Client.PostAsJsonAsync("/api/parties", new { titleId = draft, control = "Anarchy" }), HttpStatusCode.BadRequest);
        Assert.Empty(Ids(await ListAsync(host), "parties"));
    }

    [Fact]
    public async Task Party_routes_need_a_signed_in_user()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Node.Http.GetAsync("/api/parties")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Node.Http.PostAsJsonAsync("/api/parties", new { titleId = "t-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Node.Http.PostAsync("/hubs/party/negotiate?negotiateVersion=1", null)).StatusCode);
    }

    [Fact]
    public async Task Only_accepted_friends_are_invited_and_an_invite_shows_in_the_invitees_list_until_they_join()
    {
        var host = await SignUpAsync();
        var friend = await SignUpAsync();
        var stranger = await SignUpAsync();
        await PartyPeople.BefriendAsync(host, friend);
        var partyId = await PartyPeople.PartyAsync(host, await PublishedTitleAsync(host));

        await AssertProblemAsync(await host.Client.PostAsJsonAsync($"/api/parties/{partyId}/invites", new { userId = stranger.Id }),
            HttpStatusCode.Forbidden, "not your friend");
        await AssertProblemAsync(await stranger.Client.PostAsync($"/api/parties/{partyId}/join", null), HttpStatusCode.NotFound, "no invite");

        var invited = await host.Client.PostAsJsonAsync($"/api/parties/{partyId}/invites", new { userId = friend.Id });
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var invites = (await ListAsync(friend)).GetProperty("invites");
        var invite = Assert.Single(invites.EnumerateArray());
        Assert.Equal(partyId, invite.GetProperty("partyId").GetString());
        Assert.Equal(host.Id, invite.GetProperty("invite").GetProperty("byUserId").GetString());

        Assert.Equal(HttpStatusCode.OK, (await friend.Client.PostAsync($"/api/parties/{partyId}/join", null)).StatusCode);
        var after = await ListAsync(friend);
        Assert.Equal([partyId], Ids(after, "parties"));
        Assert.Empty(Ids(after, "invites"));
        Assert.Equal(HttpStatusCode.OK, (await friend.Client.GetAsync($"/api/parties/{partyId}")).StatusCode);
    }

    [Fact]
    public async Task Only_the_host_ends_a_party_and_nobody_joins_an_ended_one()
    {
        var host = await SignUpAsync();
        var friend = await SignUpAsync();
        var late = await SignUpAsync();
        await PartyPeople.BefriendAsync(host, friend);
        await PartyPeople.BefriendAsync(host, late);
        var partyId = await PartyPeople.PartyAsync(host, await PublishedTitleAsync(host));
        await PartyPeople.InviteAndJoinAsync(host, partyId, friend);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsJsonAsync($"/api/parties/{partyId}/invites", new { userId = late.Id })).StatusCode);

        await AssertProblemAsync(await friend.Client.DeleteAsync($"/api/parties/{partyId}"), HttpStatusCode.Forbidden, "only the host");
        var ended = await host.Client.DeleteAsync($"/api/parties/{partyId}");
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.True((await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ended").GetBoolean());

        await AssertProblemAsync(await late.Client.PostAsync($"/api/parties/{partyId}/join", null), HttpStatusCode.Conflict, "ended");
        Assert.Empty(Ids(await ListAsync(host), "parties"));
        Assert.Empty(Ids(await ListAsync(late), "invites"));
    }

    [Fact]
    public async Task A_leaving_host_hands_the_party_to_a_member()
    {
        var host = await SignUpAsync();
        var friend = await SignUpAsync();
        await PartyPeople.BefriendAsync(host, friend);
        var partyId = await PartyPeople.PartyAsync(host, await PublishedTitleAsync(host));
        await PartyPeople.InviteAndJoinAsync(host, partyId, friend);

        Assert.Equal(HttpStatusCode.OK, (await host.Client.PostAsync($"/api/parties/{partyId}/leave", null)).StatusCode);
        var party = await friend.Client.GetFromJsonAsync<JsonElement>($"/api/parties/{partyId}");
        Assert.Equal(friend.Id, party.GetProperty("hostId").GetString());
        await AssertProblemAsync(await host.Client.GetAsync($"/api/parties/{partyId}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_hub_client_gets_the_party_at_once_and_its_own_changes_pushed_with_rising_versions()
    {
        var host = await SignUpAsync();
        var partyId = await PartyPeople.PartyAsync(host, await PublishedTitleAsync(host));
        await using var client = await PartyHubClient.ConnectAsync(Node, host.Token, tokenInQuery: true);

        var joined = await client.JoinAsync(partyId);
        Assert.Equal(partyId, joined.PartyId);
        Assert.True(Assert.Single(joined.Members).Online);

        await client.InvokeAsync("Seek", partyId, 42.5, null);
        await client.InvokeAsync("Play", partyId, null, null);
        var playing = await client.AwaitStateAsync(v => v.Playback.Playing, "the play pushed back");
        Assert.Equal(42.5, playing.Playback.PositionSeconds, 3);
        var versions = client.Received.Select(v => v.Version).ToList();
        Assert.Equal(versions.Order(), versions);

        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var server = await client.ServerTimeAsync();
        Assert.InRange(server, before - 5_000, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 5_000);
    }

    [Fact]
    public async Task Bad_hub_input_is_refused_with_the_reason_and_the_connection_keeps_working()
    {
        var host = await SignUpAsync();
        var stranger = await SignUpAsync();
        var partyId = await PartyPeople.PartyAsync(host, await PublishedTitleAsync(host));
        await using var client = await PartyHubClient.ConnectAsync(Node, host.Token);
        await using var outsider = await PartyHubClient.ConnectAsync(Node, stranger.Token);
        await client.JoinAsync(partyId);

        Assert.Contains("403", (await Assert.ThrowsAsync<HubException>(() => outsider.JoinAsync(partyId))).Message);
        Assert.Contains("400", (await Assert.ThrowsAsync<HubException>(() => client.JoinAsync("no/such"))).Message);
        Assert.Contains("at most", (await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("Chat", partyId, new string('x', 501), null))).Message);
        Assert.Contains("400", (await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("SetRate", partyId, 50.0, null))).Message);
        for (var i = 0; i < PartyState.ChatLinesPerWindow; i++) await client.InvokeAsync("Chat", partyId, $"line {i}", null);
        Assert.Contains("429", (await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("Chat", partyId, "flood", null))).Message);

        var still = await client.InvokeAsync("Pause", partyId, 3.0, null);
        Assert.Equal(PartyState.ChatLinesPerWindow, still.Chat.Count);
    }

    [Fact]
    public async Task A_hub_call_retried_with_its_operation_id_is_answered_without_applying_twice()
    {
        var host = await SignUpAsync();
        var partyId = await PartyPeople.PartyAsync(host, await PublishedTitleAsync(host));
        await using var client = await PartyHubClient.ConnectAsync(Node, host.Token);
        await client.JoinAsync(partyId);

        var chatted = await client.InvokeAsync("Chat", partyId, "once", "chat-1");
        var seeked = await client.InvokeAsync("Seek", partyId, 10.0, "seek-1");
        var retriedChat = await client.InvokeAsync("Chat", partyId, "once", "chat-1");
        var retriedSeek = await client.InvokeAsync("Seek", partyId, 10.0, "seek-1");

        Assert.Equal(seeked.Version, retriedChat.Version);
        Assert.Equal(seeked.Version, retriedSeek.Version);
        Assert.Single(retriedSeek.Chat, c => c.Text == "once");
        Assert.Equal(chatted.Version + 1, seeked.Version);
        Assert.Contains("400", (await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("Play", partyId, null, "not an id"))).Message);
    }

    [Fact]
    public async Task A_refused_hub_call_is_not_logged_as_an_error_and_the_client_still_gets_the_reason()
    {
        var logs = CapturedLogs.On(fixture.Node.Services);
        var host = await SignUpAsync();
        var partyId = await PartyPeople.PartyAsync(host, await PublishedTitleAsync(host));
        await using var client = await PartyHubClient.ConnectAsync(Node, host.Token);
        await client.JoinAsync(partyId);

        var refused = await Assert.ThrowsAsync<HubException>(() => client.InvokeAsync("SetRate", partyId, 50.0, null));
        Assert.Contains("400 Invalid: a rate is", refused.Message);
        await client.InvokeAsync("Pause", partyId, 1.0, null); // a later call answered: the refusal's logging is done

        var errors = logs.Entries.Where(e => e.Level >= LogLevel.Warning && (e.Exception is HubException || e.Message.Contains("SetRate"))).ToList();
        Assert.True(errors.Count == 0, "refusal logged as: " + string.Join("; ", errors.Select(e => $"{e.Level} {e.Category} {e.Message}")));
    }

    [Fact]
    public async Task Closing_the_last_connection_takes_the_member_offline()
    {
        var host = await SignUpAsync();
        var partyId = await PartyPeople.PartyAsync(host, await PublishedTitleAsync(host));
        var client = await PartyHubClient.ConnectAsync(Node, host.Token);
        Assert.True(Assert.Single((await client.JoinAsync(partyId)).Members).Online);
        await client.DisposeAsync();

        await Eventually.AwaitAsync(async () =>
            {
                var party = await host.Client.GetFromJsonAsync<JsonElement>($"/api/parties/{partyId}");
                return !party.GetProperty("members")[0].GetProperty("online").GetBoolean();
            }, TimeSpan.FromSeconds(15), "the host to go offline", TimeSpan.FromMilliseconds(100));
    }
}
