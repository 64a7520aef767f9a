using System.Text;

namespace MediaPlatform.Actors.Titles;

/// <summary>The catalog's search, pure: who may see what, name matching, order and limit.</summary>
public static class TitleSearch
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
    public const int MaxQueryLength = 200;

    public static TitleList Run(IEnumerable<TitleState> titles, SearchTitles search)
    {
        var words = Normalize(search.Query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var matches = titles
            .Where(t => t.Exists && MayView(t, search) && (search.Status is not { } status || t.Status == status))
            .Where(t => words.Length == 0 || words.All(Normalize(t.Name).Contains))
            .OrderByDescending(t => t.CreatedAt).ThenBy(t => t.TitleId, StringComparer.Ordinal)
            .ToList();
        var limit = Math.Clamp(search.Limit, 1, MaxLimit);
        return new TitleList(matches.Take(limit).Select(Summary).ToList(), matches.Count);
    }

    public static TitleSummary Summary(TitleState t) => new(t.TitleId, t.OwnerId, t.Name, t.Status, t.CreatedAt, t.UpdatedAt,
        t.Status == TitleStatus.Transcoding ? t.Progress?.Percent : null, t.Failure?.Reason, t.Artwork);

    private static bool MayView(TitleState title, SearchTitles search) =>
        title.Status == TitleStatus.Published || search.ViewerIsAdmin || (search.ViewerId is { } viewer && viewer == title.OwnerId);

    // Names are typed by people: compatibility forms and case must not hide a match.
    private static string Normalize(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
}
