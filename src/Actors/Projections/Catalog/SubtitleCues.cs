using MediaPlatform.Actors.Storage;
using MediaPlatform.Streams.Quality.Subtitles;

namespace MediaPlatform.Actors.Projections.Catalog;

/// <summary>One subtitle cue as the read models index it: its times and its visible text on one line.</summary>
public sealed record IndexedCue(TimeSpan Start, TimeSpan End, string Text);

/// <summary>
/// Reads a subtitle track's cues from the blob store for the read models (the catalog's full text and the semantic
/// vectors read them alike): bounded in bytes, cues and characters per cue, markup stripped, empty cues dropped. A blob
/// gone by the time the event is applied reads as no cues.
/// </summary>
public static class SubtitleCues
{
    /// <summary>Cues indexed per subtitle track and characters per cue: enough for a feature film, bounded for a hostile file.</summary>
    public const int MaxCuesPerTrack = 5000;
    public const int MaxCueChars = 500;
    public const long MaxSubtitleBytes = 4 * 1024 * 1024;

    public static async Task<IReadOnlyList<IndexedCue>> ReadAsync(IBlobStore blobs, string blobKey, CancellationToken ct)
    {
        await using var stream = await blobs.OpenReadAsync(blobKey, null, ct);
        if (stream is null) return [];
        using var reader = new StreamReader(new BoundedReadStream(stream, MaxSubtitleBytes));
        var document = SubtitleParser.Parse(await reader.ReadToEndAsync(ct));
        return document.Cues.Take(MaxCuesPerTrack)
            .Select(c => (c.Start, c.End, Text: string.Join(' ', c.TextLines.Select(CueText.Visible)).Trim()))
            .Where(c => c.Text.Length > 0)
            .Select(c => new IndexedCue(c.Start, c.End, c.Text.Length > MaxCueChars ? c.Text[..MaxCueChars] : c.Text))
            .ToList();
    }
}
