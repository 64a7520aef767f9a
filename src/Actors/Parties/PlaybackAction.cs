namespace MediaPlatform.Actors.Parties;

/// <summary>A change to the shared playback.</summary>
public enum PlaybackAction
{
    Play,
    Pause,
    Seek,
    Rate,
}
