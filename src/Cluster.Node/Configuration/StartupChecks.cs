using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MediaPlatform.Node.Configuration;

/// <summary>
/// Checks what the flags point at before anything starts, so a bad value ends with one clear line instead of a
/// half-started node: the data directory is writable, the ports are free, the database answers.
/// </summary>
public static class StartupChecks
{
    public static async Task RunAsync(NodeOptions options, TimeSpan databaseTimeout)
    {
        EnsureWritableDirectory(options.DataDirectory, "data directory");
        EnsureWritableDirectory(options.BlobDirectory, "blob directory (--blob-dir)");
        EnsureWritableDirectory(options.WorkDirectory, "transcode work directory (--work-dir)");
        if (!options.UsesPostgres)
            EnsureWritableDirectory(Path.GetDirectoryName(options.SqliteFile)!, "SQLite journal directory");
        EnsureConfigDirectory(options.ConfigDirectory);
        if (options.ExtraConfigFile is { } extra && !File.Exists(extra))
            throw new OptionsException($"config file '{extra}' does not exist");

        if (options.RemoteTlsCertificateFile is { } certificate)
            MediaPlatform.Node.Hosting.RemoteTls.LoadCertificate(certificate, options.RemoteTlsCertificatePassword).Dispose();

        EnsurePortFree(options.Hostname, options.HttpPort, "HTTP port (--http-port)");
        if (options.ManagementPort is { } managementPort)
            EnsurePortFree(options.Hostname, managementPort, "management port (--management-port)");
        if (options.GrpcPort is { } grpcPort)
            EnsurePortFree(options.Hostname, grpcPort, "gRPC port (--grpc-port)");
        if (options.EdgePort is { } edgePort)
            EnsurePortFree(options.Hostname, edgePort, "edge port (--edge-port)");
        if (options.RemotePort != 0)
            EnsurePortFree(options.Hostname, options.RemotePort, "remoting port (--remote-port)");

        if (options.UsesPostgres)
            await EnsurePostgresAnswersAsync(options.PostgresConnectionString!, databaseTimeout);
    }

    private static void EnsureWritableDirectory(string path, string what)
    {
        try
        {
            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-probe-{Environment.ProcessId}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            var reason = FileInTheWay(path) is { } file ? $"'{file}' is a file, not a directory" : e.Message;
            throw new OptionsException($"{what} '{path}' is not writable: {reason}");
        }
    }

    private static string? FileInTheWay(string path)
    {
        for (var p = Path.GetFullPath(path); !string.IsNullOrEmpty(p); p = Path.GetDirectoryName(p))
            if (File.Exists(p)) return p;
        return null;
    }

    private static void EnsureConfigDirectory(string path)
    {
        if (!File.Exists(Path.Combine(path, "akka.hocon")))
            throw new OptionsException($"config directory '{path}' has no akka.hocon (set --config-dir)");
    }

    private static void EnsurePortFree(string hostname, int port, string what)
    {
        var address = ResolveBindAddress(hostname);
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new OptionsException($"{what} {port} on {hostname} is already in use");
        }
        catch (SocketException e)
        {
            throw new OptionsException($"cannot bind {what} {port} on {hostname}: {e.Message}");
        }
    }

    internal static IPAddress ResolveBindAddress(string hostname)
    {
        if (IPAddress.TryParse(hostname, out var ip)) return ip;
        try
        {
            return Dns.GetHostAddresses(hostname).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? throw new OptionsException($"hostname '{hostname}' has no IPv4 address");
        }
        catch (SocketException e)
        {
            throw new OptionsException($"hostname '{hostname}' does not resolve: {e.Message}");
        }
    }

    private static async Task EnsurePostgresAnswersAsync(string connectionString, TimeSpan timeout)
    {
        NpgsqlConnectionStringBuilder csb;
        try { csb = new NpgsqlConnectionStringBuilder(connectionString); }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new OptionsException($"PostgreSQL connection string is malformed: {e.Message}");
        }
        var target = $"{csb.Host}:{csb.Port}/{csb.Database}";
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cts.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new OptionsException($"PostgreSQL at {target} did not answer within {timeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or InvalidOperationException or ArgumentException)
        {
            throw new OptionsException($"cannot reach PostgreSQL at {target}: {FirstLine(e.Message)}");
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
