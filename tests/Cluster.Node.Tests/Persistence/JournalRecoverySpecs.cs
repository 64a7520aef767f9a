using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Tests.Support;
using Xunit.Abstractions;

namespace MediaPlatform.Node.Tests.Persistence;

/// <summary>
/// A persistent actor writes events through the node's configured journal; the whole node restarts on the same
/// database and the actor recovers the identical state. Run against SQLite and against PostgreSQL.
/// </summary>
public sealed class JournalRecoverySpecs(ITestOutputHelper output)
{
    [Fact]
    public Task State_must_be_recovered_identically_after_a_restart_on_sqlite()
    {
        return RestartAndCompareAsync(dataDir => TestOptions.LocalNode(dataDir));
    }

    [Fact]
    public Task State_must_be_recovered_identically_after_a_restart_on_postgres()
    {
        var connectionString = TestPostgres.ConnectionString();
        var schema = $"s{Guid.NewGuid():N}"[..12];
        TestPostgres.Execute(connectionString, $"CREATE SCHEMA {schema}");
        // A fresh schema per run: the journal's tables are created there on first start.
        return RestartAndCompareAsync(dataDir => TestOptions.LocalNode(dataDir, "--postgres", $"{connectionString};Search Path={schema}"));
    }

    private async Task RestartAndCompareAsync(Func<string, NodeOptions> optionsFor)
    {
        using var dir = new TempDirectory();
        var options = optionsFor(Path.Combine(dir.Path, "data"));
        var id = Guid.NewGuid().ToString("N");

        Counter.State written;
        await using (var first = await TestNodeHost.StartAsync(options))
        {
            written = await CounterClient.IncrementAsync(first.System, id, times: 12);
        }
        Assert.Equal(78, written.Total); // 1 + 2 + ... + 12
        Assert.Equal(12, written.LastSequenceNr);

        // A new node process would bind the same ports; a new host on the same database is the same restart.
        await using var second = await TestNodeHost.StartAsync(options with { HttpPort = FreePorts.Next(), RemotePort = FreePorts.Next() });
        var recovered = await CounterClient.ReadAsync(second.System, id);
        output.WriteLine($"written {written.Total} in {written.LastSequenceNr} events; recovered {recovered.Total} at seq {recovered.LastSequenceNr}");

        Assert.Equal(written.Total, recovered.Total);
        Assert.Equal(written.History, recovered.History);
        Assert.Equal(written.LastSequenceNr, recovered.LastSequenceNr);
    }
}
