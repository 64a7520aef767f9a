using System.Text;

namespace MediaPlatform.Actors.Projections.Catalog;

/// <summary>
/// How the catalog cuts text into words, for indexing keys and for queries alike: compatibility forms folded, lower
/// case, split on everything that is not a letter or a digit. So FTS syntax, quotes and operators in a query are only
/// separators: they can never reach the SQL as syntax.
/// </summary>
public static class CatalogText
{
    public const int MaxWords = 16;
    public const int MaxWordLength = 64;

    public static IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) { word.Append(c); continue; }
            Flush();
        }
        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0 && word.Length <= MaxWordLength && !words.Contains(word.ToString())) words.Add(word.ToString());
            word.Clear();
        }
    }

    /// <summary>
    /// The form the listing matches names in (GET /api/titles?q=): compatibility forms folded, lower case, nothing
    /// removed, so a query word is a plain substring of it (names are typed by people: neither "ﬁ" nor capitals may
    /// hide a match).
    /// </summary>
    public static string Fold(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>The key an exact title match compares: the name's words, in order, one space apart.</summary>
    public static string Key(string text) => string.Join(' ', KeyWords(text));

    private static IEnumerable<string> KeyWords(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c)) { word.Append(c); continue; }
            if (word.Length > 0) yield return word.ToString();
            word.Clear();
        }
        if (word.Length > 0) yield return word.ToString();
    }
}
