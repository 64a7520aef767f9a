namespace MediaPlatform.Actors.Parties;

/// <summary>Who may play, pause, seek and change the rate.</summary>
public enum PartyControl
{
    HostOnly,
    Everyone,
}
