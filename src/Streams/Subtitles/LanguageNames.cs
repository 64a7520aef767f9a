using System.Globalization;

namespace MediaPlatform.Streams.Subtitles;

/// <summary>
/// The name a viewer picks a subtitle track by: the language's own name ("English", "Français", "Português (Brasil)"),
/// as streaming services show it; the tag itself when the runtime knows no such culture.
/// </summary>
public static class LanguageNames
{
    public static string For(string languageTag)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(languageTag, predefinedOnly: true);
            var name = culture.NativeName;
            if (culture.Name.Length == 0 || string.IsNullOrWhiteSpace(name) || name.Contains("Unknown", StringComparison.OrdinalIgnoreCase)) return languageTag;
            return char.ToUpper(name[0], culture) + name[1..];
        }
        catch (CultureNotFoundException)
        {
            return languageTag;
        }
    }
}
