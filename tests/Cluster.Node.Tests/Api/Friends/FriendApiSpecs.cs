using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing.Api;

namespace MediaPlatform.Node.Tests.Api.Friends;

/// <summary>The friends API through the real HTTP host: every endpoint's success and error shapes, and convergence of both lists.</summary>
public sealed class FriendApiSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private static readonly TimeSpan Convergence = TimeSpan.FromSeconds(15);
    private const string UnknownUser = "u-0000000000000000";

    private HttpClient Http => fixture.Node.Http;

    private sealed record User(string Id, HttpClient Client, string Email = "");

    private async Task<User> SignUpAsync()
    {
        var user = await new ApiClient(Http).NewUserAsync("friend", "Friend");
        return new User(user.UserId, fixture.Node.ClientWithToken(user.Token), user.Email);
    }

    private static Task<HttpResponseMessage> RequestByEmailAsync(User from, object body) =>
        from.Client.PostAsJsonAsync($"/api/users/{from.Id}/friends/requests", body);

    private static Task<HttpResponseMessage> RequestAsync(User from, string toUserId) =>
        from.Client.PostAsJsonAsync($"/api/users/{from.Id}/friends/requests", new { userId = toUserId });

    private static Task<HttpResponseMessage> AnswerAsync(User recipient, string fromUserId, string answer) =>
        recipient.Client.PostAsync($"/api/users/{recipient.Id}/friends/requests/{fromUserId}/{answer}", null);

    private static async Task<JsonElement> RelationshipAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<JsonElement> ListAsync(User user)
    {
        var response = await user.Client.GetAsync($"/api/users/{user.Id}/friends");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Ids(JsonElement list, string which) =>
        list.GetProperty(which).EnumerateArray().Select(f => f.GetProperty("userId").GetString()!).ToArray();

    /// <summary>Both lists are views updated after the change: poll them until they show it, with a deadline.</summary>
    private static async Task ListsConvergeAsync(User user, string[] friends, string[] incoming, string[] outgoing)
    {
        var deadline = DateTime.UtcNow + Convergence;
        while (true)
        {
            var list = await ListAsync(user);
            var seen = (Ids(list, "friends"), Ids(list, "incoming"), Ids(list, "outgoing"));
            if (seen.Item1.SequenceEqual(friends) && seen.Item2.SequenceEqual(incoming) && seen.Item3.SequenceEqual(outgoing)) return;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{user.Id}'s list did not converge: {list}");
            await Task.Delay(100);
        }
    }

    private async Task<(User A, User B)> FriendsAsync()
    {
        var (a, b) = (await SignUpAsync(), await SignUpAsync());
        await RelationshipAsync(await RequestAsync(a, b.Id));
        await RelationshipAsync(await AnswerAsync(b, a.Id, "accept"));
        return (a, b);
    }

    [Fact]
    public async Task A_request_then_an_accept_must_make_both_users_list_each_other_as_friends()
    {
        var (a, b) = (await SignUpAsync(), await SignUpAsync());

        var sent = await RelationshipAsync(await RequestAsync(a, b.Id));
        Assert.Equal((a.Id, b.Id, "OutgoingRequest"),
            (sent.GetProperty("userId").GetString(), sent.GetProperty("otherUserId").GetString(), sent.GetProperty("relation").GetString()));
        await ListsConvergeAsync(a, [], [], [b.Id]);
        await ListsConvergeAsync(b, [], [a.Id], []);

        var accepted = await RelationshipAsync(await AnswerAsync(b, a.Id, "accept"));
        Assert.Equal("Friends", accepted.GetProperty("relation").GetString());
        Assert.Equal(a.Id, accepted.GetProperty("otherUserId").GetString());
        await ListsConvergeAsync(a, [b.Id], [], []);
        await ListsConvergeAsync(b, [a.Id], [], []);

        var list = await ListAsync(a);
        Assert.Equal(a.Id, list.GetProperty("userId").GetString());
        Assert.True(list.GetProperty("friends")[0].GetProperty("since").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));

        // Repeats are harmless: the same answer, nothing changes.
        Assert.Equal("Friends", (await RelationshipAsync(await AnswerAsync(b, a.Id, "accept"))).GetProperty("relation").GetString());
        Assert.Equal("Friends", (await RelationshipAsync(await RequestAsync(a, b.Id))).GetProperty("relation").GetString());
    }

    [Fact]
    public async Task The_friendship_region_must_remember_its_entities_in_the_journal_and_the_list_region_must_not()
    {
        // Remember-entities is what restarts a Friendship entity with undelivered changes after its node dies.
        var (a, b) = (await SignUpAsync(), await SignUpAsync());
        await RelationshipAsync(await RequestAsync(a, b.Id));
        await ListsConvergeAsync(b, [], [a.Id], []);
        var journal = await fixture.JournalBytesAsync();
        Assert.Contains("/sharding/friendshipShard/", journal);
        Assert.Contains(string.CompareOrdinal(a.Id, b.Id) < 0 ? $"{a.Id}~{b.Id}" : $"{b.Id}~{a.Id}", journal);
        Assert.DoesNotContain("/sharding/friend-listShard/", journal);

        // The lists' acknowledgements came back through sharding and were recorded: nothing is left to deliver.
        var deadline = DateTime.UtcNow + Convergence;
        while (!(await fixture.JournalBytesAsync()).Contains("friendship.delivered.v1"))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("no delivery was ever acknowledged");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task Repeating_a_request_must_answer_the_same()
    {
        var (a, b) = (await SignUpAsync(), await SignUpAsync());
        await RelationshipAsync(await RequestAsync(a, b.Id));
        Assert.Equal("OutgoingRequest", (await RelationshipAsync(await RequestAsync(a, b.Id))).GetProperty("relation").GetString());
        await ListsConvergeAsync(b, [], [a.Id], []);
    }

    [Fact]
    public async Task A_request_to_someone_who_already_asked_must_count_as_accepting_theirs()
    {
        var (a, b) = (await SignUpAsync(), await SignUpAsync());
        await RelationshipAsync(await RequestAsync(a, b.Id));
        Assert.Equal("Friends", (await RelationshipAsync(await RequestAsync(b, a.Id))).GetProperty("relation").GetString());
        await ListsConvergeAsync(a, [b.Id], [], []);
        await ListsConvergeAsync(b, [a.Id], [], []);
    }

    [Fact]
    public async Task Declining_must_clear_the_request_on_both_sides_and_repeat_harmlessly()
    {
        var (a, b) = (await SignUpAsync(), await SignUpAsync());
        await RelationshipAsync(await RequestAsync(a, b.Id));

        Assert.Equal("None", (await RelationshipAsync(await AnswerAsync(b, a.Id, "decline"))).GetProperty("relation").GetString());
        Assert.Equal("None", (await RelationshipAsync(await AnswerAsync(b, a.Id, "decline"))).GetProperty("relation").GetString());
        await ListsConvergeAsync(a, [], [], []);
        await ListsConvergeAsync(b, [], [], []);
        await AssertProblemAsync(await AnswerAsync(b, a.Id, "accept"), HttpStatusCode.NotFound, "no friend request");
    }

    [Fact]
    public async Task Either_friend_may_remove_the_friendship_and_a_repeat_is_harmless()
    {
        var (a, b) = await FriendsAsync();
        await ListsConvergeAsync(b, [a.Id], [], []);

        Assert.Equal(HttpStatusCode.NoContent, (await b.Client.DeleteAsync($"/api/users/{b.Id}/friends/{a.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await b.Client.DeleteAsync($"/api/users/{b.Id}/friends/{a.Id}")).StatusCode);
        await ListsConvergeAsync(a, [], [], []);
        await ListsConvergeAsync(b, [], [], []);
    }

    [Fact]
    public async Task The_requester_may_cancel_their_request()
    {
        var (a, b) = (await SignUpAsync(), await SignUpAsync());
        await RelationshipAsync(await RequestAsync(a, b.Id));
        await ListsConvergeAsync(b, [], [a.Id], []);

        Assert.Equal(HttpStatusCode.NoContent, (await a.Client.DeleteAsync($"/api/users/{a.Id}/friends/{b.Id}")).StatusCode);
        await ListsConvergeAsync(a, [], [], []);
        await ListsConvergeAsync(b, [], [], []);
        await AssertProblemAsync(await AnswerAsync(b, a.Id, "accept"), HttpStatusCode.NotFound, "no friend request");
    }

    [Fact]
    public async Task Only_the_recipient_may_accept_or_decline()
    {
        var (a, b) = (await SignUpAsync(), await SignUpAsync());
        await RelationshipAsync(await RequestAsync(a, b.Id));
        await AssertProblemAsync(await AnswerAsync(a, b.Id, "accept"), HttpStatusCode.Forbidden, $"only {b.Id} can accept");
        await AssertProblemAsync(await AnswerAsync(a, b.Id, "decline"), HttpStatusCode.Forbidden, $"only {b.Id} can decline");
    }

    [Fact]
    public async Task Declining_a_friend_must_be_a_conflict()
    {
        var (a, b) = await FriendsAsync();
        await AssertProblemAsync(await AnswerAsync(b, a.Id, "decline"), HttpStatusCode.Conflict, "already friends");
    }

    [Fact]
    public async Task A_request_to_an_unknown_user_must_get_404()
    {
        var a = await SignUpAsync();
        await AssertProblemAsync(await RequestAsync(a, UnknownUser), HttpStatusCode.NotFound, "does not exist");
        await AssertProblemAsync(await AnswerAsync(a, UnknownUser, "accept"), HttpStatusCode.NotFound, "no friend request");
    }

    [Theory]
    [InlineData("""{"userId":"NOT AN ID"}""", "not a valid id")]
    [InlineData("""{"userId":""}""", "either userId or email")]
    [InlineData("""{}""", "either userId or email")]
    [InlineData("""{"userId":null}""", "either userId or email")]
    [InlineData("""{"userId":"u-1","note":"hi"}""", "note")]
    [InlineData("""{"userId":5}""", "userId")]
    [InlineData("""{"userId":""", "")]
    [InlineData("""[1]""", "")]
    public async Task Malformed_request_bodies_must_get_400_problem_details(string json, string expected)
    {
        var a = await SignUpAsync();
        var response = await a.Client.PostAsync($"/api/users/{a.Id}/friends/requests", new StringContent(json, Encoding.UTF8, "application/json"));
        await AssertProblemAsync(response, HttpStatusCode.BadRequest, expected);
    }

    [Fact]
    public async Task Befriending_yourself_and_bad_ids_in_paths_must_get_400()
    {
        var a = await SignUpAsync();
        await AssertProblemAsync(await RequestAsync(a, a.Id), HttpStatusCode.BadRequest, "yourself");
        await AssertProblemAsync(await AnswerAsync(a, a.Id, "accept"), HttpStatusCode.BadRequest, "yourself");
        await AssertProblemAsync(await a.Client.DeleteAsync($"/api/users/{a.Id}/friends/{a.Id}"), HttpStatusCode.BadRequest, "yourself");
        await AssertProblemAsync(await AnswerAsync(a, "Bad~Id", "decline"), HttpStatusCode.BadRequest, "not a valid id");
        await AssertProblemAsync(await a.Client.DeleteAsync($"/api/users/{a.Id}/friends/x%20y"), HttpStatusCode.BadRequest, "not a valid id");
        await AssertProblemAsync(await a.Client.GetAsync("/api/users/NOT%20AN%20ID/friends"), HttpStatusCode.BadRequest, "not a valid id");
    }

    [Fact]
    public async Task Every_endpoint_must_need_a_token_and_touch_only_the_callers_own_friends()
    {
        var (a, b) = (await SignUpAsync(), await SignUpAsync());
        var calls = new Func<HttpClient, string, Task<HttpResponseMessage>>[]
        {
            (c, id) => c.GetAsync($"/api/users/{id}/friends"),
            (c, id) => c.PostAsJsonAsync($"/api/users/{id}/friends/requests", new { userId = a.Id }),
            (c, id) => c.PostAsync($"/api/users/{id}/friends/requests/{a.Id}/accept", null),
            (c, id) => c.PostAsync($"/api/users/{id}/friends/requests/{a.Id}/decline", null),
            (c, id) => c.DeleteAsync($"/api/users/{id}/friends/{a.Id}"),
        };
        foreach (var call in calls)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await call(Http, b.Id)).StatusCode);
            await AssertProblemAsync(await call(a.Client, b.Id), HttpStatusCode.Forbidden, "your own data");
        }
    }

    [Fact]
    public async Task The_admin_token_must_read_any_users_friends()
    {
        var (a, b) = await FriendsAsync();
        using var admin = fixture.Node.ClientWithToken(TestNode.AdminToken);
        var deadline = DateTime.UtcNow + Convergence;
        while (Ids(await admin.GetFromJsonAsync<JsonElement>($"/api/users/{a.Id}/friends"), "friends") is not [var only] || only != b.Id)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the admin never saw the friendship");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_request_by_email_must_reach_the_user_who_signed_up_with_it()
    {
        var (a, b) = (await SignUpAsync(), await SignUpAsync());
        // Written as a person might type it: the address is normalized as at sign-up.
        var sent = await RelationshipAsync(await RequestByEmailAsync(a, new { email = $"  {b.Email.ToUpperInvariant()} " }));
        Assert.Equal((b.Id, "OutgoingRequest"), (sent.GetProperty("otherUserId").GetString(), sent.GetProperty("relation").GetString()));
        await ListsConvergeAsync(b, [], [a.Id], []);

        // b answers by email too: that accepts a's request.
        var accepted = await RelationshipAsync(await RequestByEmailAsync(b, new { email = a.Email }));
        Assert.Equal("Friends", accepted.GetProperty("relation").GetString());
    }

    [Theory]
    [InlineData("nobody-{0}@example.com", HttpStatusCode.NotFound, "no user has that email address")]
    [InlineData("not-an-address", HttpStatusCode.BadRequest, "email")]
    public async Task A_request_to_an_email_nobody_uses_or_that_is_no_address_must_be_refused(string email, HttpStatusCode status, string detail)
    {
        var a = await SignUpAsync();
        await ProblemAnswers.AssertProblemAsync(await RequestByEmailAsync(a, new { email = string.Format(email, Guid.NewGuid().ToString("N")) }), status, detail);
    }

    [Fact]
    public async Task A_request_must_name_the_user_by_id_or_by_email_but_not_both_and_never_oneself()
    {
        var (a, b) = (await SignUpAsync(), await SignUpAsync());
        await ProblemAnswers.AssertProblemAsync(await RequestByEmailAsync(a, new { userId = b.Id, email = b.Email }), HttpStatusCode.BadRequest, "either userId or email");
        await ProblemAnswers.AssertProblemAsync(await RequestByEmailAsync(a, new { }), HttpStatusCode.BadRequest, "either userId or email");
        await ProblemAnswers.AssertProblemAsync(await RequestByEmailAsync(a, new { email = a.Email }), HttpStatusCode.BadRequest, "yourself");
    }
}
