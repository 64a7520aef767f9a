using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing;
using MediaPlatform.Testing.Api;

namespace MediaPlatform.Node.Tests.Api.Titles.Pipeline;

/// <summary>
/// One node with the shipped pipeline settings (an upload starts the title's transcode), except that it runs one heavy
/// local step at a time whatever its cores (<see cref="LocalStepLimitSpecs"/>), that it hands at most 3 frames of each
/// published title to the image pipeline (<see cref="FrameImageChecks"/>), and that no entity reaches a snapshot:
/// the transcode coordinator deletes the events below its snapshots, and specs here read its decisions from its journal.
/// </summary>
public sealed class PipelineNodeFixture : IAsyncLifetime
{
    private readonly TempDirectory _configDir = new("pipeline-node-config");

    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var hocon = Path.Combine(_configDir.Path, "pipeline.hocon");
        // Three frames per published title go through the image pipeline (FrameImageChecks).
        await File.WriteAllTextAsync(hocon,
            "media-platform.transcode.max-concurrent-local-steps = 1\n" +
            "media-platform.entities.snapshot-every = 1000000\n" +
            "media-platform.images.max-frames-per-title = 3\n");
        Node = await TestNode.StartAsync("--config", hocon);
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        _configDir.Dispose();
    }

    public async Task<HttpClient> NewUploaderAsync()
    {
        var user = await new ApiClient(Node.Http).NewUserAsync("pipeline", "Uploader");
        return Node.ClientWithToken(user.Token);
    }
}

[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineNodeFixture>
{
    public const string Name = "pipeline-node";
}
