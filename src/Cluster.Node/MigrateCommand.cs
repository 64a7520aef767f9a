using Akka.Configuration;
using MediaPlatform.Node.Configuration;
using MediaPlatform.Node.Persistence;
using Npgsql;

namespace MediaPlatform.Node;

/// <summary>
/// `Cluster.Node migrate [flags]`: creates the journal, tag and snapshot tables (idempotently, under the schema
/// lock on PostgreSQL) and exits 0. Run it once before starting a cluster on a fresh database — the run script and
/// the Kubernetes manifests (an init container) do. It takes the node's own flags and variables (--postgres /
/// NODE_POSTGRES, --sqlite-file, --config …) and ignores the ones about ports and the cluster.
/// </summary>
public static class MigrateCommand
{
    public const string Name = "migrate";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?> environment)
    {
        NodeOptions? options;
        NodeConfiguration configuration;
        try
        {
            options = NodeOptionsParser.Parse(args, environment, AppContext.BaseDirectory);
            if (options is null)
            {
                Console.Out.WriteLine("Cluster.Node migrate [--postgres CONNSTR | --sqlite-file FILE] [--config FILE]: create the journal's tables and exit 0.");
                return 0;
            }
            configuration = NodeConfiguration.Load(options);
            if (!options.UsesPostgres) Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.SqliteFile))!);
        }
        catch (Exception e) when (e is OptionsException or ConfigurationException or IOException or UnauthorizedAccessException)
        {
            return Fail(NodeCommand.ExitBadConfiguration, e.Message);
        }

        try
        {
            var where = await JournalSchema.EnsureAsync(options, configuration, Timeout);
            Console.Out.WriteLine($"schema ready: journal, tag and snapshot tables in {where}");
            return 0;
        }
        catch (Exception e) when (e is SchemaException or NpgsqlException or TimeoutException)
        {
            return Fail(NodeCommand.ExitStartFailed, $"migrate failed: {e.Message}");
        }
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return code;
    }
}
