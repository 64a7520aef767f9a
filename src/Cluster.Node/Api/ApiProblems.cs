using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Node.Api;

/// <summary>Every error the API returns is a ProblemDetails; an entity's rejection maps to a 4xx here.</summary>
public static class ApiProblems
{
    public static IResult From(Rejection rejection) => rejection.Kind == RejectionKind.Unavailable
        ? ServiceUnavailable.Result(Title(rejection.Kind), rejection.Message, rejection.RetryAfterSeconds)
        : Results.Problem(title: Title(rejection.Kind), detail: rejection.Message, statusCode: Status(rejection.Kind));

    public static IResult Invalid(string detail) => Results.Problem(title: "Invalid request", detail: detail, statusCode: 400);

    public static IResult Forbidden(string detail) => Results.Problem(title: "Forbidden", detail: detail, statusCode: 403);

    public static IResult Timeout(string what) => ServiceUnavailable.Result("Timed out",
        $"{what} did not answer in time; it is safe to retry (with the same Idempotency-Key where one was sent)");

    public static int Status(RejectionKind kind) => kind switch
    {
        RejectionKind.Invalid => StatusCodes.Status400BadRequest,
        RejectionKind.NotFound => StatusCodes.Status404NotFound,
        RejectionKind.Conflict => StatusCodes.Status409Conflict,
        RejectionKind.Forbidden => StatusCodes.Status403Forbidden,
        RejectionKind.PaymentFailed => StatusCodes.Status402PaymentRequired,
        RejectionKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        RejectionKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        RejectionKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        RejectionKind.QuotaExceeded => StatusCodes.Status429TooManyRequests,
        RejectionKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static string Title(RejectionKind kind) => kind switch
    {
        RejectionKind.Invalid => "Invalid request",
        RejectionKind.NotFound => "Not found",
        RejectionKind.Conflict => "Conflict",
        RejectionKind.Forbidden => "Forbidden",
        RejectionKind.PaymentFailed => "Payment failed",
        RejectionKind.Unavailable => "Temporarily unavailable",
        RejectionKind.Unprocessable => "Unprocessable request",
        RejectionKind.TooManyRequests => "Too many requests",
        RejectionKind.QuotaExceeded => "Quota exceeded",
        RejectionKind.TooLarge => "Quota exceeded",
        _ => "Internal error",
    };
}
