using Akka.Actor;
using Akka.Configuration;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node;

/// <summary>
/// Runs the node's command line: parse, check, build, run. Every way a bad configuration can fail ends here as one
/// line on stderr and a non-zero exit code, never a stack trace.
/// </summary>
public static class NodeCommand
{
    public const int ExitBadConfiguration = 2;
    public const int ExitStartFailed = 3;
    /// <summary>The cluster downed this node (split-brain resolver or an operator): a supervisor should restart it.</summary>
    public const int ExitDowned = 4;

    public static async Task<int> RunAsync(string[] args, Func<NodeOptions, NodeConfiguration, WebApplication> build)
    {
        if (args.Length > 0 && args[0] == MigrateCommand.Name)
            return await MigrateCommand.RunAsync(args[1..], EnvironmentVariables());

        NodeOptions? options;
        NodeConfiguration configuration;
        bool schemaLocked;
        try
        {
            options = NodeOptionsParser.Parse(args, EnvironmentVariables(), AppContext.BaseDirectory);
            if (options is null)
            {
                Console.Out.Write(NodeOptionsParser.HelpText());
                return 0;
            }
            // Every media-platform.* setting is read and checked here, once; the host is built from the result.
            configuration = NodeConfiguration.Load(options);
            await StartupChecks.RunAsync(options, configuration.Settings.StartupCheckTimeout);
            schemaLocked = options.UsesPostgres && Persistence.JournalSchema.LockEnabled(configuration.Hocon);
        }
        catch (Exception e) when (e is OptionsException or ConfigurationException)
        {
            return Fail(ExitBadConfiguration, e.Message);
        }

        // Nodes starting together on a fresh PostgreSQL database would create the journal tables at the same time
        // (one fails with 23505 on pg_type): create them first, one process at a time, under an advisory lock.
        if (schemaLocked)
        {
            try
            {
                await Persistence.JournalSchema.EnsureAsync(options, configuration, TimeSpan.FromSeconds(60));
            }
            catch (Exception e)
            {
                return Fail(ExitStartFailed, $"could not create the journal's tables: {Innermost(e).Message}");
            }
        }

        WebApplication app;
        try
        {
            app = build(options, configuration);
            await app.StartAsync();
            if (options.TokenKeyGenerated)
                app.Logger.LogWarning("no --token-key given: user tokens are signed with a random key made for this process and die with it; set NODE_TOKEN_KEY or --token-key-file to keep them across restarts");
        }
        catch (Exception e) when (e is OptionsException or ConfigurationException)
        {
            return Fail(ExitBadConfiguration, e.Message);
        }
        catch (Exception e)
        {
            return Fail(ExitStartFailed, $"node failed to start: {Innermost(e).Message}");
        }

        await app.WaitForShutdownAsync();
        var reason = CoordinatedShutdown.Get(app.Services.GetRequiredService<ActorSystem>()).ShutdownReason;
        await app.DisposeAsync();
        if (reason is Hosting.RemoteProtocolMismatch mismatch)
            return Fail(ExitBadConfiguration, mismatch.Message);
        if (reason is CoordinatedShutdown.ClusterDowningReason)
            return Fail(ExitDowned, "this node was downed by the cluster and shut down; restart it to rejoin as a new member");
        return 0;
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return code;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }

    private static Dictionary<string, string?> EnvironmentVariables() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string);
}
