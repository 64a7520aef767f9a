using MediaPlatform.Actors.Projections.Catalog;

namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>A few consecutive cues embedded as one text: a line alone is often too short to mean much.</summary>
public sealed record DialogueWindow(TimeSpan Start, string Text);

/// <summary>
/// Cuts a track's cues into consecutive windows of <c>cuesPerWindow</c> cues. A track long enough to make more than
/// <see cref="MaxWindowsPerTrack"/> windows gets wider windows instead, so one track costs at most that many vectors
/// (embedding is the projection's dominant cost: see the bench).
/// </summary>
public static class DialogueWindows
{
    public const int MaxWindowsPerTrack = 500;
    public const int MaxWindowChars = 1000;

    public static IReadOnlyList<DialogueWindow> From(IReadOnlyList<IndexedCue> cues, int cuesPerWindow)
    {
        var width = Math.Max(cuesPerWindow, (cues.Count + MaxWindowsPerTrack - 1) / MaxWindowsPerTrack);
        return cues.Chunk(width).Select(chunk =>
        {
            var text = string.Join(' ', chunk.Select(c => c.Text));
            return new DialogueWindow(chunk[0].Start, text.Length > MaxWindowChars ? text[..MaxWindowChars] : text);
        }).ToList();
    }
}
