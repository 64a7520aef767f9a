using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;

namespace MediaPlatform.Node.Api;

/// <summary>
/// Malformed JSON, a wrongly typed or unknown field, an oversized body: ASP.NET Core raises BadHttpRequestException
/// with the right 4xx; this writes it as ProblemDetails with a message that says what was wrong in the API's terms
/// (field path, line, parameter name) and never in the server's: no .NET type, namespace or exception text.
/// </summary>
public sealed partial class BadRequestProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Malformed request",
                Detail = Describe(bad),
            },
        });
    }

    internal static string Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json) return DescribeJson(json);
        var message = bad.Message;
        if (ParameterPattern().Match(message) is { Success: true } parameter)
        {
            var name = parameter.Groups["name"].Value;
            if (message.StartsWith("Failed to bind", StringComparison.Ordinal))
                return $"'{name}' has a value of the wrong type";
            if (name == "body" || message.Contains("body", StringComparison.Ordinal))
                return "a JSON body is required";
            return $"'{name}' is required";
        }
        return NamesInternals(message) ? "the request could not be read" : message;
    }

    private static string DescribeJson(JsonException json)
    {
        var path = json.Path ?? "$";
        var message = json.Message;
        if (UnknownPropertyPattern().Match(message) is { Success: true } unknown)
            return $"unknown field '{unknown.Groups["name"].Value}' at {path}";
        if (MissingPropertiesPattern().Match(message) is { Success: true } missing)
            return $"missing required field(s): {missing.Groups["names"].Value.TrimEnd('.')}";
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
            return $"the JSON body is nested too deeply at {path}";
        if (message.Contains("could not be converted", StringComparison.Ordinal))
            return $"{path}: the value has the wrong type";
        // The reader's own errors: the body is not JSON at all. Line and position are 0-based in the exception.
        return json.LineNumber is { } line && json.BytePositionInLine is { } position
            ? $"the body is not valid JSON (line {line + 1}, position {position + 1})"
            : "the body is not valid JSON";
    }

    private static bool NamesInternals(string text) =>
        text.Contains("System.", StringComparison.Ordinal) || text.Contains("MediaPlatform.", StringComparison.Ordinal)
        || text.Contains("Microsoft.", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal)
        || text.Contains(".NET", StringComparison.Ordinal);

    /// <summary>Minimal APIs name a parameter as "Type name" in quotes: only the name is the client's business.</summary>
    [GeneratedRegex("""parameter "[^"]*?\b(?<name>[A-Za-z_][A-Za-z0-9_]*)"(?: from)?""")]
    private static partial Regex ParameterPattern();

    [GeneratedRegex("""JSON property '(?<name>[^']*)' could not be mapped""")]
    private static partial Regex UnknownPropertyPattern();

    [GeneratedRegex("""missing required properties,? including the following: (?<names>.*)$""")]
    private static partial Regex MissingPropertiesPattern();
}
