namespace MediaPlatform.Streams.Quality.Pixels;

/// <summary>Cuts ffmpeg's rawvideo gray output into frames and feeds them to a <see cref="StuckPixelDetector"/>.</summary>
internal static class GrayFrameReader
{
    public static async Task FeedAsync(Stream rawVideo, StuckPixelDetector detector, int maxFrames, CancellationToken cancellationToken)
    {
        var frame = new byte[detector.FrameSize];
        while (detector.Frames < maxFrames)
        {
            var filled = await rawVideo.ReadAtLeastAsync(frame, frame.Length, throwOnEndOfStream: false, cancellationToken)
                .ConfigureAwait(false);
            if (filled < frame.Length) return; // end of stream (a partial frame only if ffmpeg died; its exit code says so)
            detector.Add(frame);
        }
    }
}
