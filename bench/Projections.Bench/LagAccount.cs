namespace MediaPlatform.Bench.Projections;

/// <summary>A signed-up user with an approving card; its billing account has the user's id.</summary>
public sealed record LagAccount(string UserId, string Token)
{
    /// <summary>The built-in gateway approves this card.</summary>
    public const string ApprovingCard = "4242424242424242";
}
