namespace MediaPlatform.Actors.Parties;

/// <summary>Why a party ended.</summary>
public enum PartyEndReason
{
    /// <summary>The host ended it.</summary>
    EndedByHost,
    /// <summary>The last member left.</summary>
    EveryoneLeft,
    /// <summary>Nobody was connected for the configured idle time (media-platform.parties.idle-end-after).</summary>
    Idle,
}
