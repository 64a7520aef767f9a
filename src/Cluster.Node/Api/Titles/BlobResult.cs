using MediaPlatform.Actors.Storage;
using Microsoft.Net.Http.Headers;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// Serves one blob: content type, caching headers and a validator (ETag, Last-Modified, 304 on a match), and byte
/// ranges (206 with Content-Range; 416 for a range past the end; If-Range honoured). HEAD gets the headers only.
/// The bytes come from the blob store's own range read, so no store has to be seekable.
/// </summary>
public sealed class BlobResult(IBlobStore store, BlobInfo blob, string contentType, string cacheControl) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var (request, response) = (http.Request, http.Response);
        var etag = $"\"{blob.Length:x}-{blob.LastModified.UtcTicks:x}\"";
        response.Headers.AcceptRanges = "bytes";
        response.Headers.ETag = etag;
        response.Headers.LastModified = blob.LastModified.ToString("R");
        response.Headers.CacheControl = cacheControl;
        response.Headers.XContentTypeOptions = "nosniff";

        if (request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Select(t => t.Trim()).Contains(etag))))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var rangeHeader = request.Headers.Range.ToString();
        // If-Range: a range only applies to the version the client already has part of.
        if (request.Headers.IfRange.ToString() is { Length: > 0 } ifRange && ifRange != etag) rangeHeader = "";
        var (outcome, range) = ByteRange.Resolve(rangeHeader, blob.Length);
        if (outcome == ByteRange.Outcome.Unsatisfiable)
        {
            response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
            response.Headers.ContentRange = $"bytes */{blob.Length}";
            return;
        }

        response.ContentType = contentType;
        response.StatusCode = range is null ? StatusCodes.Status200OK : StatusCodes.Status206PartialContent;
        response.ContentLength = range?.Length ?? blob.Length;
        if (range is not null) response.Headers.ContentRange = new ContentRangeHeaderValue(range.Start, range.End, blob.Length).ToString();
        if (HttpMethods.IsHead(request.Method) || response.ContentLength == 0) return;

        var stream = await store.OpenReadAsync(blob.Key, range is null ? null : new BlobRange(range.Start, range.Length), http.RequestAborted);
        if (stream is null)
        {
            // Deleted between the look-up and the read: nothing sent yet, so it can still be a 404.
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentLength = 0;
            return;
        }
        await using (stream)
        {
            await stream.CopyToAsync(response.Body, 81_920, http.RequestAborted);
        }
    }
}
