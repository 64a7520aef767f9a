namespace MediaPlatform.Bench.Projections;

/// <summary>
/// The --lag run's knobs. The defaults are the chaos spec's short mode (4 clients × 3 accounts, 150 ms between
/// rounds) run for a minute, with the projections' host killed at the half.
/// </summary>
/// <param name="Seconds">How long the write load runs; the kill comes at the half.</param>
/// <param name="Clients">Concurrent load clients, each one command at a time.</param>
/// <param name="AccountsPerClient">Accounts each client starts with (every sign-up of the load adds one).</param>
/// <param name="Pause">Between one client's rounds, as the chaos spec's LoadClient pauses.</param>
/// <param name="SignUpEvery">Every this many rounds a client signs a new user up, adds a card and subscribes.</param>
/// <param name="CatchUpDeadline">How long every projection may take to reach 0 events behind after the load stops.</param>
public sealed record LagOptions(int Seconds, int Clients, int AccountsPerClient, TimeSpan Pause, int SignUpEvery, TimeSpan CatchUpDeadline)
{
    public static readonly LagOptions Default = new(60, 4, 3, TimeSpan.FromMilliseconds(150), 5, TimeSpan.FromSeconds(120));

    /// <summary>How often every projection's lag is read from GET /cluster/projections.</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(250);

    public TimeSpan KillAt => TimeSpan.FromSeconds(Seconds / 2.0);
}
