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

    private long _lastFailure = long.MinValue;
    private long _lastSuccess = long.MinValue;
    private long _failures;

    public JournalWriteHealth(TimeSpan window) => Window = window;

    public TimeSpan Window { get; }

    /// <summary>Persist failures since start-up.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public static JournalWriteHealth Get(ActorSystem system) => system.WithExtension<JournalWriteHealth, Provider>();

    public void Succeeded() => Volatile.Write(ref _lastSuccess, Environment.TickCount64);

    public void Failed()
    {
        Interlocked.Increment(ref _failures);
        Volatile.Write(ref _lastFailure, Environment.TickCount64);
    }

    /// <summary>How long ago writes started failing, or null when they are not (as far as this node has seen).</summary>
    public TimeSpan? FailingFor()
    {
        var failure = Volatile.Read(ref _lastFailure);
        if (failure == long.MinValue || failure < Volatile.Read(ref _lastSuccess)) return null;
        var age = TimeSpan.FromMilliseconds(Environment.TickCount64 - failure);
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
