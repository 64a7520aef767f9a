using MediaPlatform.Actors.Users;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Actors.Titles;

/// <summary>The per-user quotas that concern titles, as pure rules (limits from <see cref="UserQuotas"/>).</summary>
public static class TitleQuotaRules
{
    /// <summary>
    /// A source longer than the quota is refused at probing (the title fails with this as its reason, shown to the
    /// uploader); null when it fits. Decided after probing because only the probe knows the real length.
    /// </summary>
    public static string? DurationRefusal(TimeSpan duration, TimeSpan limit) => duration <= limit ? null
        : $"the source is {Describe(duration)} long; the most allowed is {Describe(limit)} ({UserQuotas.Key("source-duration")})";

    /// <summary>The prober's verdict with the duration quota applied.</summary>
    public static ProbeVerdict WithDurationLimit(ProbeVerdict verdict, TimeSpan limit) =>
        verdict is ProbeVerdict.Accepted accepted && DurationRefusal(accepted.Probe.Duration, limit) is { } refusal
            ? new ProbeVerdict.Rejected(RejectionReason.TooLong, refusal)
            : verdict;

    private static string Describe(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h {t.Minutes:00}m {t.Seconds:00}s" : t.TotalMinutes >= 1 ? $"{t.Minutes}m {t.Seconds:00}s" : $"{t.TotalSeconds:0.#}s";
}
