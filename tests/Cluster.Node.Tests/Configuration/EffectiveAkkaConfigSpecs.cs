using Akka.Cluster;
using Microsoft.Data.Sqlite;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Configuration;

/// <summary>Starts the node's real actor system from flags and checks the config Akka actually runs with.</summary>
public sealed class EffectiveAkkaConfigSpecs
{
    [Fact]
    public async Task Flags_and_shared_hocon_must_end_up_in_the_running_actor_system()
    {
        using var dir = new TempDirectory();
        var site = Path.Combine(dir.Path, "site.hocon");
        await File.WriteAllTextAsync(site, "akka.cluster.split-brain-resolver.stable-after = 11s\nakka.remote.dot-netty.tcp.port = 1");
        var options = TestOptions.LocalNode(Path.Combine(dir.Path, "data"), "--roles", "api,media", "--config", site, "--node-name", "cfg-test");

        await using var node = await TestNodeHost.StartAsync(options);
        var config = node.System.Settings.Config;

        // identity from flags, and a flag wins even over an operator file that tries to set the same key
        Assert.Equal(options.RemotePort, config.GetInt("akka.remote.dot-netty.tcp.port"));
        Assert.Equal("127.0.0.1", config.GetString("akka.remote.dot-netty.tcp.hostname"));
        Assert.Equal(["api", "media"], config.GetStringList("akka.cluster.roles"));
        // tuning from config/*.hocon and the operator's file
        Assert.Equal(TimeSpan.FromSeconds(11), config.GetTimeSpan("akka.cluster.split-brain-resolver.stable-after"));
        Assert.Equal("keep-majority", config.GetString("akka.cluster.split-brain-resolver.active-strategy"));
        // persistence: embedded SQLite in the data directory, single writer
        Assert.Equal("SQLite.MS", config.GetString("akka.persistence.journal.sql.provider-name"));
        Assert.Equal(1, config.GetInt("akka.persistence.journal.sql.parallelism"));
        // events are written by the batched journal, into the plugin's tables on the same SQLite file
        Assert.Equal("akka.persistence.journal.batched", config.GetString("akka.persistence.journal.plugin"));
        Assert.Equal("sqlite", config.GetString("akka.persistence.journal.batched.database"));
        Assert.Contains(options.SqliteFile, config.GetString("akka.persistence.journal.batched.connection-string"));
        Assert.Equal("akka.persistence.snapshot-store.sql", config.GetString("akka.persistence.snapshot-store.plugin"));

        // no seeds, no discovery: the node forms a cluster of its own
        await Eventually.AwaitAsync(() => Cluster.Get(node.System).SelfMember.Status == MemberStatus.Up, TimeSpan.FromSeconds(30));
        Assert.Equal(options.SelfAddress, Cluster.Get(node.System).SelfAddress.ToString());
    }

    [Fact]
    public async Task The_sqlite_journal_must_be_created_on_first_start_in_wal_mode()
    {
        using var dir = new TempDirectory();
        var options = TestOptions.LocalNode(Path.Combine(dir.Path, "data"));
        await using (var node = await TestNodeHost.StartAsync(options))
        {
            await CounterClient.IncrementAsync(node.System, "wal-check", 1);
        }

        Assert.True(File.Exists(options.SqliteFile));
        await using var connection = new SqliteConnection($"Data Source={options.SqliteFile}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        // WAL is a property of the file: it proves our connection tuning ran on the journal's connections.
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }
}
