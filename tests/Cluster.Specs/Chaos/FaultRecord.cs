namespace MediaPlatform.Specs.Chaos;

/// <summary>What one injected fault did, as the run's fault schedule prints it.</summary>
public sealed class FaultRecord(int number, PlannedFault fault, string node, string address, long oldUid, TimeSpan at)
{
    public int Number => number;
    public PlannedFault Fault => fault;
    public string Node => node;
    public string Address => address;
    public long OldUid => oldUid;

    /// <summary>When the fault was injected, counted from the start of the run.</summary>
    public TimeSpan At => at;

    /// <summary>Until the survivors had downed and removed the victim (faults that wait for it).</summary>
    public TimeSpan? DownedAfter { get; set; }

    /// <summary>The victim's own exit code when it ended by itself (downed, then woken or shut down).</summary>
    public int? ExitCode { get; set; }

    /// <summary>A downed node that was still running long after SIGCONT: it would have served as a zombie.</summary>
    public bool LingeredAsZombie { get; set; }

    public bool Restarted { get; set; }

    /// <summary>From SIGCONT to the woken victim's exit.</summary>
    public TimeSpan? ExitedAfterWaking { get; set; }

    /// <summary>Until every node, the victim included, was Up again in every view.</summary>
    public TimeSpan? RecoveredAfter { get; set; }

    public long? NewUid { get; set; }

    public bool RejoinedAsNewIncarnation => Restarted && NewUid is { } uid && uid != OldUid;

    /// <summary>Acknowledged commands while the fault lasted (injection to recovery).</summary>
    public int AckedDuring { get; set; }

    public override string ToString() =>
        $"#{Number} +{At.TotalSeconds:0.0}s {Fault.Kind} {Node} ({Address}, uid {OldUid})" +
        (DownedAfter is { } d ? $", downed after {d.TotalSeconds:0.0}s" : "") +
        (ExitCode is { } e ? $", exited {e}{(ExitedAfterWaking is { } w ? $" {w.TotalSeconds:0.0}s after SIGCONT" : "")}" : "") +
        (LingeredAsZombie ? ", STILL RUNNING after SIGCONT (zombie)" : "") +
        (Restarted ? $", restarted -> uid {NewUid}{(RejoinedAsNewIncarnation ? " (new incarnation)" : " (SAME uid)")}" : $", stayed uid {NewUid}") +
        $", all Up after {RecoveredAfter?.TotalSeconds:0.0}s";

    /// <summary>As the run's summary prints it, once the load's outcome is known.</summary>
    public string WithLoad() => $"{this}, {AckedDuring} commands acked meanwhile";
}
