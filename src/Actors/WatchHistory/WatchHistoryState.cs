using System.Collections.Immutable;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.WatchHistory;

/// <summary>
/// The titles one user watched, least recently watched first, at most <see cref="WatchHistorySettings.MaxTitles"/>
/// (a new title beyond that removes the oldest with an explicit event, so <see cref="Apply"/> needs no settings).
/// Which reports are worth an event is decided here (<see cref="WatchHistorySettings"/>).
/// </summary>
[Manifest("watch-history.state.v1")]
public sealed record WatchHistoryState(string UserId, ImmutableList<WatchEntry> Entries)
    : IEntityState<WatchHistoryState, IWatchHistoryEvent>, IProtocolMessage
{
    /// <summary>The longest title a report may describe (a week: anything longer is a bad report).</summary>
    public const double MaxDurationSeconds = 7 * 24 * 3600;

    /// <summary>Players report a position a little past a duration they rounded: that much over the end is the end.</summary>
    public const double EndSlackSeconds = 2;

    /// <summary>A start, pause or end at a position this close to the stored one changes nothing worth storing.</summary>
    public const double SamePositionSeconds = 0.5;

    public static WatchHistoryState Empty(string userId) => new(userId, ImmutableList<WatchEntry>.Empty);

    public WatchEntry? Find(string titleId) => Entries.Find(e => e.TitleId == titleId);

    public Decision<IWatchHistoryEvent> Handle(IWatchHistoryCommand command, DateTimeOffset now, WatchHistorySettings settings) => command switch
    {
        GetContinueWatching => Decide.Reply<IWatchHistoryEvent>(ContinueWatching(settings)),
        ReportWatchProgress c => Report(c, now, settings),
        RemoveWatchEntry c when Find(c.TitleId) is null => Decide.Reply<IWatchHistoryEvent>(new WatchEntryRemovedReply(UserId, c.TitleId, false)),
        RemoveWatchEntry c => Decide.Persist(this, new WatchEntryRemoved(c.TitleId, now), _ => new WatchEntryRemovedReply(UserId, c.TitleId, true)),
        _ => Decide.Reject<IWatchHistoryEvent>(Rejection.Invalid($"unknown watch history command {command.GetType().Name}")),
    };

    private Decision<IWatchHistoryEvent> Report(ReportWatchProgress c, DateTimeOffset now, WatchHistorySettings settings)
    {
        if (Invalid(c) is { } problem) return Decide.Reject<IWatchHistoryEvent>(Rejection.Invalid(problem));
        var position = Math.Min(c.PositionSeconds, c.DurationSeconds);
        var entry = Find(c.TitleId);
        var name = string.IsNullOrWhiteSpace(c.TitleName) ? entry?.TitleName ?? c.TitleId : c.TitleName;
        var finished = new WatchEntry(c.TitleId, name, position, c.DurationSeconds, c.Rung, now, now).IsFinished(settings);

        if (c.Kind == WatchReportKind.Started && (entry is null || now - entry.ViewStartedAt >= settings.NewViewAfter))
            return Store(c.TitleId, now, new TitleWatchStarted(c.TitleId, name, position, c.DurationSeconds, c.Rung, now), entry is null, settings, newView: true, finished);
        if (entry is null)
            return Store(c.TitleId, now, new WatchProgressRecorded(c.TitleId, name, position, c.DurationSeconds, c.Rung, now), isNew: true, settings, newView: false, finished);

        var moved = Math.Abs(position - entry.PositionSeconds);
        var worthStoring = c.Kind == WatchReportKind.Playing
            ? now - entry.UpdatedAt >= settings.PersistInterval && moved >= settings.PersistMinMove
            : moved >= SamePositionSeconds;
        // Crossing into (or out of) finished changes continue-watching at once, whatever the intervals say.
        if (worthStoring || finished != entry.IsFinished(settings))
            return Store(c.TitleId, now, new WatchProgressRecorded(c.TitleId, name, position, c.DurationSeconds, c.Rung, now), isNew: false, settings, newView: false, finished);
        return Decide.Reply<IWatchHistoryEvent>(new WatchProgressAccepted(UserId, c.TitleId, Stored: false, NewView: false, finished));
    }

    /// <summary>Stores the report; a title new to a full history first removes the least recently watched ones.</summary>
    private Decision<IWatchHistoryEvent> Store(string titleId, DateTimeOffset at, IWatchHistoryEvent stored, bool isNew, WatchHistorySettings settings,
        bool newView, bool finished)
    {
        var overflow = isNew ? Entries.Count + 1 - settings.MaxTitles : 0;
        var events = Entries.Take(Math.Max(0, overflow)).Select(e => (IWatchHistoryEvent)new WatchEntryRemoved(e.TitleId, at)).Append(stored).ToList();
        return Decide.Persist(this, events, _ => new WatchProgressAccepted(UserId, titleId, Stored: true, newView, finished));
    }

    private static string? Invalid(ReportWatchProgress c)
    {
        if (string.IsNullOrWhiteSpace(c.TitleId)) return "a title id is needed";
        if (!double.IsFinite(c.DurationSeconds) || c.DurationSeconds <= 0 || c.DurationSeconds > MaxDurationSeconds)
            return $"durationSeconds must be more than 0 and at most {MaxDurationSeconds}";
        if (!double.IsFinite(c.PositionSeconds) || c.PositionSeconds < 0) return "positionSeconds must be a number of seconds, 0 or more";
        if (c.PositionSeconds > c.DurationSeconds + EndSlackSeconds)
            return $"positionSeconds {c.PositionSeconds} is past the title's end ({c.DurationSeconds} s)";
        if (!Enum.IsDefined(c.Kind)) return "unknown report kind";
        return null;
    }

    public WatchHistoryState Apply(IWatchHistoryEvent @event) => @event switch
    {
        TitleWatchStarted e => Upsert(new WatchEntry(e.TitleId, e.TitleName, e.PositionSeconds, e.DurationSeconds, e.Rung, e.At, e.At)),
        WatchProgressRecorded e => Upsert(new WatchEntry(e.TitleId, e.TitleName, e.PositionSeconds, e.DurationSeconds, e.Rung, e.At,
            Find(e.TitleId)?.ViewStartedAt ?? e.At)),
        WatchEntryRemoved e => this with { Entries = Entries.RemoveAll(x => x.TitleId == e.TitleId) },
        _ => this,
    };

    /// <summary>The entry moves to the end: the most recently watched.</summary>
    private WatchHistoryState Upsert(WatchEntry entry) =>
        this with { Entries = Entries.RemoveAll(x => x.TitleId == entry.TitleId).Add(entry) };

    public ContinueWatchingList ContinueWatching(WatchHistorySettings settings) =>
        new(UserId, Entries.Where(e => !e.IsFinished(settings)).Reverse().ToList());
}
