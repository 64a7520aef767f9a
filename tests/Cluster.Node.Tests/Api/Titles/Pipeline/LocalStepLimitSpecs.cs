using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Api.Titles.Pipeline;

/// <summary>
/// Several titles on one node share its limit of heavy local steps (prepare, quality control, packaging): with the
/// limit 1 no two of them run at once, whose ever they are, and every title still publishes.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class LocalStepLimitSpecs(PipelineNodeFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task Three_titles_uploaded_at_once_with_a_limit_of_one_never_overlap_their_heavy_local_steps_and_all_publish()
    {
        var client = await fixture.NewUploaderAsync();
        var clip = await PipelineClips.GoodAsync(6, 320, 240);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(TitleApi.Id(await TitleApi.CreateAsync(client, $"Side by side {i}")));

        var uploads = await Task.WhenAll(ids.Select(id => TitleApi.UploadSourceAsync(client, id, clip)));
        Assert.All(uploads, u => Assert.Equal(HttpStatusCode.OK, u.StatusCode));
        var finished = await Task.WhenAll(ids.Select(id => TitleProgressWatch.UntilFinishedAsync(client, id, Deadline)));

        Assert.All(finished, f => Assert.True(TitleApi.Status(f.Title) == "Published", $"{string.Join(" -> ", f.Seen)}: {f.Title.GetProperty("failure")}"));
        using var admin = fixture.Node.ClientWithToken(TestNode.AdminToken);
        var view = await admin.GetFromJsonAsync<JsonElement>("/cluster/local-steps");
        Assert.Equal(1, view.GetProperty("limit").GetInt32());
        var steps = view.GetProperty("recent").EnumerateArray().Select(s => (
                Kind: s.GetProperty("kind").GetString()!, Owner: s.GetProperty("owner").GetString()!,
                QueuedAt: s.GetProperty("queuedAt").GetDateTimeOffset(), StartedAt: s.GetProperty("startedAt").GetDateTimeOffset(),
                EndedAt: s.GetProperty("endedAt").GetDateTimeOffset()))
            .OrderBy(s => s.StartedAt).ToList();
        foreach (var s in steps.Where(s => ids.Contains(s.Owner)))
            output.WriteLine($"{s.Owner} {s.Kind,-8} queued {s.QueuedAt:HH:mm:ss.fff} waited {(s.StartedAt - s.QueuedAt).TotalMilliseconds,6:0} ms, ran {(s.EndedAt - s.StartedAt).TotalMilliseconds,6:0} ms");
        // Every title's split, audio, source check and packaging went through the node's limiter ...
        Assert.All(ids, id => Assert.Equal(["audio", "package", "qc", "split"], steps.Where(s => s.Owner == id).Select(s => s.Kind).Distinct().Order()));
        // ... and, over everything the node ran, each step ended before the next one started.
        Assert.All(steps.Zip(steps.Skip(1), (a, b) => (First: a, Second: b)), p => Assert.True(p.First.EndedAt <= p.Second.StartedAt,
            $"{p.First.Owner} {p.First.Kind} ({p.First.StartedAt:HH:mm:ss.fff}-{p.First.EndedAt:HH:mm:ss.fff}) overlapped " +
            $"{p.Second.Owner} {p.Second.Kind} (from {p.Second.StartedAt:HH:mm:ss.fff})"));

        // Each published title's sampled frames went through the image pipeline (at most the node's 3, behind no
        // upload here), and the same clip's frames are found as near duplicates across titles.
        var frames = new List<IReadOnlyList<JsonElement>>();
        foreach (var id in ids) frames.Add(await FrameImageChecks.AssertCompleteAsync(client, id, expected: 3));
        await FrameImageChecks.AssertRepeatedAcrossTitlesAsync(client, frames[0][1].GetProperty("imageId").GetString()!, ids[1]);
    }
}
