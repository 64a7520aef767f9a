using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Entities;

/// <summary>Why a command was refused; the HTTP layer turns the kind into a 4xx status.</summary>
public enum RejectionKind
{
    /// <summary>The command itself is malformed or breaks a rule (400/422).</summary>
    Invalid,
    /// <summary>The entity does not exist (404).</summary>
    NotFound,
    /// <summary>The entity's current state forbids it, e.g. the email is taken (409).</summary>
    Conflict,
    /// <summary>The caller may not do this (403).</summary>
    Forbidden,
    /// <summary>A payment was declined or could not be made (402).</summary>
    PaymentFailed,
    /// <summary>A dependency did not answer in time; retrying with the same idempotency key is safe (503).</summary>
    Unavailable,
    /// <summary>A bug: the entity could not decide (500). Nothing was persisted.</summary>
    Internal,
    /// <summary>Well-formed but cannot be applied, e.g. an Idempotency-Key reused with a different body (422).</summary>
    Unprocessable,
    /// <summary>Too many attempts: the caller must wait (429); the rejection's message says how long.</summary>
    TooManyRequests,
    /// <summary>A per-user quota (media-platform.quotas) would be exceeded by a count of things (429).</summary>
    QuotaExceeded,
    /// <summary>A per-user quota of stored bytes would be exceeded (413).</summary>
    TooLarge,
}

/// <summary>A refused command's answer. Nothing was persisted.</summary>
[Manifest("entity.rejection.v1")]
public sealed record Rejection(RejectionKind Kind, string Message) : IProtocolMessage
{
    /// <summary>For <see cref="RejectionKind.Unavailable"/>: how long the caller should wait (HTTP Retry-After); null = the API's default.</summary>
    public int? RetryAfterSeconds { get; init; }

    public static Rejection Unavailable(string message, TimeSpan retryAfter) =>
        new(RejectionKind.Unavailable, message) { RetryAfterSeconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) };

    public static Rejection Invalid(string message) => new(RejectionKind.Invalid, message);
    public static Rejection NotFound(string message) => new(RejectionKind.NotFound, message);
    public static Rejection Conflict(string message) => new(RejectionKind.Conflict, message);
    public static Rejection Forbidden(string message) => new(RejectionKind.Forbidden, message);
    public static Rejection QuotaExceeded(string message) => new(RejectionKind.QuotaExceeded, message);
    public static Rejection TooLarge(string message) => new(RejectionKind.TooLarge, message);
}
