using MediaPlatform.Actors.Titles;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>One line of a listing as the API shows it: the catalog's line plus the poster of a published title.</summary>
public sealed record TitleListItem(string TitleId, string OwnerId, string Name, TitleStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, double? ProgressPercent, string? FailureReason, string? PosterUrl)
{
    public static TitleListItem From(TitleSummary t) => new(t.TitleId, t.OwnerId, t.Name, t.Status, t.CreatedAt, t.UpdatedAt,
        t.ProgressPercent, t.FailureReason, TitleResponse.PosterPath(t.TitleId, t.Status));
}

/// <summary>The titles found and how many matched in all (see <see cref="TitleList"/>).</summary>
public sealed record TitleListResponse(IReadOnlyList<TitleListItem> Titles, int Total)
{
    public static TitleListResponse From(TitleList list) => new(list.Titles.Select(TitleListItem.From).ToList(), list.Total);
}
