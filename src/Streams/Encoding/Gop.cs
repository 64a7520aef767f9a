namespace MediaPlatform.Streams.Encoding;

/// <summary>
/// The keyframe interval every rendition is encoded with. Chunks are a multiple of it and HLS segments a multiple
/// again, so every rung has keyframes at the same instants and its segments cut at the same places.
/// </summary>
public static class Gop
{
    public const int Seconds = 2;

    /// <summary>libx264 keyframe rule: a keyframe at the first frame at or after each multiple of the GOP, and
    /// none elsewhere (with -sc_threshold 0: no scene-cut keyframes that would differ between rungs).</summary>
    public const string ForceKeyFramesExpression = "expr:gte(t,n_forced*2)";
}
