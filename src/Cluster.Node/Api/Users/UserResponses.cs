using MediaPlatform.Actors.Users;

namespace MediaPlatform.Node.Api.Users;

/// <summary>What a client sees of a user: never the password hash, never a card token.</summary>
public static class UserResponses
{
    public static UserResponse From(UserProfile p) => new(p.UserId, p.Email, p.DisplayName, p.RegisteredAt,
        p.Cards.Select(c => new CardResponse(c.CardId, c.Brand.ToString(), c.Last4, c.ExpiryMonth, c.ExpiryYear, c.CardId == p.DefaultCardId)).ToList())
    {
        AvatarImageId = p.Avatar?.ImageId,
        AvatarVariants = Images.ImageLinks.Variants(p.Avatar),
        AvatarUrl = Images.ImageLinks.Card(p.Avatar),
    };
}
