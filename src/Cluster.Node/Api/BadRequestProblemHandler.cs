using Microsoft.AspNetCore.Diagnostics;

namespace MediaPlatform.Node.Api;

/// <summary>
/// Malformed JSON, a wrongly typed or unknown field, an oversized body: ASP.NET Core raises BadHttpRequestException
/// with the right 4xx; this writes it as ProblemDetails with a message that says what was wrong.
/// </summary>
public sealed class BadRequestProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Malformed request",
                Detail = Describe(bad),
            },
        });
    }

    private static string Describe(BadHttpRequestException bad)
    {
        // The JSON reader's message names the field and position ("'x' could not be mapped … Path: $.x | LineNumber: 0").
        var inner = bad.InnerException?.Message;
        return inner is null ? bad.Message : $"{bad.Message} {inner.Split(" See the inner exception", 2)[0]}";
    }
}
