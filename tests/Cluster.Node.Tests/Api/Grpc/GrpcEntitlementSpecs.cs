using System.Net;
using Grpc.Core;
using MediaPlatform.Node.Grpc.V1;
using MediaPlatform.Node.Tests.Api.Billing;
using MediaPlatform.Node.Tests.Api.Titles;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing.Api;
using static MediaPlatform.Node.Tests.Api.Grpc.GrpcCalls;
using static MediaPlatform.Node.Tests.Api.Titles.TitleApi;

namespace MediaPlatform.Node.Tests.Api.Grpc;

/// <summary>
/// "May user U play title T?" over gRPC, in bulk: the answers are the playback rule the HLS routes enforce (owner,
/// subscriber, buyer; nobody for an unpublished title), item by item in order; the admin token asks about anyone, a
/// user token only about itself; malformed queries are INVALID_ARGUMENT and unknown titles NOT_FOUND items.
/// </summary>
[Collection(TitlesCollection.Name)]
public sealed class GrpcEntitlementSpecs(TitlesNodeFixture fixture) : IAsyncLifetime
{
    private SignedInUser _owner = null!;
    private string _published = "", _draft = "";

    private Entitlements.EntitlementsClient Entitlements => new(fixture.Grpc);
    private static CallOptions Admin => Bearer(TestNode.AdminToken);

    public async Task InitializeAsync()
    {
        _owner = await fixture.Node.Api.NewUserAsync("grpc-owner", "Owner");
        using var owner = fixture.Node.ClientWithToken(_owner.Token);
        _published = Id(await CreateAsync(owner, "Entitled over gRPC"));
        await new PlaybackSetup(fixture).PublishAsync(owner, _published);
        _draft = Id(await CreateAsync(owner, "Not out yet"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_batch_answers_each_pair_by_the_rule_playback_enforces()
    {
        using var subscriber = await BillingApiClient.SignUpAsync(fixture.Node);
        await subscriber.SubscribedInvoiceAsync();
        using var stranger = await BillingApiClient.SignUpAsync(fixture.Node, cardNumber: null);

        var request = new CheckEntitlementsRequest
        {
            Queries =
            {
                Query(_owner.UserId, _published),
                Query(subscriber.UserId, _published, fresh: true),
                Query(stranger.UserId, _published),
                Query(stranger.UserId, "t-never-created"),
                Query(_owner.UserId, _draft),
            },
        };
        var results = (await Entitlements.CheckEntitlementsAsync(request, Admin)).Results;

        Assert.Equal(request.Queries.Select(q => (q.UserId, q.TitleId)), results.Select(r => (r.UserId, r.TitleId)));
        AssertMayPlay(results[0], "owner");
        AssertMayPlay(results[1], "subscription");
        AssertRefused(results[2], "no active subscription");
        Assert.Equal((int)StatusCode.NotFound, results[3].Error.Code);
        AssertRefused(results[4], "not published");

        // The HLS route says the same to the same people.
        Assert.Equal(HttpStatusCode.OK, (await subscriber.Http.GetAsync($"/media/titles/{_published}/master.m3u8")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Http.GetAsync($"/media/titles/{_published}/master.m3u8")).StatusCode);
    }

    [Fact]
    public async Task A_fresh_query_sees_a_purchase_paid_a_moment_ago()
    {
        using var buyer = await BillingApiClient.SignUpAsync(fixture.Node);
        var before = await Entitlements.CheckEntitlementAsync(Query(buyer.UserId, _published), Admin);
        Assert.False(before.MayPlay);

        string invoiceId = "";
        await Eventually.AwaitAsync(async () =>
        {
            var order = await buyer.OrderTitleAsync(_published, "order-" + _published + buyer.UserId);
            if (order.StatusCode != HttpStatusCode.Created) return false; // the catalog may not list the title yet
            invoiceId = (await BillingApiClient.JsonAsync(order, HttpStatusCode.Created)).GetProperty("invoice").GetProperty("invoiceId").GetString()!;
            return true;
        }, TimeSpan.FromSeconds(20), "the title could not be ordered");
        Assert.Equal(HttpStatusCode.Created, (await buyer.PayAsync(invoiceId, BillingApiClient.NewKey())).StatusCode);

        var after = await Entitlements.CheckEntitlementAsync(Query(buyer.UserId, _published, fresh: true), Admin);
        Assert.True(after.MayPlay, after.Reason);
        Assert.Equal("purchase", after.GrantedBy);
    }

    [Fact]
    public async Task A_user_token_may_ask_only_about_its_own_user()
    {
        var viewer = await fixture.Node.Api.NewUserAsync("grpc-self", "Self");
        var own = await Entitlements.CheckEntitlementAsync(Query(viewer.UserId, _published), Bearer(viewer.Token));
        Assert.False(own.MayPlay);
        Assert.Contains("no active subscription", own.Reason);

        var other = new CheckEntitlementsRequest { Queries = { Query(viewer.UserId, _published), Query(_owner.UserId, _published) } };
        var denied = await AssertFailsAsync(StatusCode.PermissionDenied, () => Entitlements.CheckEntitlementsAsync(other, Bearer(viewer.Token)).ResponseAsync);
        Assert.Contains("queries[1]", denied.Status.Detail);
        await AssertFailsAsync(StatusCode.PermissionDenied, () => Entitlements.CheckEntitlementAsync(Query(_owner.UserId, _published), Bearer(viewer.Token)).ResponseAsync);
    }

    [Fact]
    public async Task Malformed_queries_fail_with_invalid_argument_and_an_unknown_title_with_not_found()
    {
        await AssertFailsAsync(StatusCode.InvalidArgument, () => Entitlements.CheckEntitlementsAsync(new CheckEntitlementsRequest(), Admin).ResponseAsync);
        var bad = await AssertFailsAsync(StatusCode.InvalidArgument, () => Entitlements.CheckEntitlementsAsync(
            new CheckEntitlementsRequest { Queries = { Query(_owner.UserId, _published), Query("u 1", _published) } }, Admin).ResponseAsync);
        Assert.Contains("queries[1].user_id", bad.Status.Detail);
        await AssertFailsAsync(StatusCode.InvalidArgument, () => Entitlements.CheckEntitlementAsync(Query(_owner.UserId, ""), Admin).ResponseAsync);
        await AssertFailsAsync(StatusCode.NotFound, () => Entitlements.CheckEntitlementAsync(Query(_owner.UserId, "t-never-created"), Admin).ResponseAsync);
    }

    private static EntitlementQuery Query(string userId, string titleId, bool fresh = false) => new() { UserId = userId, TitleId = titleId, Fresh = fresh };

    private static void AssertMayPlay(EntitlementResult result, string by)
    {
        Assert.Equal(EntitlementResult.OutcomeOneofCase.Entitlement, result.OutcomeCase);
        Assert.True(result.Entitlement.MayPlay, $"{result.UserId} on {result.TitleId}: {result.Entitlement.Reason}");
        Assert.Equal(by, result.Entitlement.GrantedBy);
    }

    private static void AssertRefused(EntitlementResult result, string reasonPart)
    {
        Assert.Equal(EntitlementResult.OutcomeOneofCase.Entitlement, result.OutcomeCase);
        Assert.False(result.Entitlement.MayPlay);
        Assert.Contains(reasonPart, result.Entitlement.Reason);
    }
}
