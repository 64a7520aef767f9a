namespace MediaPlatform.Node.Api.Users;

// Request and response bodies of the users API. Unknown JSON fields are refused (400), so a typo never goes unseen.

public sealed record SignUpRequest(string? Email, string? Password, string? DisplayName);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record LoginResponse(string UserId, string Token, DateTimeOffset ExpiresAt);

public sealed record UpdateProfileRequest(string? DisplayName);

public sealed record ChangeEmailRequest(string? Email, string? CurrentPassword);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

public sealed record AddCardRequest(string? Number, int ExpiryMonth, int ExpiryYear, bool MakeDefault);

public sealed record CardResponse(string CardId, string Brand, string Last4, int ExpiryMonth, int ExpiryYear, bool IsDefault);

public sealed record UserResponse(string UserId, string Email, string DisplayName, DateTimeOffset RegisteredAt, IReadOnlyList<CardResponse> Cards);
