namespace MediaPlatform.Specs.Chaos;

/// <summary>
/// How hard a chaos run pushes. Short (the default, for CI) still injects every kind of fault once; long
/// (CHAOS_LONG=1) runs a seeded random schedule of many faults under more load. CHAOS_SEED replays a long schedule.
/// </summary>
public sealed record ChaosMode(
    string Name,
    int Clients,
    int AccountsPerClient,
    TimeSpan PauseBetweenCommands,
    TimeSpan HealthyGap,
    int Seed,
    IReadOnlyList<PlannedFault> Faults)
{
    public const string LongVariable = "CHAOS_LONG";
    public const string SeedVariable = "CHAOS_SEED";

    public static ChaosMode FromEnvironment() =>
        Environment.GetEnvironmentVariable(LongVariable) is "1" or "true" ? Long(SeedFromEnvironment()) : Short;

    /// <summary>One of each: a crash with an immediate restart, a brief freeze, and a freeze of the singletons' host long enough to be downed.</summary>
    public static readonly ChaosMode Short = new("short", Clients: 4, AccountsPerClient: 3,
        PauseBetweenCommands: TimeSpan.FromMilliseconds(150), HealthyGap: TimeSpan.FromSeconds(4), Seed: 0,
        Faults:
        [
            new(FaultKind.KillAndRestart, VictimChoice.NotSingletonHost),
            new(FaultKind.BriefFreeze, VictimChoice.NotSingletonHost),
            new(FaultKind.FreezeUntilDowned, VictimChoice.SingletonHost),
        ]);

    public static ChaosMode Long(int seed)
    {
        var random = new Random(seed);
        var kinds = Enum.GetValues<FaultKind>();
        var choices = Enum.GetValues<VictimChoice>();
        // Every kind at least twice, then random ones; the order is shuffled so faults meet each other's aftermath.
        var faults = kinds.Concat(kinds).Select(k => new PlannedFault(k, choices[random.Next(choices.Length)]))
            .Concat(Enumerable.Range(0, 6).Select(_ => new PlannedFault(kinds[random.Next(kinds.Length)], choices[random.Next(choices.Length)])))
            .OrderBy(_ => random.Next()).ToArray();
        return new ChaosMode("long", Clients: 6, AccountsPerClient: 4, PauseBetweenCommands: TimeSpan.FromMilliseconds(100),
            HealthyGap: TimeSpan.FromSeconds(6), seed, faults);
    }

    private static int SeedFromEnvironment() =>
        int.TryParse(Environment.GetEnvironmentVariable(SeedVariable), out var seed) ? seed : Environment.TickCount & 0xFFFF;

    public override string ToString() =>
        $"{Name} mode: {Clients} clients x {AccountsPerClient} accounts, {PauseBetweenCommands.TotalMilliseconds:0} ms between commands, " +
        $"{Faults.Count} faults{(Name == "long" ? $", seed {Seed} ({SeedVariable} replays it)" : "")}";
}
