using System.Security.Cryptography;
using System.Text;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// Serves text the node renders (a master playlist with its subtitle group, subtitle playlists and segments) like a
/// stored file: content type, caching headers, an ETag from the content (304 on a match) and HEAD. No byte ranges:
/// these files are small and players fetch them whole.
/// </summary>
public sealed class GeneratedFileResult(string text, string contentType, string cacheControl) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"";
        var response = http.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = cacheControl;
        response.Headers.XContentTypeOptions = "nosniff";
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Select(t => t.Trim()).Contains(etag))))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        if (HttpMethods.IsHead(http.Request.Method)) return;
        await response.Body.WriteAsync(bytes, http.RequestAborted);
    }
}
