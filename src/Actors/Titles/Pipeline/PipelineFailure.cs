using MediaPlatform.Streams.Encoding;

namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// A failure that will not go away by trying again (ffmpeg refusing the media, output that does not add up, a source
/// gone from storage): the title fails with this message. Anything else is retried with back-off.
/// </summary>
public sealed class PipelineFailure(string message, Exception? inner = null) : Exception(message, inner)
{
    public static string? Permanent(Exception e) => e switch
    {
        PipelineFailure f => f.Message,
        FfmpegException f => f.Message,
        InvalidDataException d => d.Message,
        FileNotFoundException n => n.Message,
        _ => null,
    };
}
