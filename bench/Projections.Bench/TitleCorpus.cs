using System.Text;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Streams.Quality.Subtitles;

namespace MediaPlatform.Bench.Projections;

/// <summary>
/// Generated titles, not encoded video: each has a name and a description from a small vocabulary, an English WebVTT
/// track of <c>cues</c> lines written to the blob store, and is published: three title events per title.
/// Deterministic (seeded), so SQLite and PostgreSQL index the same text.
/// </summary>
public static class TitleCorpus
{
    public static readonly string[] Vocabulary =
    [
        "storm", "sea", "harbour", "lighthouse", "keeper", "whale", "island", "winter", "river", "mountain", "city", "night",
        "garden", "train", "letter", "secret", "mother", "brother", "captain", "soldier", "dancer", "painter", "thief", "doctor",
        "wolf", "fire", "ice", "gold", "silver", "shadow", "voice", "song", "journey", "promise", "memory", "dream",
    ];

    public static async Task<IReadOnlyList<(string TitleId, IReadOnlyList<ITitleEvent> Events)>> GenerateAsync(IBlobStore blobs, int titles, int cues,
        string idPrefix = "t-bench")
    {
        var random = new Random(17);
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));
        var all = new List<(string, IReadOnlyList<ITitleEvent>)>(titles);
        for (var i = 0; i < titles; i++)
        {
            var id = $"{idPrefix}-{i:00000}";
            var vtt = new StringBuilder("WEBVTT\n\n");
            for (var c = 0; c < cues; c++)
            {
                var start = TimeSpan.FromSeconds(c * 7 + 3);
                vtt.Append($"{Stamp(start)} --> {Stamp(start + TimeSpan.FromSeconds(3))}\n{char.ToUpperInvariant(Words(1)[0])}{Words(6)[1..]}.\n\n");
            }
            var key = TitleBlobKeys.Subtitles(id, "en", "u1", SubtitleFormat.WebVtt);
            var info = await blobs.WriteAsync(key, new MemoryStream(Encoding.UTF8.GetBytes(vtt.ToString())));
            all.Add((id,
            [
                new TitleCreated(id, "u-bench", $"{Capital(Words(2))} {i}", $"A film about {Words(8)}.", at),
                new TitleSubtitlesAttached(id, "en", "u1", StoredSubtitleFormat.WebVtt, key, info.Length, at),
                new TitlePublished(id, at),
            ]));
        }
        return all;
    }

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static string Stamp(TimeSpan t) => $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}.{t.Milliseconds:000}";
}
