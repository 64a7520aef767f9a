using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.Actor;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Node.Tests.Api.Titles;
using MediaPlatform.Testing.Api;

namespace MediaPlatform.Node.Tests.Api.Parties;

/// <summary>A signed-in user of the party specs, with a client that carries their token.</summary>
public sealed record PartyUser(string Id, string Token, HttpClient Client);

/// <summary>
/// Set-up for party specs over HTTP: users, accepted friendships (waited for until both lists show them) and published
/// titles (created through the API, then taken to Published by sending the pipeline's commands to the title entity).
/// </summary>
public static class PartyPeople
{
    public static async Task<PartyUser> SignUpAsync(Uri node, string prefix = "party")
    {
        using var anonymous = new HttpClient { BaseAddress = node };
        var user = await new ApiClient(anonymous).NewUserAsync(prefix, "Party goer");
        return new PartyUser(user.UserId, user.Token, ApiClient.Authorized(node, user.Token));
    }

    /// <summary>Makes <paramref name="a"/> and <paramref name="b"/> friends and waits until both friend lists say so.</summary>
    public static async Task BefriendAsync(PartyUser a, PartyUser b)
    {
        var asked = await a.Client.PostAsJsonAsync($"/api/users/{a.Id}/friends/requests", new { userId = b.Id });
        Assert.True(asked.IsSuccessStatusCode, await asked.Content.ReadAsStringAsync());
        var accepted = await b.Client.PostAsync($"/api/users/{b.Id}/friends/requests/{a.Id}/accept", null);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        foreach (var (me, other) in new[] { (a, b), (b, a) })
            await Eventually.AwaitAsync(async () =>
                {
                    var list = await me.Client.GetFromJsonAsync<JsonElement>($"/api/users/{me.Id}/friends");
                    return list.GetProperty("friends").EnumerateArray().Any(f => f.GetProperty("userId").GetString() == other.Id);
                }, TimeSpan.FromSeconds(20), $"{me.Id}'s friend list to show {other.Id}", TimeSpan.FromMilliseconds(100));
    }

    /// <summary>A title created by <paramref name="owner"/>; not published.</summary>
    public static async Task<string> TitleAsync(PartyUser owner)
    {
        var created = await owner.Client.PostAsJsonAsync("/api/titles", new { name = "Movie night", description = "" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("titleId").GetString()!;
    }

    /// <summary>A published title (no media is needed to watch together in these specs: only its status counts).</summary>
    public static async Task<string> PublishedTitleAsync(PartyUser owner, IActorRef titles)
    {
        var titleId = await TitleAsync(owner);
        var upload = Guid.NewGuid().ToString("N");
        await AskAsync(titles, new RecordSourceUploaded(titleId, upload, TitleBlobKeys.Source(titleId, upload), 1000, "clip.mp4"));
        await AskAsync(titles, new StartProbe(titleId));
        await AskAsync(titles, RecordProbe.Accepted(titleId, PlaybackSetup.Probe, PlaybackSetup.Ladder));
        await AskAsync(titles, new RecordTranscodeProgress(titleId, 1, 1));
        await AskAsync(titles, new RecordPackaged(titleId, TitleBlobKeys.Hls(titleId), "master.m3u8", PlaybackSetup.Ladder));
        await AskAsync(titles, new RecordQcReport(titleId, new TitleQcSummary(true, false, [])));
        Assert.Equal(TitleStatus.Published, (await AskAsync(titles, new PublishTitle(titleId))).Status);
        return titleId;
    }

    /// <summary>Creates a party of <paramref name="titleId"/> hosted by <paramref name="host"/>; its id.</summary>
    public static async Task<string> PartyAsync(PartyUser host, string titleId, string control = "HostOnly")
    {
        var created = await host.Client.PostAsJsonAsync("/api/parties", new { titleId, control });
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"expected 201, got {(int)created.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("partyId").GetString()!;
    }

    public static async Task InviteAndJoinAsync(PartyUser host, string partyId, PartyUser guest)
    {
        var invited = await host.Client.PostAsJsonAsync($"/api/parties/{partyId}/invites", new { userId = guest.Id });
        Assert.True(invited.IsSuccessStatusCode, await invited.Content.ReadAsStringAsync());
        var joined = await guest.Client.PostAsync($"/api/parties/{partyId}/join", null);
        Assert.True(joined.IsSuccessStatusCode, await joined.Content.ReadAsStringAsync());
    }

    private static Task<TitleView> AskAsync(IActorRef titles, ITitleCommand command) => titles.Ask<TitleView>(command, TimeSpan.FromSeconds(10));
}
