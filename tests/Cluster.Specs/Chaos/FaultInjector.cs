using System.Diagnostics;
using MediaPlatform.Specs.MultiProcess;

namespace MediaPlatform.Specs.Chaos;

/// <summary>
/// Runs a fault schedule against a <see cref="NodeProcessCluster"/>: one fault at a time (a 3-node cluster keeps its
/// majority only if no two nodes are out at once), each followed by recovery — every stopped node restarted on its
/// own ports and all nodes Up again — and a healthy gap in which the load runs undisturbed.
/// </summary>
public sealed class FaultInjector(NodeProcessCluster cluster, Stopwatch runClock, Action<string> note)
{
    /// <summary>Longer than the failure detector's acceptable pause (3 s), far shorter than detection plus SBR's stable-after.</summary>
    public static readonly TimeSpan BriefFreezeLength = TimeSpan.FromSeconds(4);

    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(120);
    private readonly List<FaultRecord> _records = [];
    private int _roundRobin;

    public IReadOnlyList<FaultRecord> Records => _records;

    public async Task RunAsync(IReadOnlyList<PlannedFault> plan, TimeSpan healthyGap)
    {
        for (var i = 0; i < plan.Count; i++)
        {
            await Task.Delay(healthyGap); // the load runs on a healthy cluster between faults
            var record = await InjectAsync(i + 1, plan[i]);
            _records.Add(record);
            note($"fault {record}");
        }
    }

    private async Task<FaultRecord> InjectAsync(int number, PlannedFault fault)
    {
        var view = await CompleteViewAsync();
        var victim = Choose(fault.Victim, view);
        var address = AddressOf(victim, view);
        var survivors = cluster.Nodes.Where(n => n != victim).ToArray();
        var record = new FaultRecord(number, fault, victim.Name, address, view.Members.Single(m => m.Node == address).NodeUid, runClock.Elapsed);
        note($"fault #{number}: {fault.Kind} on {victim.Name}");
        var clock = Stopwatch.StartNew();

        switch (fault.Kind)
        {
            case FaultKind.KillAndRestart:
                victim.Kill();
                await victim.WaitForExitAsync(SpecTimeouts.GracefulExit);
                break;
            case FaultKind.KillUntilDowned:
                victim.Kill();
                record.DownedAfter = await AwaitRemovedAsync(survivors, address);
                break;
            case FaultKind.BriefFreeze:
                victim.Stop();
                await Task.Delay(BriefFreezeLength); // the fault itself lasts this long; nothing is awaited
                victim.Cont();
                break;
            case FaultKind.FreezeUntilDowned:
                victim.Stop();
                record.DownedAfter = await AwaitRemovedAsync(survivors, address);
                victim.Cont();
                var woken = Stopwatch.StartNew();
                try
                {
                    record.ExitCode = await victim.WaitForExitAsync(SpecTimeouts.GracefulExit);
                    record.ExitedAfterWaking = woken.Elapsed;
                }
                catch (TimeoutException)
                {
                    record.LingeredAsZombie = true;
                    victim.Kill();
                }
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, null);
        }

        await RecoverAsync(victim, record);
        record.RecoveredAfter = clock.Elapsed;
        var after = await victim.GetMembersAsync();
        record.NewUid = after.Members.Single(m => m.Node == address).NodeUid;
        return record;
    }

    /// <summary>
    /// Restarts the victim if it is down (or goes down meanwhile: a briefly frozen node may still have been downed)
    /// and waits until every node sees every other Up.
    /// </summary>
    private async Task RecoverAsync(NodeProcess victim, FaultRecord record)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!victim.IsRunning)
            {
                if (record.ExitCode is null && !record.Restarted && record.Fault.Kind == FaultKind.BriefFreeze)
                    record.ExitCode = await victim.WaitForExitAsync(SpecTimeouts.GracefulExit);
                await cluster.RestartAsync(victim);
                record.Restarted = true;
            }
            try
            {
                await cluster.AwaitAllUpAsync(Recovery);
                return;
            }
            catch (NodeExitedException) when (attempt < 3)
            {
                // The victim learned it was downed only now and shut itself down: start it again.
            }
        }
    }

    private static Task<TimeSpan> AwaitRemovedAsync(IReadOnlyCollection<NodeProcess> survivors, string address) =>
        NodeProcessCluster.AwaitViewAsync(survivors, v => !v.Has(address) && v.Unreachable.Count == 0 && v.CountUp == survivors.Count,
            SpecTimeouts.Downing, $"{address} downed and removed");

    /// <summary>
    /// A member list that names every node as Up: a victim is chosen (and recorded) only from a settled cluster. Right
    /// after a restart or a freeze one node's list can briefly lack a member the others already see.
    /// </summary>
    private async Task<ClusterMembersView> CompleteViewAsync()
    {
        ClusterMembersView? complete = null;
        await NodeProcessCluster.AwaitViewAsync([cluster.Running.First()], view =>
        {
            var settled = view.CountUp == cluster.Nodes.Count
                && cluster.Nodes.All(n => view.Members.Any(m => m.Node.EndsWith($":{n.RemotePort}", StringComparison.Ordinal)));
            if (settled) complete = view;
            return settled;
        }, Recovery, "a member list naming every node Up");
        return complete!;
    }

    private NodeProcess Choose(VictimChoice choice, ClusterMembersView view)
    {
        var host = cluster.Nodes.Single(n => AddressOf(n, view) == view.Oldest);
        if (choice == VictimChoice.SingletonHost) return host;
        var others = cluster.Nodes.Where(n => n != host).ToArray();
        return others[_roundRobin++ % others.Length];
    }

    /// <summary>A node's cluster address, found by its remoting port in a member list.</summary>
    public static string AddressOf(NodeProcess node, ClusterMembersView view) =>
        view.Members.Select(m => m.Node).Single(a => a.EndsWith($":{node.RemotePort}", StringComparison.Ordinal));
}
