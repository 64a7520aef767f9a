using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Titles.Quotas;

namespace MediaPlatform.Actors.Tests.Titles;

/// <summary>Stored-source bytes and titles transcoding at once per user, on the pure state (no actors).</summary>
public sealed class UploadQuotaStateSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private const string User = "u-1";
    private const long Limit = 1000;

    private static UploadQuotaState Run(UploadQuotaState state, IUploadQuotaCommand command, DateTimeOffset? at = null) =>
        state.Handle(command, at ?? Now) is Decision<IUploadQuotaEvent>.Accepted accepted
            ? accepted.Events.Aggregate(state, (s, e) => s.Apply(e))
            : throw new InvalidOperationException($"{command} was refused");

    private static Rejection Refused(UploadQuotaState state, IUploadQuotaCommand command, DateTimeOffset? at = null) =>
        Assert.IsType<Decision<IUploadQuotaEvent>.Rejected>(state.Handle(command, at ?? Now)).Rejection;

    private static UploadQuotaState Stored(params (string Title, long Bytes)[] sources) =>
        sources.Aggregate(UploadQuotaState.Empty(User), (s, x) => Run(s, new SettleSourceBytes(User, x.Title, x.Bytes)));

    [Fact]
    public void Holding_bytes_beyond_the_budget_must_be_refused_413_naming_the_limit()
    {
        var state = Run(Stored(("t-1", 600)), new HoldSourceBytes(User, "t-2", 300, Limit));
        var refused = Refused(state, new HoldSourceBytes(User, "t-3", 101, Limit));
        Assert.Equal(RejectionKind.TooLarge, refused.Kind);
        Assert.Contains("1000", refused.Message);
        Assert.Contains("media-platform.quotas.stored-source-bytes", refused.Message);
        Run(state, new HoldSourceBytes(User, "t-3", 100, Limit));
    }

    [Fact]
    public void A_replaced_source_must_count_once_and_settling_must_record_the_stored_size()
    {
        var state = Stored(("t-1", 900));
        state = Run(state, new HoldSourceBytes(User, "t-1", 1000, Limit)); // replaces t-1's 900
        Assert.Equal(1000, state.UsedBytes("other", Now));
        state = Run(state, new SettleSourceBytes(User, "t-1", 700));
        Assert.Equal(700, state.UsedBytes("other", Now));
        Assert.Equal(0, state.View(Now).HeldBytes);
    }

    [Fact]
    public void A_released_or_lapsed_hold_must_free_its_bytes()
    {
        var held = Run(UploadQuotaState.Empty(User), new HoldSourceBytes(User, "t-1", 1000, Limit));
        Refused(held, new HoldSourceBytes(User, "t-2", 1, Limit));
        Run(Run(held, new ReleaseSourceBytes(User, "t-1")), new HoldSourceBytes(User, "t-2", 1000, Limit));
        Run(held, new HoldSourceBytes(User, "t-2", 1000, Limit), Now + UploadQuotaState.HoldFor + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Transcoding_slots_beyond_the_limit_must_be_refused_429_and_only_verified_finished_titles_freed()
    {
        var state = Run(UploadQuotaState.Empty(User), new TakeTranscodeSlot(User, "t-1", 1, []));
        var refused = Refused(state, new TakeTranscodeSlot(User, "t-2", 1, []));
        Assert.Equal(RejectionKind.QuotaExceeded, refused.Kind);
        Assert.Contains("media-platform.quotas.transcoding-titles", refused.Message);

        // The title holding the slot may ask again; once t-1 is verified finished, t-2 gets it.
        Assert.Empty(Assert.IsType<Decision<IUploadQuotaEvent>.Accepted>(state.Handle(new TakeTranscodeSlot(User, "t-1", 1, []), Now)).Events);
        var after = Run(state, new TakeTranscodeSlot(User, "t-2", 1, ["t-1"]));
        Assert.Equal(["t-2"], after.Transcoding);
        // A finished list naming titles that hold no slot frees nothing.
        Refused(after, new TakeTranscodeSlot(User, "t-3", 1, ["t-9"]));
    }
}
