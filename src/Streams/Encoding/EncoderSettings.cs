namespace MediaPlatform.Streams.Encoding;

/// <summary>
/// How hard libx264 works per encode. <see cref="Threads"/> bounds the threads of one ffmpeg process (decoder, filters
/// and encoder); callers running several jobs at once set it near cores / jobs, since oversubscribing a CPU-bound
/// machine only adds switching.
/// </summary>
public sealed record EncoderSettings(string Preset = "veryfast", int Threads = 1)
{
    private static readonly HashSet<string> Presets =
        ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo"];

    public void Validate()
    {
        if (!Presets.Contains(Preset)) throw new ArgumentException($"unknown libx264 preset '{Preset}'");
        if (Threads is < 1 or > 64) throw new ArgumentException($"threads must be 1..64, not {Threads}");
    }
}
