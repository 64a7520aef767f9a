using System.Diagnostics;
using MediaPlatform.Node;
using MediaPlatform.Specs.MultiProcess;
using MediaPlatform.Specs.Support.Processes;
using Xunit.Abstractions;

namespace MediaPlatform.Specs.Chaos;

/// <summary>
/// Chaos with load: three node processes on a shared journal serve a bounded load of title orders and invoice
/// payments (each with an Idempotency-Key, retried on another node when a node fails the client) while nodes are
/// killed, frozen and restarted on a schedule. Afterwards every node is read back: every acknowledged command is
/// stored exactly once, nothing is stored twice or unasked, and all nodes answer every read identically.
/// Short mode by default; CHAOS_LONG=1 runs a longer, seeded schedule (see <see cref="ChaosMode"/>).
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class ChaosWithLoadSpecs(ITestOutputHelper output)
{
    /// <summary>Above the API's own 10 s entity timeout, so a slow node answers 503 rather than being abandoned.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan ReadBackTimeout = TimeSpan.FromSeconds(60);
    private const int MinimumAckedOrders = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    [Fact]
    public async Task Every_acknowledged_command_is_stored_exactly_once_through_kills_freezes_and_restarts()
    {
        var mode = ChaosMode.FromEnvironment();
        Note(mode.ToString());
        await using var journal = await SharedJournal.CreateAsync("chaos");
        await using var cluster = await NodeProcessCluster.StartAsync(3, new(output.WriteLine, journal.ConnectionString, ChaosNodeConfig.Arguments));
        await cluster.AwaitAllUpAsync(SpecTimeouts.Formation);
        Note($"3 nodes Up on the journal: {journal.Description}");

        var apis = cluster.Nodes.Select(n => new NodeApi(n, RequestTimeout)).ToArray();
        var accounts = await ChaosSignUp.AccountsAsync(cluster, mode.Clients * mode.AccountsPerClient);
        Note($"{accounts.Count} accounts signed up, each with an approving card");

        var log = new CommandLog();
        var injector = new FaultInjector(cluster, _clock, Note);
        await RunLoadUnderFaultsAsync(mode, apis, accounts, log, injector);

        var reads = await ReadsFromEveryNode.ReadAsync(apis, accounts, ReadBackTimeout);
        var audit = ExactlyOnceAudit.Check(log.Records, reads.Snapshots);
        Report(log, audit, reads, injector);
        foreach (var line in NodeLogErrors.Summarize(cluster.Nodes)) Note(line);

        Assert.Empty(reads.Disagreements);
        Assert.Equal(0, audit.Lost);
        Assert.Equal(0, audit.Duplicated);
        Assert.Equal(0, audit.Unrequested);
        Assert.Equal(mode.Faults.Count, injector.Records.Count);
        Assert.All(injector.Records, NoZombieAndRejoinedAsNewIncarnation);
        Assert.True(audit.AckedOrders >= MinimumAckedOrders, $"only {audit.AckedOrders} orders were acknowledged: the load did not run");
        Assert.True(log.AckedBetween(injector.Records[^1].At + injector.Records[^1].RecoveredAfter!.Value, TimeSpan.MaxValue) > 0,
            "nothing was acknowledged after the last recovery");
        foreach (var api in apis) api.Dispose();
        cluster.MarkPassed();
    }

    private async Task RunLoadUnderFaultsAsync(ChaosMode mode, NodeApi[] apis, IReadOnlyList<ChaosAccount> accounts, CommandLog log,
        FaultInjector injector)
    {
        var runId = Guid.NewGuid().ToString("N")[..8];
        using var stop = new CancellationTokenSource();
        var clients = Enumerable.Range(0, mode.Clients)
            .Select(i => new LoadClient(i, accounts.Skip(i * mode.AccountsPerClient).Take(mode.AccountsPerClient).ToArray(), apis, runId,
                mode.PauseBetweenCommands, _clock, log).RunAsync(stop.Token))
            .ToArray();
        Note($"load started: {mode.Clients} clients");
        try
        {
            await injector.RunAsync(mode.Faults, mode.HealthyGap);
            await Task.Delay(mode.HealthyGap); // the recovered cluster serves the load once more before it stops
        }
        finally
        {
            stop.Cancel();
            await Task.WhenAll(clients); // commands in flight finish (or give up), so every outcome is known
        }
        foreach (var record in injector.Records)
            record.AckedDuring = log.AckedBetween(record.At, record.At + (record.RecoveredAfter ?? TimeSpan.Zero));
        Note($"load stopped: {log.Records.Count} commands sent");
    }

    private static void NoZombieAndRejoinedAsNewIncarnation(FaultRecord record)
    {
        Assert.False(record.LingeredAsZombie, $"{record}");
        if (record.ExitCode is { } code) Assert.True(code == NodeCommand.ExitDowned, $"{record}");
        if (record.Fault.Kind == FaultKind.FreezeUntilDowned) Assert.True(record.ExitCode == NodeCommand.ExitDowned, $"{record}");
        if (record.Restarted) Assert.True(record.RejoinedAsNewIncarnation, $"{record}");
        else Assert.True(record.NewUid == record.OldUid, $"{record}");
    }

    private void Report(CommandLog log, ExactlyOnceAudit audit, ReadsFromEveryNode.Outcome reads, FaultInjector injector)
    {
        var records = log.Records;
        int Count(CommandOutcome o) => records.Count(r => r.Outcome == o);
        Note("fault schedule:");
        foreach (var fault in injector.Records) Note($"  {fault.WithLoad()}");
        Note($"commands: {records.Count} sent ({records.Count(r => r.Kind == CommandKind.TitleOrder)} orders, " +
             $"{records.Count(r => r.Kind == CommandKind.InvoicePayment)} payments), " +
             $"{records.Sum(r => r.Attempts)} attempts, {records.Count(r => r.Attempts > 1)} retried, {records.Sum(r => r.ServerErrors)} 5xx answers");
        Note($"acked {Count(CommandOutcome.Acked)} ({audit.AckedOrders} orders, {audit.AckedPayments} payments), " +
             $"lost {audit.Lost}, duplicated {audit.Duplicated}, unrequested {audit.Unrequested}, " +
             $"failed-and-reported {Count(CommandOutcome.GaveUp) + Count(CommandOutcome.Refused)} " +
             $"(gave up {Count(CommandOutcome.GaveUp)}, refused {Count(CommandOutcome.Refused)}; applied anyway {audit.UnackedButApplied})");
        foreach (var failed in records.Where(r => r.Outcome != CommandOutcome.Acked).Take(20))
            Note($"  reported: {failed.Key} after {failed.Attempts} attempts: {failed.Error}");
        Note($"read back: {reads.ReadsCompared} reads (every account, every node) in {reads.Took.TotalSeconds:0.0} s, " +
             $"{reads.Disagreements.Count} accounts not answered identically");
        foreach (var disagreement in reads.Disagreements.Take(20)) Note($"  {disagreement}");
        foreach (var finding in audit.Findings.Take(50)) Note($"  {finding}");
    }

    private void Note(string message) => output.WriteLine($"[{_clock.Elapsed.TotalSeconds,6:0.0} s] {message}");
}
