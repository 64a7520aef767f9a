using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Images;
using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Node.Api.Events;

/// <summary>The checked parameters of GET /api/events: which tag, after which offset, how many at most.</summary>
public sealed record EventFeedQuery(string Tag, long After, int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>
    /// The tags the feed serves; anything else is a 400 naming them. Not `watch` (view starts): those are users' viewing,
    /// which an outside consumer of the feed has no need of.
    /// </summary>
    public static readonly IReadOnlyList<string> Tags = [TitleEventTagger.Tag, ImageEventTagger.Tag, BillingEventTagger.Tag];

    /// <summary>The query, or null and the reason for a 400. <paramref name="lastEventId"/> (an SSE reconnect) wins over after.</summary>
    public static EventFeedQuery? Parse(string? tag, string? after, string? limit, string? lastEventId, out string? error)
    {
        error = null;
        var resumeFrom = string.IsNullOrEmpty(lastEventId) ? after : lastEventId;
        if (string.IsNullOrEmpty(tag) || !Tags.Contains(tag, StringComparer.Ordinal))
            error = $"tag must be one of {string.Join(", ", Tags)}";
        else if (!Number(resumeFrom, 0, out var from) || from < 0)
            error = "after (or Last-Event-ID) must be an offset: a whole number, 0 or more";
        else if (!Number(limit, DefaultLimit, out var count) || count is < 1 or > MaxLimit)
            error = $"limit must be 1 to {MaxLimit}";
        else return new EventFeedQuery(tag, from, (int)count);
        return null;
    }

    private static bool Number(string? text, long fallback, out long value)
    {
        value = fallback;
        return string.IsNullOrEmpty(text) || long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
