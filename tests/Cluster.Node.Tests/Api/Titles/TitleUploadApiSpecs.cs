using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Akka.Actor;
using MediaPlatform.Actors.Titles;
using static MediaPlatform.Node.Tests.Api.Titles.TitleApi;

namespace MediaPlatform.Node.Tests.Api.Titles;

/// <summary>Source and subtitle uploads through the real HTTP host, into the node's blob directory.</summary>
[Collection(TitlesCollection.Name)]
public sealed class TitleUploadApiSpecs(TitlesNodeFixture fixture)
{
    private string SourceFolder(string titleId) => Path.Combine(fixture.Node.Options.BlobDirectory, "titles", titleId, "source");

    private IEnumerable<string> FilesUnder(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories) : [];

    private IEnumerable<string> PartialFiles() => FilesUnder(Path.Combine(fixture.Node.Options.BlobDirectory, ".incoming"));

    [Fact]
    public async Task An_uploaded_clip_must_be_stored_whole_and_the_title_told_without_starting_a_transcode()
    {
        var (_, client) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(client, "Clip"));
        var clip = await fixture.ClipAsync();

        var response = await UploadSourceAsync(client, id, clip, fileName: "../../My Holiday.mp4");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var title = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("SourceUploaded", Status(title));
        var source = title.GetProperty("source");
        Assert.Equal(clip.Length, source.GetProperty("sizeBytes").GetInt64());
        Assert.Equal("../../My Holiday.mp4", source.GetProperty("originalFileName").GetString()); // metadata only

        var stored = Assert.Single(FilesUnder(SourceFolder(id)));
        Assert.Equal(SHA256.HashData(clip), SHA256.HashData(await File.ReadAllBytesAsync(stored)));
        Assert.DoesNotContain("Holiday", stored);
        Assert.Empty(PartialFiles());
        // Probing and transcoding are the orchestrator's to start: the title waits in SourceUploaded.
        Assert.Equal("SourceUploaded", Status(await GetAsync(client, id)));
    }

    [Fact]
    public async Task A_new_upload_must_replace_the_source_and_remove_the_old_blob()
    {
        var (_, client) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(client, "Twice"));
        Assert.Equal(HttpStatusCode.OK, (await UploadSourceAsync(client, id, [1, 2, 3])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await UploadSourceAsync(client, id, [4, 5, 6, 7])).StatusCode);
        var stored = Assert.Single(FilesUnder(SourceFolder(id)));
        Assert.Equal(new byte[] { 4, 5, 6, 7 }, await File.ReadAllBytesAsync(stored));
    }

    [Theory]
    [InlineData(false, 64 * 1024)]
    [InlineData(true, 64 * 1024)]
    [InlineData(true, 1)]
    public async Task An_upload_beyond_the_limit_must_get_413_and_leave_no_blob(bool chunked, int over)
    {
        var (_, client) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(client, "Too big"));
        var response = await UploadSourceAsync(client, id, new byte[TitlesNodeFixture.MaxUploadBytes + over], chunked: chunked);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "larger than the limit of 1 MiB");
        Assert.Empty(FilesUnder(SourceFolder(id)));
        Assert.Empty(PartialFiles());
        Assert.Equal("Created", Status(await GetAsync(client, id)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_upload_of_exactly_the_limit_must_be_accepted(bool chunked)
    {
        var (_, client) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(client, "Just fits"));
        var response = await UploadSourceAsync(client, id, new byte[TitlesNodeFixture.MaxUploadBytes], chunked: chunked);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(TitlesNodeFixture.MaxUploadBytes, new FileInfo(Assert.Single(FilesUnder(SourceFolder(id)))).Length);
    }

    [Fact]
    public async Task An_empty_upload_must_get_400_and_leave_no_blob()
    {
        var (_, client) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(client, "Empty"));
        await AssertProblemAsync(await UploadSourceAsync(client, id, []), HttpStatusCode.BadRequest, "empty");
        Assert.Empty(FilesUnder(SourceFolder(id)));
    }

    [Fact]
    public async Task Uploads_by_others_to_unknown_titles_and_without_a_token_must_be_refused()
    {
        var (_, owner) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(owner, "Mine"));
        var (_, stranger) = await fixture.NewUserAsync();
        await AssertProblemAsync(await UploadSourceAsync(stranger, id, [1]), HttpStatusCode.NotFound, "does not exist");
        await AssertProblemAsync(await UploadSourceAsync(owner, "t-unknown", [1]), HttpStatusCode.NotFound, "does not exist");
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadSourceAsync(fixture.Node.Http, id, [1])).StatusCode);
        Assert.Empty(FilesUnder(SourceFolder(id)));
    }

    [Fact]
    public async Task An_upload_while_the_title_is_being_processed_must_get_409_and_store_nothing()
    {
        var (_, client) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(client, "Busy"));
        Assert.Equal(HttpStatusCode.OK, (await UploadSourceAsync(client, id, [1, 2, 3])).StatusCode);
        await fixture.Titles.Ask<TitleView>(new StartProbe(id), TimeSpan.FromSeconds(10));
        await AssertProblemAsync(await UploadSourceAsync(client, id, [9, 9]), HttpStatusCode.Conflict, "being processed (Probing)");
        Assert.Equal(new byte[] { 1, 2, 3 }, await File.ReadAllBytesAsync(Assert.Single(FilesUnder(SourceFolder(id)))));
    }

    [Fact]
    public async Task Subtitles_must_be_stored_with_their_format_detected_from_the_content()
    {
        var (_, client) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(client, "Subtitled"));
        Assert.Equal(HttpStatusCode.OK, (await UploadSubtitlesAsync(client, id, "EN", "WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n")).StatusCode);
        var response = await UploadSubtitlesAsync(client, id, "pt-BR", "1\n00:00:00,000 --> 00:00:02,000\nOlá\n");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var subtitles = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subtitles").EnumerateArray()
            .Select(s => (s.GetProperty("language").GetString(), s.GetProperty("format").GetString())).ToList();
        Assert.Equal([("en", "vtt"), ("pt-br", "srt")], subtitles);
        var files = FilesUnder(Path.Combine(fixture.Node.Options.BlobDirectory, "titles", id, "subtitles")).ToList();
        Assert.Equal(2, files.Count);
        Assert.Contains(files, f => f.EndsWith(".srt") && File.ReadAllText(f).Contains("Olá"));

        // Replacing a language's track leaves one file for it.
        Assert.Equal(HttpStatusCode.OK, (await UploadSubtitlesAsync(client, id, "en", "WEBVTT\n\n00:00.000 --> 00:03.000\nHi again\n")).StatusCode);
        Assert.Equal(2, FilesUnder(Path.Combine(fixture.Node.Options.BlobDirectory, "titles", id, "subtitles")).Count());
    }

    [Theory]
    [InlineData("en", "just some text\nwith no cues\n", HttpStatusCode.BadRequest, "neither WebVTT nor SRT")]
    [InlineData("e.n", "WEBVTT\n", HttpStatusCode.BadRequest, "language must be a tag")]
    [InlineData("english", "WEBVTT\n", HttpStatusCode.BadRequest, "language must be a tag")]
    public async Task Bad_subtitles_must_get_a_4xx_saying_why(string language, string text, HttpStatusCode status, string expected)
    {
        var (_, client) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(client, "Bad subs"));
        await AssertProblemAsync(await UploadSubtitlesAsync(client, id, language, text), status, expected);
        Assert.Empty(FilesUnder(Path.Combine(fixture.Node.Options.BlobDirectory, "titles", id)));
    }

    [Fact]
    public async Task Subtitles_beyond_their_limit_must_get_413()
    {
        var (_, client) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(client, "Long subs"));
        var text = "WEBVTT\n\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"00:{i % 60:00}.000 --> 00:{i % 60:00}.500\nline {i}\n\n"));
        await AssertProblemAsync(await UploadSubtitlesAsync(client, id, "en", text), HttpStatusCode.RequestEntityTooLarge, "4 KiB");
    }

    [Fact]
    public async Task Subtitles_uploaded_after_publishing_must_be_quality_checked_by_the_upload()
    {
        var (_, client) = await fixture.NewUserAsync();
        var id = Id(await CreateAsync(client, "Published"));
        await new PlaybackSetup(fixture).PublishAsync(client, id);

        await AssertProblemAsync(await UploadSubtitlesAsync(client, id, "en", "1\n00:00:01,000 --> 00:00:00,500\nBackwards\n"),
            HttpStatusCode.UnprocessableEntity, "fail quality control");
        Assert.Empty(FilesUnder(Path.Combine(fixture.Node.Options.BlobDirectory, "titles", id, "subtitles")));

        var accepted = await UploadSubtitlesAsync(client, id, "en", "1\n00:00:00,500 --> 00:00:01,500\nHello\n");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var title = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Published", Status(title));
        Assert.Equal("en", title.GetProperty("subtitles").EnumerateArray().Single().GetProperty("language").GetString());
    }
}
