namespace MediaPlatform.Node.Api;

/// <summary>Checks of input that is not a JSON body: ids in paths, headers.</summary>
public static class ApiInput
{
    public const int MaxIdLength = 64;
    /// <summary>The same rule the entities apply (BillingValidation.Key), stated once for HTTP callers.</summary>
    public const int MaxIdempotencyKeyLength = MediaPlatform.Actors.Billing.BillingValidation.MaxKeyLength;

    /// <summary>Ids are what we generate: ASCII letters, digits, '-' and '_'; anything else is a 400.</summary>
    public static IResult? Id(string what, string value) =>
        IsId(value) ? null : ApiProblems.Invalid($"{what} '{Truncate(value)}' is not a valid id");

    /// <summary>The id rule itself, for callers that answer otherwise than with ProblemDetails (gRPC).</summary>
    public static bool IsId(string value) =>
        value.Length is > 0 and <= MaxIdLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static IResult? IdempotencyKey(string? key) =>
        key is null ? null
        : key.Length is 0 or > MaxIdempotencyKeyLength || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? ApiProblems.Invalid($"Idempotency-Key must be 1 to {MaxIdempotencyKeyLength} letters, digits, '.', '_' or '-'")
            : null;

    internal static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
