using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Actors.Work;
using MediaPlatform.Testing.Processes;

namespace MediaPlatform.Bench.Media;

/// <summary>
/// When the title reached each stage, measured from the start of its upload over HTTP; the wall-clock instants the
/// upload finished and the title was seen published; and the coordinator's timeline of the encodes.
/// </summary>
public sealed record PipelineTimes(TimeSpan Uploaded, TimeSpan Packaged, TimeSpan Published, TimeSpan FirstSegment, int Encodes)
{
    public DateTimeOffset UploadedAt { get; init; }

    public DateTimeOffset PublishedAt { get; init; }

    public EncodeTimelineView? Timeline { get; init; }

    /// <summary>The node's heavy local steps (split, audio, package) with their times.</summary>
    public MediaPlatform.Streams.Pipeline.LocalStepsView? LocalSteps { get; init; }

    /// <summary>The nodes' own CPU and their children's by kind during the run (Linux only).</summary>
    public IReadOnlyList<ProcessCpu>? Cpu { get; init; }
}

/// <summary>
/// Our pipeline as a user drives it: sign up, create a title, PUT the source to the first node, then follow the title
/// (every 100 ms) until it is published, fetching the master playlist and the lowest rung's first segment as soon as
/// they are served (while the title still transcodes): <see cref="PipelineTimes.FirstSegment"/> counts from the end of
/// the upload.
/// </summary>
public static class PipelineRun
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>Every encode span the coordinator remembers (the scenario's nodes are fresh, so all are this title's).</summary>
    private static async Task<EncodeTimelineView?> TimelineAsync(Uri node)
    {
        using var admin = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(10) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", NodeProcessCluster.AdminToken);
        return await admin.GetFromJsonAsync<EncodeTimelineView>("cluster/encodes/timeline", Json);
    }

    private static async Task<MediaPlatform.Streams.Pipeline.LocalStepsView?> LocalStepsAsync(Uri node)
    {
        using var admin = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(10) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", NodeProcessCluster.AdminToken);
        return await admin.GetFromJsonAsync<MediaPlatform.Streams.Pipeline.LocalStepsView>("cluster/local-steps", Json);
    }

    public static async Task<PipelineTimes> RunAsync(Uri node, string source)
    {
        using var http = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromMinutes(5) };
        var email = $"bench-{Guid.NewGuid():N}@example.com";
        const string password = "bench password 123";
        (await http.PostAsJsonAsync("api/users", new { email, password, displayName = "Bench" })).EnsureSuccessStatusCode();
        var session = await (await http.PostAsJsonAsync("api/sessions", new { email, password })).Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", session.GetProperty("token").GetString());
        var created = await (await http.PostAsJsonAsync("api/titles", new { name = "Bench", description = "" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("titleId").GetString()!;

        var clock = Stopwatch.StartNew();
        await using (var body = File.OpenRead(source))
        {
            var content = new StreamContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
            var upload = await http.PutAsync($"api/titles/{id}/source", content);
            if (upload.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"upload answered {(int)upload.StatusCode}: {await upload.Content.ReadAsStringAsync()}");
        }
        var uploaded = clock.Elapsed;
        var uploadedAt = DateTimeOffset.UtcNow;
        TimeSpan? packaged = null;
        TimeSpan? firstSegment = null;
        while (true)
        {
            var title = await http.GetFromJsonAsync<JsonElement>($"api/titles/{id}");
            var status = title.GetProperty("status").GetString();
            if (status is "QualityCheck" or "Published") packaged ??= clock.Elapsed;
            if (status == "Failed") throw new InvalidOperationException($"the title failed: {title.GetProperty("failure")}");
            // Playable while it transcodes: the owner gets the master and a first segment before it is published.
            if (firstSegment is null && status is "Transcoding" or "QualityCheck" && await FirstSegmentAsync(http, id)) firstSegment = clock.Elapsed - uploaded;
            if (status == "Published")
            {
                var published = clock.Elapsed;
                var publishedAt = DateTimeOffset.UtcNow;
                if (!await FirstSegmentAsync(http, id)) throw new InvalidOperationException("the published title serves no segment");
                firstSegment ??= clock.Elapsed - uploaded;
                var encodes = title.GetProperty("progress").GetProperty("chunksTotal").GetInt32();
                return new PipelineTimes(uploaded, packaged ?? published, published, firstSegment.Value, encodes)
                {
                    UploadedAt = uploadedAt, PublishedAt = publishedAt, Timeline = await TimelineAsync(node), LocalSteps = await LocalStepsAsync(node),
                };
            }
            if (clock.Elapsed > TimeSpan.FromMinutes(30)) throw new TimeoutException($"title still {status} after 30 min");
            await Task.Delay(100);
        }
    }

    /// <summary>Whether the title's master, its first rung's playlist and that playlist's first segment are all served.</summary>
    private static async Task<bool> FirstSegmentAsync(HttpClient http, string id)
    {
        using var response = await http.GetAsync($"media/titles/{id}/master.m3u8");
        if (!response.IsSuccessStatusCode) return false;
        var master = await response.Content.ReadAsStringAsync();
        var lowest = master.Split('\n').FirstOrDefault(l => l.EndsWith(".m3u8") && !l.StartsWith('#') && !l.Contains("audio"));
        if (lowest is null) return false;
        var playlist = await http.GetStringAsync($"media/titles/{id}/{lowest}");
        var segment = playlist.Split('\n').FirstOrDefault(l => l.EndsWith(".m4s"));
        if (segment is null) return false;
        using var bytes = await http.GetAsync($"media/titles/{id}/{segment}");
        return bytes.IsSuccessStatusCode;
    }
}
