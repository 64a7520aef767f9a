using System.Net.Http.Json;
using Akka.Actor;
using MediaPlatform.Actors.Users;

namespace MediaPlatform.Bench.Api;

/// <summary>One operation measured two ways: over HTTP (any node) and asked of the shard region in-process.</summary>
public sealed record Operation(string Name, Func<int, int, Task<bool>> OverHttp, Func<int, int, Task<bool>> InProcess);

public static class Operations
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    public static IEnumerable<Operation> All(BenchCluster cluster, UserPool pool)
    {
        var members = pool.Members;
        var nodes = cluster.BaseAddresses.Count;
        UserPool.Member Pick(int i) => members[i % members.Count];
        HttpClient Http(int client, int i) => Pick(i).ClientPerNode[(client + i) % nodes];

        yield return new Operation("profile read",
            async (client, i) => (await Http(client, i).GetAsync($"/api/users/{Pick(i).UserId}")).IsSuccessStatusCode,
            async (_, i) => await cluster.Users.Ask<object>(new GetUserProfile(Pick(i).UserId), AskTimeout) is UserProfile);

        // A new display name every time, so every request persists an event.
        yield return new Operation("profile update (persisted)",
            async (client, i) => (await Http(client, i).PatchAsJsonAsync($"/api/users/{Pick(i).UserId}", new { displayName = $"http {i}" })).IsSuccessStatusCode,
            async (_, i) => await cluster.Users.Ask<object>(new UpdateUserProfile(Pick(i).UserId, $"direct {i}"), AskTimeout) is UserProfile);
    }
}
