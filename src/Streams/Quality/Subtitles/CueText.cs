using System.Net;
using System.Text.RegularExpressions;

namespace MediaPlatform.Streams.Quality.Subtitles;

/// <summary>The text a viewer reads: markup (&lt;i&gt;, &lt;c.yellow&gt;, &lt;v Bob&gt;, {\an8}) removed, entities decoded.</summary>
public static partial class CueText
{
    public static string Visible(string line) =>
        WebUtility.HtmlDecode(AssOverride().Replace(Tag().Replace(line, ""), "")).Trim();

    public static int Characters(string line) => Visible(line).Length;

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\{\\[^}]*\}")]
    private static partial Regex AssOverride();
}
