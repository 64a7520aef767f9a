namespace MediaPlatform.Testing.Processes;

/// <summary>How a <see cref="NodeProcessCluster"/> differs from the default (shared SQLite journal, shipped settings).</summary>
/// <param name="FailureLog">Receives every node's log when the cluster is disposed before MarkPassed (a spec's output).</param>
/// <param name="PostgresConnectionString">The shared journal in PostgreSQL instead of the SQLite file.</param>
/// <param name="ExtraArguments">Appended to every node's shared command line (e.g. --management-mutations, --config).</param>
/// <param name="Cores">The CPU core each node is pinned to with taskset (null: not pinned); one entry per node.</param>
public sealed record NodeProcessClusterOptions(
    Action<string>? FailureLog = null,
    string? PostgresConnectionString = null,
    IReadOnlyList<string>? ExtraArguments = null,
    IReadOnlyList<int?>? Cores = null);
