using System.Net;
using System.Net.Sockets;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Configuration;

public sealed class StartupChecksSpecs
{
    private static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_port_in_use_must_be_reported_by_flag_and_number()
    {
        using var dir = new TempDirectory();
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var busy = ((IPEndPoint)holder.LocalEndpoint).Port;
        var options = TestOptions.LocalNode(dir.Path) with { HttpPort = busy };

        var error = await Assert.ThrowsAsync<OptionsException>(() => StartupChecks.RunAsync(options, DatabaseTimeout));
        Assert.Equal($"HTTP port (--http-port) {busy} on 127.0.0.1 is already in use", error.Message);
    }

    [Fact]
    public async Task A_grpc_port_in_use_must_be_reported_by_flag_and_number()
    {
        using var dir = new TempDirectory();
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var busy = ((IPEndPoint)holder.LocalEndpoint).Port;
        var options = TestOptions.LocalNode(dir.Path, "--grpc-port", busy.ToString());

        var error = await Assert.ThrowsAsync<OptionsException>(() => StartupChecks.RunAsync(options, DatabaseTimeout));
        Assert.Equal($"gRPC port (--grpc-port) {busy} on 127.0.0.1 is already in use", error.Message);
    }

    [Fact]
    public async Task An_unwritable_data_directory_must_be_refused()
    {
        using var dir = new TempDirectory();
        var aFile = Path.Combine(dir.Path, "plain-file");
        await File.WriteAllTextAsync(aFile, "not a directory");
        var options = TestOptions.LocalNode(Path.Combine(aFile, "data"));

        var error = await Assert.ThrowsAsync<OptionsException>(() => StartupChecks.RunAsync(options, DatabaseTimeout));
        Assert.Equal($"data directory '{Path.Combine(aFile, "data")}' is not writable: '{aFile}' is a file, not a directory", error.Message);
    }

    [Fact]
    public async Task An_unreachable_postgres_must_be_refused_with_its_address()
    {
        using var dir = new TempDirectory();
        var closedPort = FreePorts.Next();
        var options = TestOptions.LocalNode(dir.Path, "--postgres", $"Host=127.0.0.1;Port={closedPort};Database=media;Username=u;Timeout=3");

        var error = await Assert.ThrowsAsync<OptionsException>(() => StartupChecks.RunAsync(options, DatabaseTimeout));
        Assert.StartsWith($"cannot reach PostgreSQL at 127.0.0.1:{closedPort}/media", error.Message);
    }

    [Fact]
    public async Task A_malformed_postgres_connection_string_must_be_refused()
    {
        using var dir = new TempDirectory();
        var options = TestOptions.LocalNode(dir.Path, "--postgres", "this is not=a;connection string");

        var error = await Assert.ThrowsAsync<OptionsException>(() => StartupChecks.RunAsync(options, DatabaseTimeout));
        Assert.StartsWith("PostgreSQL connection string is malformed", error.Message);
    }

    [Fact]
    public async Task A_config_directory_without_akka_hocon_must_be_refused()
    {
        using var dir = new TempDirectory();
        var options = TestOptions.LocalNode(dir.Path, "--config-dir", dir.Path);

        var error = await Assert.ThrowsAsync<OptionsException>(() => StartupChecks.RunAsync(options, DatabaseTimeout));
        Assert.Contains("has no akka.hocon", error.Message);
    }

    [Fact]
    public async Task Free_ports_and_a_writable_directory_must_pass_and_create_the_directory()
    {
        using var dir = new TempDirectory();
        var dataDir = Path.Combine(dir.Path, "nested", "data");
        await StartupChecks.RunAsync(TestOptions.LocalNode(dataDir), DatabaseTimeout);
        Assert.True(Directory.Exists(dataDir));
    }
}
