using MediaPlatform.Specs.Support.Processes;

namespace MediaPlatform.Specs.Chaos;

/// <summary>Accounts for a spec: users signed up (spread over the nodes) with an approving default card.</summary>
public static class ChaosSignUp
{
    public static async Task<IReadOnlyList<ChaosAccount>> AccountsAsync(NodeProcessCluster cluster, int count)
    {
        var apis = cluster.Nodes.Select(n => new NodeApi(n)).ToArray();
        try
        {
            using var fourAtOnce = new SemaphoreSlim(4);
            return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                await fourAtOnce.WaitAsync();
                try
                {
                    var (userId, token) = await apis[i % apis.Length].SignUpWithCardAsync($"viewer-{i}", ChaosAccount.ApprovingCard);
                    return new ChaosAccount(userId, token);
                }
                finally { fourAtOnce.Release(); }
            }));
        }
        finally
        {
            foreach (var api in apis) api.Dispose();
        }
    }
}
