namespace MediaPlatform.Node.Api.Titles;

// Request bodies of the titles API. Unknown JSON fields are refused (400), so a typo never goes unseen.

public sealed record CreateTitleRequest(string? Name, string? Description);
