using System.Text.Json;

namespace MediaPlatform.Node.Management;

/// <summary>
/// Reads one named field of a management request from a form body, a JSON object body or the query string, so
/// `curl -d operation=leave`, `curl --json '{"operation":"leave"}'` and `?operation=leave` all work, as in Akka
/// Management.
/// </summary>
public static class RequestFields
{
    /// <summary>The field's value (null when absent), or an error text when the body cannot be read.</summary>
    public static async Task<(string? Value, string? Error)> ReadAsync(HttpRequest request, string name, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.TryGetValue(name, out var v)) return (v.ToString(), null);
        }
        else if (request.ContentLength is > 0 || request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
                if (doc.RootElement.ValueKind != JsonValueKind.Object) return (null, "the body must be a JSON object or a form");
                foreach (var property in doc.RootElement.EnumerateObject())
                    if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                        return property.Value.ValueKind == JsonValueKind.String
                            ? (property.Value.GetString(), null)
                            : (null, $"'{name}' must be a string");
            }
            catch (JsonException e)
            {
                return (null, $"the body is not valid JSON: {e.Message}");
            }
        }
        return request.Query.TryGetValue(name, out var q) ? (q.ToString(), null) : (null, null);
    }
}
