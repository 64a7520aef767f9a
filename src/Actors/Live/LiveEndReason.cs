namespace MediaPlatform.Actors.Live;

/// <summary>Why a live stream ended; the stream's view carries a detail line too (ffmpeg's error, for a failed ingest).</summary>
public enum LiveEndReason
{
    /// <summary>The owner ended it (POST /api/live/{id}/end).</summary>
    EndedByOwner,
    /// <summary>The ingest could not be transcoded (not media, or ffmpeg failed), or it broke a limit (length, size).</summary>
    IngestFailed,
}
