using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Api.Titles;
using MediaPlatform.Testing.Images;
using SkiaSharp;
using static MediaPlatform.Node.Tests.Api.Images.ImageApi;

namespace MediaPlatform.Node.Tests.Api.Images;

/// <summary>
/// Artwork and avatar uploads through the real host, run by the node's own stage queues and workers (real SkiaSharp,
/// real OpenCV, the node's blob directory); search by tag and near duplicate from the node's catalog.
/// </summary>
[Collection(TitlesCollection.Name)]
public sealed class ImageApiSpecs(TitlesNodeFixture fixture)
{
    [Fact]
    public async Task An_avatar_runs_every_stage_and_its_variants_are_served_with_immutable_caching()
    {
        var (userId, client) = await fixture.NewUserAsync();

        var imageId = await AcceptedIdAsync(await PutAvatarAsync(client, userId, TestImages.Astronaut()));
        var view = await SettledAsync(client, imageId);

        Assert.Equal("Complete", view.GetProperty("status").GetString());
        Assert.Equal(["Succeeded", "Succeeded", "Succeeded", "Skipped", "Succeeded"],
            new[] { "decode", "detect", "tag", "blur", "resize" }.Select(s => Stage(view, s)));
        Assert.Equal((512, 512, "jpeg"), (view.GetProperty("width").GetInt32(), view.GetProperty("height").GetInt32(), view.GetProperty("format").GetString()));
        Assert.Contains("faces", Tags(view));
        Assert.Contains("avatar", Tags(view));
        Assert.Equal(1, view.GetProperty("faces").GetInt32());
        var names = view.GetProperty("variants").EnumerateArray().Select(v => v.GetProperty("name").GetString()).ToList();
        Assert.Equal(["w160.webp", "w160.jpg", "w320.webp", "w320.jpg"], names);

        var variant = await client.GetAsync($"/api/images/{imageId}/variants/w320.jpg");
        Assert.Equal(HttpStatusCode.OK, variant.StatusCode);
        Assert.Equal("image/jpeg", variant.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", variant.Headers.CacheControl?.ToString());
        using (var served = SKBitmap.Decode(await variant.Content.ReadAsByteArrayAsync())) Assert.Equal(320, served.Width);
        var again = new HttpRequestMessage(HttpMethod.Get, $"/api/images/{imageId}/variants/w320.jpg");
        again.Headers.IfNoneMatch.Add(variant.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task Artwork_has_its_faces_blurred_is_found_by_tag_and_is_a_near_duplicate_of_the_same_photo()
    {
        var (userId, client) = await fixture.NewUserAsync();
        var titleId = TitleApi.Id(await TitleApi.CreateAsync(client, "Space"));
        var avatarId = await AcceptedIdAsync(await PutAvatarAsync(client, userId, TestImages.Astronaut()));
        var artworkId = await AcceptedIdAsync(await PutArtworkAsync(client, titleId, TestImages.Astronaut()));

        var artwork = await SettledAsync(client, artworkId);
        await SettledAsync(client, avatarId);

        Assert.Equal("Complete", artwork.GetProperty("status").GetString());
        Assert.Equal("Succeeded", Stage(artwork, "blur"));
        Assert.Equal("Artwork", artwork.GetProperty("kind").GetString());
        // The same photo: the avatar's variant shows the face, the artwork's has it blurred.
        var clear = await client.GetByteArrayAsync($"/api/images/{avatarId}/variants/w320.webp");
        var blurred = await client.GetByteArrayAsync($"/api/images/{artworkId}/variants/w320.webp");
        Assert.NotEqual(clear, blurred);

        await Eventually.AwaitAssertAsync(async () =>
        {
            var found = await client.GetFromJsonAsync<JsonElement>("/api/images?tag=faces");
            var ids = found.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("imageId").GetString()).ToList();
            Assert.Contains(artworkId, ids);
            Assert.Contains(avatarId, ids);
            var similar = await client.GetFromJsonAsync<JsonElement>($"/api/images/{avatarId}/similar");
            var near = similar.GetProperty("images").EnumerateArray().First(i => i.GetProperty("imageId").GetString() == artworkId);
            Assert.Equal(0, near.GetProperty("distance").GetInt32());
        }, TimeSpan.FromSeconds(20));
        var others = await client.GetFromJsonAsync<JsonElement>("/api/images?tag=no-faces");
        Assert.DoesNotContain(others.GetProperty("images").EnumerateArray(), i => i.GetProperty("imageId").GetString() == artworkId);

        // Complete, each is recorded by its subject: the title shows its artwork, the profile its avatar.
        JsonElement title = default, profile = default;
        await Eventually.AwaitAssertAsync(async () =>
        {
            title = await client.GetFromJsonAsync<JsonElement>($"/api/titles/{titleId}");
            profile = await client.GetFromJsonAsync<JsonElement>($"/api/users/{userId}");
            Assert.Equal(artworkId, title.GetProperty("artworkImageId").GetString());
            Assert.Equal(avatarId, profile.GetProperty("avatarImageId").GetString());
        }, TimeSpan.FromSeconds(20));
        Assert.Contains(title.GetProperty("artworkVariants").EnumerateArray(),
            v => v.GetProperty("url").GetString() == $"/api/images/{artworkId}/variants/w320.webp");
        Assert.Equal($"/api/images/{artworkId}/variants/w320.jpg", title.GetProperty("artworkUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(profile.GetProperty("avatarUrl").GetString())).StatusCode);
    }

    [Fact]
    public async Task A_newer_avatar_replaces_the_one_the_profile_shows()
    {
        var (userId, client) = await fixture.NewUserAsync();
        var first = await AcceptedIdAsync(await PutAvatarAsync(client, userId, TestImages.Astronaut()));
        await SettledAsync(client, first);
        await Eventually.AwaitAssertAsync(async () => Assert.Equal(first,
            (await client.GetFromJsonAsync<JsonElement>($"/api/users/{userId}")).GetProperty("avatarImageId").GetString()), TimeSpan.FromSeconds(20));

        var second = await AcceptedIdAsync(await PutAvatarAsync(client, userId, TestImages.Astronaut()));
        await SettledAsync(client, second);

        await Eventually.AwaitAssertAsync(async () => Assert.Equal(second,
            (await client.GetFromJsonAsync<JsonElement>($"/api/users/{userId}")).GetProperty("avatarImageId").GetString()), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_truncated_jpeg_is_accepted_then_fails_at_decode_with_the_reason_and_no_retry()
    {
        var (userId, client) = await fixture.NewUserAsync();
        var jpeg = TestImages.Astronaut();

        var imageId = await AcceptedIdAsync(await PutAvatarAsync(client, userId, jpeg[..(jpeg.Length / 2)]));
        var view = await SettledAsync(client, imageId);

        Assert.Equal("Failed", view.GetProperty("status").GetString());
        var decode = view.GetProperty("stages").GetProperty("decode");
        Assert.Equal(("Failed", 1), (decode.GetProperty("status").GetString(), decode.GetProperty("attempts").GetInt32()));
        Assert.Contains("truncated", view.GetProperty("reason").GetString());
        Assert.Equal("Pending", Stage(view, "detect"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/images/{imageId}/variants/w160.jpg")).StatusCode);
    }

    [Fact]
    public async Task A_cmyk_jpeg_completes_and_its_variants_keep_its_colours_in_srgb()
    {
        var (userId, client) = await fixture.NewUserAsync();

        var imageId = await AcceptedIdAsync(await PutAvatarAsync(client, userId, TestImages.CmykJpeg()));
        var view = await SettledAsync(client, imageId);

        Assert.Equal("Complete", view.GetProperty("status").GetString());
        using var served = SKBitmap.Decode(await client.GetByteArrayAsync($"/api/images/{imageId}/variants/w32.jpg"));
        var (left, right) = (served.GetPixel(4, 8), served.GetPixel(27, 8));
        Assert.True(left.Red > 180 && left.Green < 80 && left.Blue < 80, $"the red half is {left}");
        Assert.True(right.Blue > 160 && right.Red < 80 && right.Green < 100, $"the blue half is {right}");
    }

    public static TheoryData<string, string, int, string> BadUploads() => new()
    {
        { "empty", "image/jpeg", 400, "empty" },
        { "gif", "image/jpeg", 422, "GIF" },
        { "animated-gif", "image/png", 422, "GIF" },
        { "svg", "image/png", 422, "SVG" },
        { "bomb", "image/png", 422, "20000x20000" },
        { "noise", "image/webp", 422, "not a JPEG, PNG or WebP" },
        { "animated-webp", "image/webp", 422, "animated images are not accepted (3 frames)" },
        { "jpeg-as-gif", "image/gif", 415, "image/jpeg, image/png or image/webp" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public async Task A_bad_upload_is_refused_at_once_with_the_reason(string kind, string contentType, int status, string reason)
    {
        var (userId, client) = await fixture.NewUserAsync();
        var body = kind switch
        {
            "empty" => [],
            "gif" => BadImages.Gif(),
            "animated-gif" => BadImages.Gif(frames: 3),
            "svg" => BadImages.Svg(),
            "bomb" => BadImages.PngBomb(20_000),
            "animated-webp" => await BadImages.AnimatedWebpAsync(),
            "noise" => Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 >> 3)).ToArray(),
            _ => TestImages.Astronaut(),
        };

        var response = await PutAvatarAsync(client, userId, body, contentType);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_upload_over_the_size_limit_gets_413()
    {
        var (userId, client) = await fixture.NewUserAsync();

        // Expect: 100-continue, as a careful client would: the node answers from Content-Length before any body is sent.
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/users/{userId}/avatar") { Content = new ByteArrayContent(new byte[10 * 1024 * 1024 + 1]) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        request.Headers.ExpectContinue = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Only_the_user_sets_their_avatar_and_only_the_owner_sets_a_titles_artwork()
    {
        var (ownerId, owner) = await fixture.NewUserAsync();
        var (_, other) = await fixture.NewUserAsync();
        var titleId = TitleApi.Id(await TitleApi.CreateAsync(owner, "Mine"));
        var photo = TestImages.PatternJpeg(64, 64);

        Assert.Equal(HttpStatusCode.Forbidden, (await PutAvatarAsync(other, ownerId, photo)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PutArtworkAsync(other, titleId, photo)).StatusCode); // unpublished: others cannot see it
        Assert.Equal(HttpStatusCode.Unauthorized, (await PutAvatarAsync(fixture.Node.Http, ownerId, photo)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Node.Http.GetAsync("/api/images?tag=faces")).StatusCode);
    }

    [Fact]
    public async Task Unknown_images_bad_variant_names_and_bad_searches_are_4xx()
    {
        var (_, client) = await fixture.NewUserAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/images/img-nothing")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/images/img-nothing/variants/w160.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/images/img-nothing/variants/source")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/images?tag=")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/images?tag=faces&limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/images/img-nothing/similar?maxDistance=65")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/images/img-nothing/similar")).StatusCode);
    }
}
