using Akka.Actor;

namespace MediaPlatform.Actors.Entities;

/// <summary>
/// This node's view of whether its journal takes writes, fed by every <see cref="EventSourcedEntity{TState,TCommand,TEvent}"/>:
/// failing while the latest persist failure is newer than the latest success and younger than
/// <see cref="Window"/> (<c>media-platform.persistence.write-failure-window</c>). Readiness reads it, so a node that
/// cannot store what it accepts stops getting traffic; one successful write, or a window without failures, clears it.
/// </summary>
public sealed class JournalWriteHealth : IExtension
{
    public const string WindowPath = "media-platform.persistence.write-failure-window";
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(30);

    // Orders come from one counter, so "which came last" holds even within one clock tick; the time is for the window.
    private long _order;
    private long _lastFailureOrder;
    private long _lastSuccessOrder;
    private long _lastFailureAt;
    private long _failures;

    public JournalWriteHealth(TimeSpan window) => Window = window;

    public TimeSpan Window { get; }

    /// <summary>Persist failures since start-up.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public static JournalWriteHealth Get(ActorSystem system) => system.WithExtension<JournalWriteHealth, Provider>();

    public void Succeeded() => Volatile.Write(ref _lastSuccessOrder, Interlocked.Increment(ref _order));

    /// <summary>
    /// A persist failed. A duplicate key (another incarnation of the entity wrote that sequence number first, e.g.
    /// while it moved between nodes) means the journal works and refused a second writer: it does not count.
    /// </summary>
    public void Failed(Exception cause)
    {
        if (IsDuplicateKey(cause)) return;
        Interlocked.Increment(ref _failures);
        Volatile.Write(ref _lastFailureAt, Environment.TickCount64);
        Volatile.Write(ref _lastFailureOrder, Interlocked.Increment(ref _order));
    }

    private static bool IsDuplicateKey(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException { SqlState: "23505" }) return true; // PostgreSQL unique_violation
            if (e.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal)) return true; // SQLite
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsDuplicateKey)) return true;
        }
        return false;
    }

    /// <summary>How long ago writes started failing, or null when they are not (as far as this node has seen).</summary>
    public TimeSpan? FailingFor()
    {
        var failure = Volatile.Read(ref _lastFailureOrder);
        if (failure == 0 || failure < Volatile.Read(ref _lastSuccessOrder)) return null;
        var age = TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _lastFailureAt));
        return age < Window ? age : null;
    }

    private sealed class Provider : ExtensionIdProvider<JournalWriteHealth>
    {
        // Validated at start-up with the other settings; an unparsable value here falls back rather than failing an actor.
        public override JournalWriteHealth CreateExtension(ExtendedActorSystem system)
        {
            var config = system.Settings.Config;
            TimeSpan window;
            try { window = config.HasPath(WindowPath) ? config.GetTimeSpan(WindowPath, DefaultWindow, allowInfinite: false) : DefaultWindow; }
            catch (Exception) { window = DefaultWindow; }
            return new JournalWriteHealth(window > TimeSpan.Zero ? window : DefaultWindow);
        }
    }
}
