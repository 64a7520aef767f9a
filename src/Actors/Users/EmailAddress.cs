using System.Text;
using MediaPlatform.Actors.Text;

namespace MediaPlatform.Actors.Users;

/// <summary>
/// An email address in the one form used for uniqueness: surrounding whitespace trimmed, Unicode NFKC-normalized
/// (so look-alike compositions compare equal), lower-cased (invariant). Dots and "+tags" in the local part are kept:
/// on most providers they name different mailboxes, so stripping them would wrongly merge users. A local part that
/// mixes scripts (Latin with Cyrillic or Greek look-alikes) is refused: it exists to impersonate another address.
/// </summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    public static bool TryNormalize(string? input, out string normalized, out string error)
    {
        normalized = "";
        error = "";
        if (string.IsNullOrWhiteSpace(input)) { error = "email is required"; return false; }
        var value = input.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        if (value.Length > MaxLength) { error = $"email is longer than {MaxLength} characters"; return false; }
        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) { error = "email must not contain spaces or control characters"; return false; }
        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1) { error = "email must look like name@example.com"; return false; }
        var (local, domain) = (value[..at], value[(at + 1)..]);
        if (local.Length > 64) { error = "the part of the email before @ is longer than 64 characters"; return false; }
        if (value.Any(c => VisibleText.IsBidiControl(c) || VisibleText.IsZeroWidth(c))) { error = "email must not contain invisible characters"; return false; }
        if (ScriptMix.MixedScripts(local) is { } scripts)
        {
            error = $"the part of the email before @ mixes scripts ({string.Join(", ", scripts)}); use one script";
            return false;
        }
        if (!domain.Contains('.') || domain.StartsWith('.') || domain.EndsWith('.') || domain.Contains(".."))
        {
            error = "email domain must look like example.com";
            return false;
        }
        normalized = value;
        return true;
    }
}
