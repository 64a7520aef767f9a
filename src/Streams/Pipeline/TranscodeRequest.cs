namespace MediaPlatform.Streams.Pipeline;

/// <summary>
/// One title to transcode on this node. <see cref="ThreadsPerEncode"/> 0 means cores / concurrent encodes, so the
/// encodes together use the machine without oversubscribing it. Work files go to a ".work" folder inside
/// <see cref="OutputFolder"/> and are removed at the end unless <see cref="KeepWorkFiles"/>.
/// </summary>
public sealed record TranscodeRequest(
    string SourcePath,
    string OutputFolder,
    int ChunkSeconds = 4,
    int SegmentSeconds = 4,
    int MaxConcurrentEncodes = 2,
    string Preset = "veryfast",
    int ThreadsPerEncode = 0,
    bool KeepWorkFiles = false)
{
    public const string WorkFolderName = ".work";

    public string WorkFolder => Path.Combine(OutputFolder, WorkFolderName);

    public int EffectiveThreads => ThreadsPerEncode > 0
        ? ThreadsPerEncode
        : Math.Max(1, Environment.ProcessorCount / Math.Max(1, MaxConcurrentEncodes));
}
