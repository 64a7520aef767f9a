using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Api.Titles.Pipeline;

/// <summary>One node with the shipped pipeline settings: an upload starts the title's transcode.</summary>
public sealed class PipelineNodeFixture : IAsyncLifetime
{
    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync() => Node = await TestNode.StartAsync();

    public Task DisposeAsync() => Node.DisposeAsync().AsTask();

    public async Task<HttpClient> NewUploaderAsync()
    {
        var email = $"pipeline-{Guid.NewGuid():N}@example.com";
        const string password = "correct horse battery";
        var signUp = await Node.Http.PostAsJsonAsync("/api/users", new { email, password, displayName = "Uploader" });
        Assert.Equal(HttpStatusCode.Created, signUp.StatusCode);
        var login = await (await Node.Http.PostAsJsonAsync("/api/sessions", new { email, password })).Content.ReadFromJsonAsync<JsonElement>();
        return Node.ClientWithToken(login.GetProperty("token").GetString()!);
    }
}

[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineNodeFixture>
{
    public const string Name = "pipeline-node";
}
