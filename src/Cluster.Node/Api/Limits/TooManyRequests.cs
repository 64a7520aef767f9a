namespace MediaPlatform.Node.Api.Limits;

/// <summary>The one shape of every 429: a ProblemDetails saying what was limited, and Retry-After in whole seconds.</summary>
public static class TooManyRequests
{
    public static IResult Result(TimeSpan retryAfter, string detail) => new RetryAfterResult(Seconds(retryAfter), detail);

    public static Task WriteAsync(HttpContext http, TimeSpan? retryAfter, string detail) =>
        new RetryAfterResult(Seconds(retryAfter ?? TimeSpan.FromSeconds(1)), detail).ExecuteAsync(http);

    private static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    private sealed class RetryAfterResult(int seconds, string detail) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem(title: "Too many requests", detail: $"{detail}; try again in {seconds} s",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
        }
    }
}
