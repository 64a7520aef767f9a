namespace MediaPlatform.Streams.Probing;

/// <summary>
/// One video stream's packets read end to end without decoding: frame count, keyframe positions and how far the
/// timestamps go. <see cref="Start"/>/<see cref="End"/> are presentation times; <see cref="FirstError"/> is the first
/// line the demuxer complained with (e.g. "partial file").
/// </summary>
public sealed record PacketScan(
    int FrameCount,
    IReadOnlyList<TimeSpan> KeyframeTimes,
    bool FirstPacketIsKeyframe,
    TimeSpan Start,
    TimeSpan End,
    string? FirstError)
{
    public TimeSpan Duration => End > Start ? End - Start : TimeSpan.Zero;

    /// <summary>The longest stretch between keyframes, counting the tail after the last one.</summary>
    public TimeSpan MaxKeyframeInterval
    {
        get
        {
            var max = TimeSpan.Zero;
            for (var i = 0; i < KeyframeTimes.Count; i++)
            {
                var next = i + 1 < KeyframeTimes.Count ? KeyframeTimes[i + 1] : End;
                if (next - KeyframeTimes[i] > max) max = next - KeyframeTimes[i];
            }
            return max;
        }
    }
}
