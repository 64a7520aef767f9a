namespace MediaPlatform.Node.Api.Users;

// Request and response bodies of the users API. Unknown JSON fields are refused (400), so a typo never goes unseen.

public sealed record SignUpRequest(string? Email, string? Password, string? DisplayName);

/// <summary><paramref name="Cookie"/>: keep the session in the HttpOnly session cookie instead of returning the token.</summary>
public sealed record LoginRequest(string? Email, string? Password, bool? Cookie = null);

public sealed record LoginResponse(string UserId, string Token, DateTimeOffset ExpiresAt);

/// <summary>A cookie login's answer: the token went into the HttpOnly cookie only, so no script on the page ever holds it.</summary>
public sealed record CookieLoginResponse(string UserId, DateTimeOffset ExpiresAt);

/// <summary>Who the current session (bearer token or cookie) belongs to.</summary>
public sealed record CurrentSessionResponse(string UserId, bool IsAdmin);

public sealed record UpdateProfileRequest(string? DisplayName);

public sealed record ChangeEmailRequest(string? Email, string? CurrentPassword);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record AddCardRequest(string? Number, int ExpiryMonth, int ExpiryYear, bool MakeDefault);

public sealed record CardResponse(string CardId, string Brand, string Last4, int ExpiryMonth, int ExpiryYear, bool IsDefault);

public sealed record UserResponse(string UserId, string Email, string DisplayName, DateTimeOffset RegisteredAt, IReadOnlyList<CardResponse> Cards)
{
    /// <summary>The avatar (the newest uploaded image that completed the image pipeline); null before any.</summary>
    public string? AvatarImageId { get; init; }

    /// <summary>The avatar's served variants and one JPEG about a header's width.</summary>
    public IReadOnlyList<Images.ImageVariantLink>? AvatarVariants { get; init; }

    public string? AvatarUrl { get; init; }
}
