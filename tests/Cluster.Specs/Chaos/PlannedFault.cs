namespace MediaPlatform.Specs.Chaos;

/// <summary>What a fault does to its victim process.</summary>
public enum FaultKind
{
    /// <summary>SIGKILL, then started again at once on the same ports: it must rejoin as a new incarnation.</summary>
    KillAndRestart,

    /// <summary>SIGKILL, left dead until the survivors have downed and removed it, then started again.</summary>
    KillUntilDowned,

    /// <summary>SIGSTOP for a few seconds (about the failure detector's pause), then SIGCONT: a GC-pause-like hiccup.</summary>
    BriefFreeze,

    /// <summary>SIGSTOP until the survivors have downed it, then SIGCONT: it must exit, never serve as a zombie; then restarted.</summary>
    FreezeUntilDowned,
}

/// <summary>Which node a fault hits: the oldest member hosts the singletons, so hitting it also moves them.</summary>
public enum VictimChoice { SingletonHost, NotSingletonHost }

public sealed record PlannedFault(FaultKind Kind, VictimChoice Victim)
{
    public override string ToString() => $"{Kind} ({Victim})";
}
