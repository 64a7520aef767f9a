namespace MediaPlatform.Actors.Text;

/// <summary>
/// Which writing system a letter belongs to, coarsely, to spot look-alike identifiers: "pаypal" with a Cyrillic "а"
/// reads as "paypal" but is another address. Digits and punctuation belong to no script. Han, Hiragana and Katakana
/// count as one (Japanese mixes them), as do Han and Hangul (Korean).
/// </summary>
public static class ScriptMix
{
    /// <summary>The scripts of the letters in <paramref name="text"/>, when there is more than one; null otherwise.</summary>
    public static IReadOnlyList<string>? MixedScripts(string text)
    {
        var scripts = text.Where(char.IsLetter).Select(ScriptOf).Distinct().ToList();
        return scripts.Count > 1 ? scripts : null;
    }

    public static string ScriptOf(char c) => c switch
    {
        <= '\u024F' or >= '\u1E00' and <= '\u1EFF' or >= '\u2C60' and <= '\u2C7F' or >= '\uA720' and <= '\uA7FF'
            or >= '\uFF21' and <= '\uFF5A' => "Latin",
        >= '\u0250' and <= '\u02AF' => "Latin", // IPA extensions
        >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF' => "Greek",
        >= '\u0400' and <= '\u052F' or >= '\u2DE0' and <= '\u2DFF' or >= '\uA640' and <= '\uA69F' or >= '\u1C80' and <= '\u1C8F' => "Cyrillic",
        >= '\u0530' and <= '\u058F' => "Armenian",
        >= '\u0590' and <= '\u05FF' => "Hebrew",
        >= '\u0600' and <= '\u06FF' or >= '\u0750' and <= '\u077F' or >= '\u08A0' and <= '\u08FF' => "Arabic",
        >= '\u0900' and <= '\u097F' => "Devanagari",
        >= '\u0E00' and <= '\u0E7F' => "Thai",
        >= '\u10A0' and <= '\u10FF' => "Georgian",
        >= '\u13A0' and <= '\u13FF' => "Cherokee",
        >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uFF66' and <= '\uFF9F' => "CJK",
        >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F' or >= '\uAC00' and <= '\uD7AF' => "CJK",
        // Other letters: their 128-character block stands in for the script; rare in email local parts.
        _ => $"U+{c & 0xFF80:X4}",
    };
}
