namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// When <see cref="EarlyPlaylists"/> cuts a rung's encoded prefix again. Each cut re-joins and re-segments the whole
/// prefix (two ffmpeg runs that copy every chunk so far), so cutting after every chunk costs O(chunks²) copying and two
/// processes per chunk and rung, all competing with the encodes. The first chunk is cut at once (time to the first
/// segment), then a rung waits until its prefix has grown by <see cref="Step"/> chunks, or is the whole rung: the
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
