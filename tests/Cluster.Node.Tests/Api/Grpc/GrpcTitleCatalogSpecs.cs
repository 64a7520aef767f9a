using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using MediaPlatform.Node.Grpc.V1;
using MediaPlatform.Node.Tests.Api.Titles;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing.Api;
using MediaPlatform.Testing.Processes;
using static MediaPlatform.Node.Tests.Api.Grpc.GrpcCalls;
using static MediaPlatform.Node.Tests.Api.Titles.TitleApi;

namespace MediaPlatform.Node.Tests.Api.Grpc;

/// <summary>
/// The gRPC title catalog on the node's h2c port: batch lookups answer item by item in order (unknown and hidden titles
/// as NOT_FOUND items), a single lookup fails with the item's status, malformed requests are INVALID_ARGUMENT, calls
/// without a valid bearer token are UNAUTHENTICATED, and the gRPC port answers nothing but gRPC.
/// </summary>
[Collection(TitlesCollection.Name)]
public sealed class GrpcTitleCatalogSpecs(TitlesNodeFixture fixture) : IAsyncLifetime
{
    private SignedInUser _owner = null!, _viewer = null!;
    private string _published = "", _draft = "";

    private TitleCatalog.TitleCatalogClient Catalog => new(fixture.Grpc);

    public async Task InitializeAsync()
    {
        _owner = await fixture.Node.Api.NewUserAsync("grpc-owner", "Owner");
        _viewer = await fixture.Node.Api.NewUserAsync("grpc-viewer", "Viewer");
        using var owner = fixture.Node.ClientWithToken(_owner.Token);
        _published = Id(await CreateAsync(owner, "Published over gRPC", "a catalog entry"));
        await new PlaybackSetup(fixture).PublishAsync(owner, _published);
        _draft = Id(await CreateAsync(owner, "Still a draft"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_batch_lookup_answers_each_id_in_order_with_unknown_and_hidden_titles_as_not_found_items()
    {
        var request = new GetTitlesRequest { TitleIds = { _published, "t-never-created", _draft, _published } };
        var reply = await Catalog.GetTitlesAsync(request, Bearer(_viewer.Token));

        Assert.Equal(request.TitleIds, reply.Results.Select(r => r.TitleId));
        foreach (var found in new[] { reply.Results[0], reply.Results[3] })
        {
            Assert.Equal(TitleResult.OutcomeOneofCase.Title, found.OutcomeCase);
            Assert.Equal("Published over gRPC", found.Title.Name);
            Assert.Equal("a catalog entry", found.Title.Description);
            Assert.Equal(_owner.UserId, found.Title.OwnerId);
            Assert.Equal(TitleStatus.Published, found.Title.Status);
            Assert.Equal(2, found.Title.DurationSeconds);
            Assert.Equal($"/media/titles/{_published}/master.m3u8", found.Title.PlaybackUrl);
            Assert.Equal($"/media/titles/{_published}/poster.jpg", found.Title.PosterUrl);
            Assert.NotNull(found.Title.PublishedAt);
        }
        // A draft exists only for its owner (and admins): to anyone else it is as unknown as a title never created.
        foreach (var missing in new[] { reply.Results[1], reply.Results[2] })
        {
            Assert.Equal(TitleResult.OutcomeOneofCase.Error, missing.OutcomeCase);
            Assert.Equal((int)StatusCode.NotFound, missing.Error.Code);
            Assert.Contains("does not exist", missing.Error.Message);
        }
    }

    [Fact]
    public async Task The_owner_and_the_admin_see_a_draft_that_others_do_not()
    {
        var request = new GetTitlesRequest { TitleIds = { _draft } };
        foreach (var token in new[] { _owner.Token, TestNode.AdminToken })
        {
            var draft = Assert.Single((await Catalog.GetTitlesAsync(request, Bearer(token))).Results);
            Assert.Equal(TitleStatus.Created, draft.Title.Status);
            Assert.Equal("", draft.Title.PlaybackUrl);
            Assert.Null(draft.Title.PublishedAt);
        }
        await AssertFailsAsync(StatusCode.NotFound, () => Catalog.GetTitleAsync(new GetTitleRequest { TitleId = _draft }, Bearer(_viewer.Token)).ResponseAsync);
    }

    [Fact]
    public async Task A_single_lookup_answers_the_title_or_fails_with_not_found()
    {
        var title = await Catalog.GetTitleAsync(new GetTitleRequest { TitleId = _published }, Bearer(_viewer.Token));
        Assert.Equal(_published, title.TitleId);
        var missing = await AssertFailsAsync(StatusCode.NotFound,
            () => Catalog.GetTitleAsync(new GetTitleRequest { TitleId = "t-nobody-made-this" }, Bearer(_viewer.Token)).ResponseAsync);
        Assert.Contains("t-nobody-made-this", missing.Status.Detail);
    }

    [Fact]
    public async Task Malformed_ids_and_empty_or_oversized_batches_fail_with_invalid_argument()
    {
        var token = Bearer(_viewer.Token);
        var bad = await AssertFailsAsync(StatusCode.InvalidArgument,
            () => Catalog.GetTitlesAsync(new GetTitlesRequest { TitleIds = { _published, "../etc/passwd" } }, token).ResponseAsync);
        Assert.Contains("title_ids[1]", bad.Status.Detail);
        await AssertFailsAsync(StatusCode.InvalidArgument, () => Catalog.GetTitleAsync(new GetTitleRequest { TitleId = "" }, token).ResponseAsync);
        await AssertFailsAsync(StatusCode.InvalidArgument, () => Catalog.GetTitleAsync(new GetTitleRequest { TitleId = new string('a', 65) }, token).ResponseAsync);
        await AssertFailsAsync(StatusCode.InvalidArgument, () => Catalog.GetTitlesAsync(new GetTitlesRequest(), token).ResponseAsync);
        var tooMany = new GetTitlesRequest();
        tooMany.TitleIds.AddRange(Enumerable.Range(0, 501).Select(i => $"t-{i}"));
        var oversized = await AssertFailsAsync(StatusCode.InvalidArgument, () => Catalog.GetTitlesAsync(tooMany, token).ResponseAsync);
        Assert.Contains("at most 500", oversized.Status.Detail);
    }

    [Fact]
    public async Task Calls_without_a_valid_bearer_token_are_refused_as_unauthenticated()
    {
        var entitlements = new Entitlements.EntitlementsClient(fixture.Grpc);
        var query = new EntitlementQuery { UserId = _viewer.UserId, TitleId = _published };
        foreach (var options in new[] { Anonymous, Bearer("not-a-token"), Bearer(_viewer.Token + "x") })
        {
            await AssertFailsAsync(StatusCode.Unauthenticated, () => Catalog.GetTitleAsync(new GetTitleRequest { TitleId = _published }, options).ResponseAsync);
            await AssertFailsAsync(StatusCode.Unauthenticated, () => Catalog.GetTitlesAsync(new GetTitlesRequest { TitleIds = { _published } }, options).ResponseAsync);
            await AssertFailsAsync(StatusCode.Unauthenticated, () => entitlements.CheckEntitlementAsync(query, options).ResponseAsync);
            await AssertFailsAsync(StatusCode.Unauthenticated,
                () => entitlements.CheckEntitlementsAsync(new CheckEntitlementsRequest { Queries = { query } }, options).ResponseAsync);
        }
    }

    [Fact]
    public async Task Calls_through_the_balancers_grpc_listener_answer_as_the_node_does()
    {
        await using var balancer = await LoadBalancer.RenderAsync([fixture.Node.Http.BaseAddress!.Authority], [$"127.0.0.1:{fixture.GrpcPort}"]);
        await balancer.StartAsync();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{balancer.GrpcPort}");
        var catalog = new TitleCatalog.TitleCatalogClient(channel);

        var reply = await catalog.GetTitlesAsync(new GetTitlesRequest { TitleIds = { _published, "t-never-created" } }, Bearer(_viewer.Token));
        Assert.Equal("Published over gRPC", reply.Results[0].Title.Name);
        Assert.Equal((int)StatusCode.NotFound, reply.Results[1].Error.Code);
        await AssertFailsAsync(StatusCode.Unauthenticated, () => catalog.GetTitleAsync(new GetTitleRequest { TitleId = _published }, Anonymous).ResponseAsync);
        await AssertFailsAsync(StatusCode.InvalidArgument, () => catalog.GetTitleAsync(new GetTitleRequest { TitleId = "no such id!" }, Bearer(_viewer.Token)).ResponseAsync);
    }

    [Fact]
    public async Task The_grpc_port_answers_only_grpc_and_the_http_port_does_not_speak_cleartext_http2()
    {
        // The HTTP API is not reachable around the balancer through the gRPC port.
        using var h2c = new HttpClient { DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };
        var api = await h2c.GetAsync($"http://127.0.0.1:{fixture.GrpcPort}/api/titles/{_published}");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpVersion.Version20, api.Version);

        // Why gRPC has a port of its own: without TLS the HTTP port speaks HTTP/1.1 only (no h2c), so gRPC cannot work there.
        using var overHttpPort = GrpcChannel.ForAddress(fixture.Node.Http.BaseAddress!);
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new TitleCatalog.TitleCatalogClient(overHttpPort).GetTitleAsync(new GetTitleRequest { TitleId = _published }, Bearer(_viewer.Token)).ResponseAsync);
        Assert.NotEqual(StatusCode.OK, refused.StatusCode);
    }
}
