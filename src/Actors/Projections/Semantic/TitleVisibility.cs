namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>
/// Who is searching, as the catalog's visibility rule sees it: published titles for everyone, the viewer's own in any
/// status, everything for an admin. The index applies it before it keeps the best N (<see cref="SemanticIndex.Rank(float[], double, int, TitleVisibility)"/>);
/// <see cref="VisibleTitles"/> applies the catalog's copy of the same rule to the hits.
/// </summary>
public sealed record TitleVisibility(string? ViewerId, bool ViewerIsAdmin)
{
    public static readonly TitleVisibility Everything = new(null, true);

    public bool Allows(TitleVectors title) =>
        ViewerIsAdmin || title.Published || (!string.IsNullOrEmpty(ViewerId) && string.Equals(title.OwnerId, ViewerId, StringComparison.Ordinal));
}
