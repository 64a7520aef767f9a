namespace MediaPlatform.Actors.Billing.Coupons;

/// <summary>
/// The one form of a coupon code used as its entity id: trimmed and upper-cased (invariant), 3–32 of A–Z 0–9 _ -.
/// Codes are typed by people, so case and surrounding whitespace must not make two coupons.
/// </summary>
public static class CouponCode
{
    public const int MinLength = 3;
    public const int MaxLength = 32;

    public static bool TryNormalize(string? input, out string code, out string error)
    {
        code = (input ?? "").Trim().ToUpperInvariant();
        error = "";
        if (code.Length is < MinLength or > MaxLength) error = $"coupon code must be {MinLength} to {MaxLength} characters";
        else if (!code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '_' or '-'))
            error = "coupon code may contain only letters, digits, '_' and '-'";
        if (error == "") return true;
        code = "";
        return false;
    }

    public static bool IsNormalized(string? code) => TryNormalize(code, out var normalized, out _) && normalized == code;
}
