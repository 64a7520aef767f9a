namespace MediaPlatform.Actors.Live;

/// <summary>
/// Where a live stream is: created and waiting for its broadcaster (Idle), on air (Live), on air but its ingest is gone
/// (Interrupted: the node died or the broadcaster's connection dropped; the broadcaster may reconnect to any node with
/// the same key), or over for good (Ended).
/// </summary>
public enum LiveStreamStatus
{
    Idle,
    Live,
    Interrupted,
    Ended,
}
