using System.Net;
using System.Text.Json;

namespace MediaPlatform.Node.Tests.Support;

/// <summary>The one check of a refused request every API spec makes: a ProblemDetails body with the expected status.</summary>
public static class ProblemAnswers
{
    /// <summary>Asserts the status, the problem+json media type, the body's own status and (when given) a part of its
    /// detail; returns the detail.</summary>
    public static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailContains = "")
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        Assert.Contains(detailContains, detail);
        return detail;
    }
}
