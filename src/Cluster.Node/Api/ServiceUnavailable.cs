using System.Globalization;

namespace MediaPlatform.Node.Api;

/// <summary>
/// The one shape of a 503 the API answers on purpose (a dependency down, a circuit open, the node at its in-flight
/// limit): a ProblemDetails and Retry-After in whole seconds, so clients and the balancer back off instead of piling on.
/// </summary>
public static class ServiceUnavailable
{
    /// <summary>When nothing better is known: soon enough for a blip, long enough not to hammer.</summary>
    public const int DefaultRetryAfterSeconds = 1;

    public static IResult Result(string title, string detail, int? retryAfterSeconds = null) =>
        new RetryAfterResult(title, detail, Math.Max(1, retryAfterSeconds ?? DefaultRetryAfterSeconds));

    private sealed class RetryAfterResult(string title, string detail, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(http);
        }
    }
}
