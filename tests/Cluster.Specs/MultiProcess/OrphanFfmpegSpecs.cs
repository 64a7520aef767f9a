using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Testing.Processes;
using MediaPlatform.Testing.Api;
using MediaPlatform.Testing.Media;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.MultiProcess;

/// <summary>
/// A node killed with SIGKILL in the middle of an encode leaves no ffmpeg behind: its children were started to die
/// with it. Without that, the orphaned encode (here one chunk of 40 s of 720p to four rungs, tens of seconds of work)
/// would keep a core busy long after the node is gone.
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class OrphanFfmpegSpecs(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task SIGKILL_of_a_node_mid_encode_must_take_its_ffmpeg_children_with_it()
    {
        using var folder = new TempDirectory("orphan-ffmpeg");
        var config = folder.Combine("long-chunks.hocon");
        // One chunk for the whole source, so the encode is long enough to be caught running.
        await File.WriteAllTextAsync(config, "media-platform.pipeline.chunk-seconds = 60\n");
        var source = await Clips.WriteAsync(folder.Combine("source.mp4"), ClipArguments.TestPicture(40, 1280, 720, preset: "ultrafast"));
        await using var cluster = await NodeProcessCluster.StartAsync(1, new(output.WriteLine, ExtraArguments: ["--config", config]));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        var node = cluster.Nodes[0];

        using var http = new HttpClient { BaseAddress = node.BaseAddress };
        var user = await new ApiClient(http).NewUserAsync("orphans", "Uploader");
        var api = new ApiClient(ApiClient.Authorized(node.BaseAddress, user.Token));
        var created = await (await api.CreateTitleAsync("Long chunk")).Content.ReadFromJsonAsync<JsonElement>();
        var titleId = created.GetProperty("titleId").GetString()!;
        Assert.True((await api.UploadSourceAsync(titleId, await File.ReadAllBytesAsync(source))).IsSuccessStatusCode);

        var pid = node.Pid!.Value;
        List<int> encodes = [];
        await Eventually.AwaitAsync(() => (encodes = EncodesOf(pid)).Count > 0, Deadline, "an ffmpeg encode under the node");
        output.WriteLine($"node {pid} runs ffmpeg {string.Join(", ", encodes)}; SIGKILL");
        node.Kill();

        await Eventually.AwaitAsync(() => !encodes.Any(IsRunning), TimeSpan.FromSeconds(15), "the killed node's ffmpeg to die");
        cluster.MarkPassed();
    }

    /// <summary>The node's children running an x264 encode.</summary>
    private static List<int> EncodesOf(int nodePid) =>
        Directory.EnumerateDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0).Where(pid => pid > 0)
            .Where(pid => ParentOf(pid) == nodePid && CommandLine(pid).Contains("libx264")).ToList();

    /// <summary>Alive and not a zombie (a killed orphan may wait unreaped under a container's init).</summary>
    private static bool IsRunning(int pid) => Stat(pid) is { } stat && stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0] != "Z";

    private static int ParentOf(int pid) =>
        Stat(pid) is { } stat && int.TryParse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], out var parent) ? parent : -1;

    private static string? Stat(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
    }

    private static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
        catch (IOException) { return ""; }
    }
}
