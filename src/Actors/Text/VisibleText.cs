namespace MediaPlatform.Actors.Text;

/// <summary>
/// Text that other people see (display names, title names) must read as what it is: no control characters, and none
/// of the invisible characters that make one string look like another — bidirectional overrides and isolates
/// (U+202A–U+202E, U+2066–U+2069, which can make "evil.exe" display as "exe.live") and zero-width characters
/// (U+200B–U+200D, U+2060, U+FEFF, which make look-alike names that compare unequal).
/// </summary>
public static class VisibleText
{
    /// <summary>What is wrong with the text, naming the first offending character, or null when it is fine.</summary>
    public static string? Problem(string text, string what)
    {
        foreach (var c in text)
        {
            if (IsBidiControl(c)) return $"{what} must not contain bidirectional control characters (U+{(int)c:X4})";
            if (IsZeroWidth(c)) return $"{what} must not contain zero-width characters (U+{(int)c:X4})";
            if (char.IsControl(c)) return $"{what} must not contain control characters";
        }
        return null;
    }

    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    public static bool IsZeroWidth(char c) => c is >= '\u200B' and <= '\u200D' or '\u2060' or '\uFEFF';
}
