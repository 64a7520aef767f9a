using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaPlatform.Node.Health;

/// <summary>Writes a health report as JSON: overall status and one line per check, so an operator sees why.</summary>
public static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
