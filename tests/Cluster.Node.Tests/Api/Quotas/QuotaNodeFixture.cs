using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing.Api;

namespace MediaPlatform.Node.Tests.Api.Quotas;

/// <summary>
/// A node started with small per-user quotas, set the way an operator would, through an extra HOCON file (--config):
/// 1 friend, 2 open friend requests, 1 title transcoding at once, 2 s of source and a byte budget of about two
/// test clips; transcodes start only on POST /transcode.
/// </summary>
public sealed class QuotaNodeFixture : IAsyncLifetime
{
    public const int Friends = 1;
    public const int OpenFriendRequests = 2;
    public const long StoredSourceBytes = 600 * 1024;
    private readonly TempDirectory _configDir = new();

    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var hocon = Path.Combine(_configDir.Path, "quotas.hocon");
        await File.WriteAllTextAsync(hocon, $$"""
            media-platform.quotas {
              friends = {{Friends}}
              open-friend-requests = {{OpenFriendRequests}}
              stored-source-bytes = {{StoredSourceBytes}}
              transcoding-titles = 1
              source-duration = 2s
            }
            # Transcodes start only when a spec asks (POST /transcode), so uploads alone never hold a transcoding slot.
            media-platform.pipeline.start-on-upload = off
            """);
        Node = await TestNode.StartAsync("--config", hocon);
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        _configDir.Dispose();
    }

    /// <summary>A new user with a token (sign-up and login through the API).</summary>
    public async Task<(string UserId, HttpClient Client)> NewUserAsync()
    {
        var user = await new ApiClient(Node.Http).NewUserAsync("quota", "Quota");
        return (user.UserId, Node.ClientWithToken(user.Token));
    }
}
