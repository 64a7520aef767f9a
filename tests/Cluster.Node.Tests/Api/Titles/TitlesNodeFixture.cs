using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.Actor;
using Akka.Hosting;
using Grpc.Net.Client;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing.Api;

namespace MediaPlatform.Node.Tests.Api.Titles;

/// <summary>
/// One node for the titles specs, with small upload limits (1 MiB sources, 4 KiB subtitles) set the way an operator
/// would, through an extra HOCON file (--config), and a quick read-journal refresh so listings catch up fast. It also
/// serves gRPC (--grpc-port): the gRPC catalog and entitlement specs ask about the same titles.
/// </summary>
public sealed class TitlesNodeFixture : IAsyncLifetime
{
    public const long MaxUploadBytes = 1024 * 1024;
    public const long MaxSubtitleBytes = 4 * 1024;
    private readonly TempDirectory _configDir = new();
    private readonly Lazy<Task<byte[]>> _clip = new(() => TestClip.Mp4Async());

    public TestNode Node { get; private set; } = null!;
    public int GrpcPort { get; } = FreePorts.Next();

    /// <summary>A gRPC channel to the node's h2c port (tokens go in each call's metadata).</summary>
    public GrpcChannel Grpc => _grpc ??= GrpcChannel.ForAddress($"http://127.0.0.1:{GrpcPort}");
    private GrpcChannel? _grpc;
    public IActorRef Titles => ActorRegistry.For(Node.System).Get<EntityRegions.Titles>();
    public DirectoryBlobStore Blobs => new(Node.Options.BlobDirectory);

    public async Task InitializeAsync()
    {
        var hocon = Path.Combine(_configDir.Path, "titles.hocon");
        await File.WriteAllTextAsync(hocon, """
            media-platform.titles {
              max-upload-size = 1 MiB
              max-subtitle-size = 4 KiB
            }
            akka.persistence.query.journal.sql.refresh-interval = 200ms
            # These specs play the pipeline's part themselves (see PlaybackSetup).
            media-platform.pipeline.start-on-upload = off
            """);
        Node = await TestNode.StartAsync("--config", hocon, "--grpc-port", GrpcPort.ToString());
    }

    public async Task DisposeAsync()
    {
        _grpc?.Dispose();
        await Node.DisposeAsync();
        _configDir.Dispose();
    }

    /// <summary>One small generated clip, made once for all the specs of the node.</summary>
    public Task<byte[]> ClipAsync() => _clip.Value;

    /// <summary>A new user with a token (sign-up and login through the API).</summary>
    public async Task<(string UserId, HttpClient Client)> NewUserAsync()
    {
        var user = await new ApiClient(Node.Http).NewUserAsync("titles", "Uploader");
        return (user.UserId, Node.ClientWithToken(user.Token));
    }
}
