using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using MediaPlatform.Testing.Api;

namespace MediaPlatform.Node.Tests.Api.Titles.Pipeline;

/// <summary>One node with the shipped pipeline settings: an upload starts the title's transcode.</summary>
public sealed class PipelineNodeFixture : IAsyncLifetime
{
    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await TestNode.StartAsync();

    public Task DisposeAsync() => Node.DisposeAsync().AsTask();

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
