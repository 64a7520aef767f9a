namespace MediaPlatform.Actors.Parties;

/// <summary>What a party watches: a published title, or a friend's live stream while it is on air.</summary>
public enum PartyMediaKind
{
    Title,
    Live,
}

/// <summary>The thing watched together: its kind and id (a title id or a live stream id).</summary>
public sealed record PartyMedia(PartyMediaKind Kind, string Id)
{
    public static PartyMedia Title(string titleId) => new(PartyMediaKind.Title, titleId);

    public static PartyMedia Live(string streamId) => new(PartyMediaKind.Live, streamId);
}
