using System.Collections.Immutable;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;
using MediaPlatform.Actors.Users;

namespace MediaPlatform.Actors.Titles.Quotas;

/// <summary>
/// One user's stored-source bytes and titles transcoding at once, and the rules on them. Pure. Bytes are held before
/// an upload is read and settled after it is stored, so concurrent uploads cannot together pass the budget; a hold
/// nobody settles (the node died mid-upload) lapses after <see cref="HoldFor"/>.
/// </summary>
[Manifest("upload-quota.state.v1")]
public sealed record UploadQuotaState(string UserId, ImmutableList<TitleBytes> Stored, ImmutableList<TitleBytes> Held, ImmutableList<string> Transcoding)
    : IEntityState<UploadQuotaState, IUploadQuotaEvent>, IProtocolMessage
{
    public static readonly TimeSpan HoldFor = TimeSpan.FromHours(2);

    public static UploadQuotaState Empty(string userId) => new(userId, [], [], []);

    public Decision<IUploadQuotaEvent> Handle(IUploadQuotaCommand command, DateTimeOffset now) => command switch
    {
        GetUploadQuota => Decide.Reply<IUploadQuotaEvent>(View(now)),
        HoldSourceBytes c => HoldBytes(c, now),
        SettleSourceBytes c when c.Bytes < 0 => Decide.Reject<IUploadQuotaEvent>(Rejection.Invalid("stored bytes are not negative")),
        SettleSourceBytes c => Decide.Persist(this, new SourceBytesStored(c.TitleId, c.Bytes), s => s.View(now)),
        ReleaseSourceBytes c => Held.Any(h => h.TitleId == c.TitleId)
            ? Decide.Persist(this, new SourceBytesReleased(c.TitleId), s => s.View(now))
            : Decide.Reply<IUploadQuotaEvent>(View(now)),
        TakeTranscodeSlot c => TakeSlot(c, now),
        _ => Decide.Reject<IUploadQuotaEvent>(Rejection.Invalid($"unknown upload quota command {command.GetType().Name}")),
    };

    public UploadQuotaState Apply(IUploadQuotaEvent @event) => @event switch
    {
        SourceBytesHeld e => this with { Held = Held.RemoveAll(h => h.TitleId == e.TitleId).Add(new TitleBytes(e.TitleId, e.Bytes, e.Until)) },
        SourceBytesStored e => this with
        {
            Stored = Stored.RemoveAll(s => s.TitleId == e.TitleId).Add(new TitleBytes(e.TitleId, e.Bytes, null)),
            Held = Held.RemoveAll(h => h.TitleId == e.TitleId),
        },
        SourceBytesReleased e => this with { Held = Held.RemoveAll(h => h.TitleId == e.TitleId) },
        TranscodeSlotTaken e => this with { Transcoding = Transcoding.Remove(e.TitleId).Add(e.TitleId) },
        TranscodeSlotsFreed e => this with { Transcoding = Transcoding.RemoveAll(e.TitleIds.Contains) },
        _ => this,
    };

    public UploadQuotaView View(DateTimeOffset now) => new(UserId, Stored.Sum(s => s.Bytes), LiveHolds(now, exceptTitleId: null).Sum(h => h.Bytes), Transcoding);

    /// <summary>
    /// Bytes the user's sources take, counting for each title its live hold if it has one (an upload replacing its
    /// source) and its stored source otherwise; the title being uploaded to is left out.
    /// </summary>
    public long UsedBytes(string exceptTitleId, DateTimeOffset now)
    {
        var holds = LiveHolds(now, exceptTitleId).ToList();
        return holds.Sum(h => h.Bytes) + Stored.Where(s => s.TitleId != exceptTitleId && holds.All(h => h.TitleId != s.TitleId)).Sum(s => s.Bytes);
    }

    private IEnumerable<TitleBytes> LiveHolds(DateTimeOffset now, string? exceptTitleId) =>
        Held.Where(h => h.HeldUntil > now && h.TitleId != exceptTitleId);

    private Decision<IUploadQuotaEvent> HoldBytes(HoldSourceBytes c, DateTimeOffset now)
    {
        if (c.Bytes < 0 || c.Limit < 1) return Decide.Reject<IUploadQuotaEvent>(Rejection.Invalid("held bytes are not negative and the limit is positive"));
        var used = UsedBytes(c.TitleId, now);
        if (used + c.Bytes > c.Limit)
            return Decide.Reject<IUploadQuotaEvent>(Rejection.TooLarge(
                FormattableString.Invariant($"this upload ({c.Bytes} bytes) would bring your stored sources to {used + c.Bytes} bytes; the most allowed is {c.Limit} bytes ({UserQuotas.Key("stored-source-bytes")})")));
        return Decide.Persist(this, new SourceBytesHeld(c.TitleId, c.Bytes, now + HoldFor), s => s.View(now));
    }

    private Decision<IUploadQuotaEvent> TakeSlot(TakeTranscodeSlot c, DateTimeOffset now)
    {
        if (c.Limit < 1) return Decide.Reject<IUploadQuotaEvent>(Rejection.Invalid("a transcoding limit is at least 1"));
        var freed = Transcoding.Where(t => c.Finished.Contains(t) && t != c.TitleId).ToList();
        var after = freed.Count == 0 ? this : Apply(new TranscodeSlotsFreed(freed));
        IUploadQuotaEvent[] free = freed.Count == 0 ? [] : [new TranscodeSlotsFreed(freed)];
        if (after.Transcoding.Contains(c.TitleId))
            return free.Length == 0 ? Decide.Reply<IUploadQuotaEvent>(View(now)) : Decide.Persist(this, free, s => s.View(now));
        if (after.Transcoding.Count >= c.Limit)
            return Decide.Reject<IUploadQuotaEvent>(Rejection.QuotaExceeded(
                $"you already have {after.Transcoding.Count} titles transcoding; the most allowed at once is {c.Limit} ({UserQuotas.Key("transcoding-titles")}); start this one when one of them is done"));
        return Decide.Persist(this, [.. free, new TranscodeSlotTaken(c.TitleId)], s => s.View(now));
    }
}
