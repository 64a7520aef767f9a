using Grpc.Core;

namespace MediaPlatform.Node.Tests.Api.Grpc;

/// <summary>What the gRPC specs share: a bearer token as call metadata, and "this call fails with that status".</summary>
internal static class GrpcCalls
{
    public static CallOptions Bearer(string token) =>
        new(new Metadata { { "authorization", $"Bearer {token}" } }, deadline: DateTime.UtcNow.AddSeconds(30));

    public static CallOptions Anonymous => new(deadline: DateTime.UtcNow.AddSeconds(30));

    public static async Task<RpcException> AssertFailsAsync(StatusCode expected, Func<Task> call)
    {
        var failure = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(failure.StatusCode == expected, $"expected {expected}, got {failure.StatusCode}: {failure.Status.Detail}");
        return failure;
    }
}
