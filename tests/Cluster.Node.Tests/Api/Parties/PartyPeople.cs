using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.Actor;
using MediaPlatform.Testing.Api;

namespace MediaPlatform.Node.Tests.Api.Parties;

/// <summary>A signed-in user of the party specs, with a client that carries their token.</summary>
public sealed record PartyUser(string Id, string Token, HttpClient Client);

/// <summary>
/// Set-up for party specs over HTTP: users, accepted friendships (waited for until both lists show them) and published
/// titles (<see cref="PublishedTitles"/>).
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
    public static Task<string> TitleAsync(PartyUser owner) => PublishedTitles.CreatedAsync(owner.Client);

    /// <summary>A published title (no media is needed to watch together in these specs: only its status counts).</summary>
    public static Task<string> PublishedTitleAsync(PartyUser owner, IActorRef titles) => PublishedTitles.CreateAsync(owner.Client, titles);

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

}
