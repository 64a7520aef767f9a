using System.Globalization;
using Akka.DistributedData;

namespace MediaPlatform.Node.Api.Trending;

/// <summary>
/// The replicated view counters: two maps of grow-only counters (Akka.DistributedData <c>ORDictionary</c> of
/// <c>GCounter</c>; its <c>PNCounterDictionary</c> fails to merge deltas in 1.5.73), one with 10-minute buckets for
/// the hour window and one with hour buckets for the day window. An entry is "bucket:titleId"; every node increments its own slot of the entry
/// locally and gossip merges them, so there is no single writer and a view counted on any node reaches every node.
/// A window sums the buckets that overlap it; entries older than a window are pruned.
/// </summary>
public sealed record TrendingBuckets(string Window, ORDictionaryKey<string, GCounter> Key, TimeSpan Bucket, int Count)
{
    public static readonly TrendingBuckets Hour = new("hour", new ORDictionaryKey<string, GCounter>("trending-views-10m"), TimeSpan.FromMinutes(10), 6);
    public static readonly TrendingBuckets Day = new("day", new ORDictionaryKey<string, GCounter>("trending-views-1h"), TimeSpan.FromHours(1), 24);

    public static readonly IReadOnlyList<TrendingBuckets> All = [Hour, Day];

    public static TrendingBuckets? ForWindow(string? window) => window?.Trim().ToLowerInvariant() switch
    {
        null or "" or "day" => Day,
        "hour" => Hour,
        _ => null,
    };

    public long BucketOf(DateTimeOffset at) => at.ToUnixTimeSeconds() / (long)Bucket.TotalSeconds;

    public string Entry(DateTimeOffset at, string titleId) => BucketOf(at).ToString(CultureInfo.InvariantCulture) + ":" + titleId;

    /// <summary>The entry's bucket and title, or null for an entry this node does not understand.</summary>
    public static (long Bucket, string TitleId)? Parse(string entry)
    {
        var colon = entry.IndexOf(':');
        return colon > 0 && long.TryParse(entry.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var bucket)
            ? (bucket, entry[(colon + 1)..])
            : null;
    }

    /// <summary>Whether a bucket counts now: the current one and the <see cref="Count"/> − 1 before it.</summary>
    public bool InWindow(long bucket, DateTimeOffset now) => bucket > BucketOf(now) - Count && bucket <= BucketOf(now);

    /// <summary>Buckets older than the window (with one spare for clocks a little behind) are dropped.</summary>
    public bool Stale(long bucket, DateTimeOffset now) => bucket <= BucketOf(now) - Count - 1;

    /// <summary>The views per title in the window, most viewed first.</summary>
    public IReadOnlyList<(string TitleId, long Views)> Totals(ORDictionary<string, GCounter> map, DateTimeOffset now) =>
        map.Entries
            .Select(e => (Parsed: Parse(e.Key), Views: (long)e.Value.Value))
            .Where(e => e.Parsed is { } p && InWindow(p.Bucket, now))
            .GroupBy(e => e.Parsed!.Value.TitleId, StringComparer.Ordinal)
            .Select(g => (TitleId: g.Key, Views: g.Sum(e => e.Views)))
            .OrderByDescending(t => t.Views).ThenBy(t => t.TitleId, StringComparer.Ordinal)
            .ToList();
}
