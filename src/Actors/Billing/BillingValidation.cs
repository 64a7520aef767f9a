using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Billing;

/// <summary>Field rules shared by billing commands; each returns the rejection, or null when the value is fine.</summary>
public static class BillingValidation
{
    public const int MaxKeyLength = 64;
    public const int MaxIdLength = 64;

    /// <summary>
    /// Idempotency keys and redemption ids: 1–64 of A–Z a–z 0–9 . _ - (UUIDs fit). No ':' so that the account-scoped
    /// gateway key "account:key" splits unambiguously at its last ':'.
    /// </summary>
    public static Rejection? Key(string? key, string what = "Idempotency-Key") => key switch
    {
        null or "" => Rejection.Invalid($"{what} is required"),
        { Length: > MaxKeyLength } => Rejection.Invalid($"{what} is longer than {MaxKeyLength} characters"),
        _ when !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') =>
            Rejection.Invalid($"{what} may contain only letters, digits, '.', '_' and '-'"),
        _ => null,
    };

    /// <summary>An id of something (title, card, invoice): 1–64 printable ASCII characters without spaces.</summary>
    public static Rejection? Id(string? id, string what) => id switch
    {
        null or "" => Rejection.Invalid($"{what} is required"),
        { Length: > MaxIdLength } => Rejection.Invalid($"{what} is longer than {MaxIdLength} characters"),
        _ when !id.All(c => c is > ' ' and <= '~') => Rejection.Invalid($"{what} may contain only printable ASCII characters"),
        _ => null,
    };

    /// <summary>ISO 4217 shape: three upper-case ASCII letters.</summary>
    public static Rejection? Currency(string? currency) =>
        currency is { Length: 3 } && currency.All(char.IsAsciiLetterUpper)
            ? null
            : Rejection.Invalid("currency must be three upper-case letters (ISO 4217), e.g. USD");
}
