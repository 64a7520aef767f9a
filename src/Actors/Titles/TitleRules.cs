using System.Text.RegularExpressions;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Text;

namespace MediaPlatform.Actors.Titles;

/// <summary>The input rules of a title, stated once for the entity and the HTTP layer.</summary>
public static partial class TitleRules
{
    public const int MaxName = 200;
    public const int MaxDescription = 5000;
    public const int MaxSubtitleTracks = 20;
    public const int MaxReason = 2000;
    public const int MaxIdLength = 64;

    public static Rejection? Name(string? name) => name?.Trim() switch
    {
        null or "" => Rejection.Invalid("name is required"),
        { Length: > MaxName } => Rejection.Invalid($"name is longer than {MaxName} characters"),
        var n when VisibleText.Problem(n, "name") is { } problem => Rejection.Invalid(problem),
        _ => null,
    };

    public static Rejection? Description(string? description) => description switch
    {
        null => null,
        { Length: > MaxDescription } => Rejection.Invalid($"description is longer than {MaxDescription} characters"),
        // Line breaks are fine in a description; other control characters are not.
        var d when d.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t') =>
            Rejection.Invalid("description must not contain control characters other than line breaks and tabs"),
        _ => null,
    };

    /// <summary>A new source may replace the old one only while nothing is processing it, or after it failed.</summary>
    public static bool AcceptsSource(TitleStatus status) => status is TitleStatus.Created or TitleStatus.SourceUploaded or TitleStatus.Failed;

    /// <summary>
    /// Subtitles join a title until quality control starts (it checks them), and again once it is published (the upload
    /// checks them itself then); never while quality control runs, which would miss them.
    /// </summary>
    public static bool AcceptsSubtitles(TitleStatus status) => status is not (TitleStatus.None or TitleStatus.QualityCheck);

    /// <summary>Why a new source is refused now (the HTTP layer answers it before reading an upload, too).</summary>
    public static Rejection SourceRefusal(string titleId, TitleStatus status) => status == TitleStatus.Published
        ? Rejection.Conflict($"title {titleId} is published; its source can no longer be replaced")
        : Rejection.Conflict($"title {titleId} is being processed ({status}); its source can be replaced only before probing starts or after it failed");

    public static Rejection SubtitlesRefusal(string titleId, TitleStatus status) =>
        Rejection.Conflict($"title {titleId} is {status}; subtitles can be attached before quality control starts or once the title is published");

    /// <summary>Ids the platform generates: ASCII letters, digits, '-' and '_', at most 64.</summary>
    public static bool IsId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>
    /// A BCP 47 style language tag ("en", "pt-br", "zh-hant"), lower-cased: it names the subtitle track and its blob,
    /// so only this small alphabet gets through.
    /// </summary>
    public static bool TryNormalizeLanguage(string? input, out string language, out string error)
    {
        language = (input ?? "").Trim().ToLowerInvariant();
        error = "";
        if (LanguageTag().IsMatch(language)) return true;
        error = "language must be a tag like 'en', 'pt-br' or 'zh-hant' (2-3 letters, then up to three '-' parts of 2-8 letters or digits)";
        language = "";
        return false;
    }

    /// <summary>A master playlist file name: one safe segment ending in .m3u8.</summary>
    public static bool IsPlaylistName(string? name) => name is not null && PlaylistName().IsMatch(name);

    /// <summary>A failure reason is what a person reads; an over-long one (a whole ffmpeg log) is cut rather than lost.</summary>
    public static string Reason(string? reason)
    {
        var text = string.IsNullOrWhiteSpace(reason) ? "no reason was given" : reason.Trim();
        return text.Length <= MaxReason ? text : text[..(MaxReason - 1)] + "…";
    }

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8}){0,3}$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9._-]{0,122}\\.m3u8$")]
    private static partial Regex PlaylistName();
}
