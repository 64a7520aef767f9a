namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// When <see cref="EarlyPlaylists"/> cuts a rung's encoded prefix again. A cut segments only the chunks since the
/// rung's last anchor (usually the last cut), but each cut is an ffmpeg start (tens of ms of CPU) competing with the
/// encodes, and odd sources, whose chunks do not end on segment boundaries, re-cut from an older anchor. The first
/// chunk is cut at once (time to the first segment), then a rung waits until its prefix has grown by <see cref="Step"/> chunks, or is the whole rung: the
/// playable part still runs well ahead of a viewer, since the encodes are faster than real time. Pure.
/// </summary>
public static class PrefixCutPolicy
{
    public const int Step = 2;

    /// <param name="cutChunks">Chunks of the rung cut so far (0: never cut).</param>
    /// <param name="prefixChunks">Chunks 0, 1, 2 … encoded now, up to the first one missing.</param>
    public static bool ShouldCut(int cutChunks, int prefixChunks, int totalChunks) =>
        prefixChunks > cutChunks && (cutChunks == 0 || prefixChunks == totalChunks || prefixChunks - cutChunks >= Step);
}
