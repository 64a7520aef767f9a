using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace MediaPlatform.Node.Tests.Api.Quotas;

/// <summary>Friends and open friend requests per user, through the real HTTP host on a node with small quotas.</summary>
[Collection(QuotaCollection.Name)]
public sealed class FriendQuotaApiSpecs(QuotaNodeFixture fixture)
{
    private static Task<HttpResponseMessage> RequestAsync((string Id, HttpClient Client) from, string toUserId) =>
        from.Client.PostAsJsonAsync($"/api/users/{from.Id}/friends/requests", new { userId = toUserId });

    [Fact]
    public async Task Concurrent_friend_requests_beyond_the_open_request_quota_must_get_429_and_never_overshoot()
    {
        var asker = await fixture.NewUserAsync();
        var others = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => fixture.NewUserAsync()));

        var answers = await Task.WhenAll(others.Select(o => RequestAsync(asker, o.UserId)));

        Assert.Equal(QuotaNodeFixture.OpenFriendRequests, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var refused = answers.Where(a => a.StatusCode != HttpStatusCode.OK).ToList();
        Assert.Equal(others.Length - QuotaNodeFixture.OpenFriendRequests, refused.Count);
        foreach (var answer in refused)
        {
            var detail = await AssertProblemAsync(answer, HttpStatusCode.TooManyRequests);
            Assert.Contains("media-platform.quotas.open-friend-requests", detail);
            Assert.Contains($"{QuotaNodeFixture.OpenFriendRequests}", detail);
        }
    }

    [Fact]
    public async Task Accepting_a_friend_beyond_the_friend_quota_must_get_429_naming_the_limit()
    {
        var (popular, first, second) = (await fixture.NewUserAsync(), await fixture.NewUserAsync(), await fixture.NewUserAsync());
        Assert.Equal(HttpStatusCode.OK, (await RequestAsync(first, popular.UserId)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RequestAsync(second, popular.UserId)).StatusCode);

        using var accepted = await popular.Client.PostAsync($"/api/users/{popular.UserId}/friends/requests/{first.UserId}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        using var over = await popular.Client.PostAsync($"/api/users/{popular.UserId}/friends/requests/{second.UserId}/accept", null);
        var detail = await AssertProblemAsync(over, HttpStatusCode.TooManyRequests);
        Assert.Contains("media-platform.quotas.friends", detail);
        Assert.Contains($"{QuotaNodeFixture.Friends}", detail);

        // Answering with a request of one's own counts as accepting: refused the same way.
        var detailForRequest = await AssertProblemAsync(await RequestAsync(popular, second.UserId), HttpStatusCode.TooManyRequests);
        Assert.Contains("media-platform.quotas.friends", detailForRequest);
    }
}
