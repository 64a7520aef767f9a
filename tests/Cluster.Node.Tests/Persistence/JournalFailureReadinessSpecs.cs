using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Persistence;

/// <summary>
/// A node whose journal refuses writes reports itself not ready, so the balancer and Kubernetes stop sending it
/// requests it cannot store, and ready again once a write succeeds. The journal is made to fail for real: another
/// connection holds SQLite's write lock (BEGIN EXCLUSIVE) longer than the node's busy time-out.
/// </summary>
public sealed class JournalFailureReadinessSpecs(JournalFailureNodeFixture fixture, ITestOutputHelper output) : IClassFixture<JournalFailureNodeFixture>
{
    [Fact]
    public async Task Failing_journal_writes_turn_readiness_503_until_a_write_succeeds_again()
    {
        var node = fixture.Node;
        var user = await node.Api.NewUserAsync("journal", "Journal");
        using var client = node.ClientWithToken(user.Token);
        var profile = $"/api/users/{user.UserId}";
        Assert.Equal(HttpStatusCode.OK, (await node.Http.GetAsync("/health/ready")).StatusCode);

        Task<HttpResponseMessage> refusedWrite;
        await using (var locker = new SqliteConnection($"Data Source={node.Options.SqliteFile}"))
        {
            await locker.OpenAsync();
            await using var exclusive = locker.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            await exclusive.ExecuteNonQueryAsync();

            refusedWrite = client.PatchAsJsonAsync(profile, new { displayName = "Never stored" });
            var took = await Eventually.AwaitAsync(async () =>
                (await node.Http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.ServiceUnavailable,
                TimeSpan.FromSeconds(30), "readiness to turn 503 while the journal is locked");
            var report = await (await node.Http.GetAsync("/health/ready")).Content.ReadAsStringAsync();
            output.WriteLine($"not ready {took.TotalMilliseconds:0} ms after the write was sent: {report}");
            Assert.Contains("journal writes failing", report);
            Assert.Equal(HttpStatusCode.OK, (await node.Http.GetAsync("/health/live")).StatusCode);

            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        // The write the journal refused was never acknowledged.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await refusedWrite).StatusCode);

        // Unlocked: the next write is stored, and that success makes the node ready again (the failure window is a minute).
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync(profile, new { displayName = "Stored" })).StatusCode);
        await Eventually.AwaitAsync(async () => (await node.Http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(15), "readiness to be 200 once a write succeeded");
        Assert.Equal("Stored", (await client.GetFromJsonAsync<System.Text.Json.JsonElement>(profile)).GetProperty("displayName").GetString());
    }
}
