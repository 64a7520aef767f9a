namespace MediaPlatform.Actors.Parties;

/// <summary>What a party watches. Only published titles today; a live stream is the other kind a party is shaped for.</summary>
public enum PartyMediaKind
{
    Title,
    Live,
}

/// <summary>The thing watched together: its kind and id (a title id, later a live stream id).</summary>
public sealed record PartyMedia(PartyMediaKind Kind, string Id)
{
    public static PartyMedia Title(string titleId) => new(PartyMediaKind.Title, titleId);
}
