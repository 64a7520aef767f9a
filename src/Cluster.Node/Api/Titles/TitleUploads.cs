using System.Security.Claims;
using System.Text;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Actors.Titles.Pipeline;
using MediaPlatform.Actors.Users;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Streams.Quality.Subtitles;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// Source and subtitle uploads. The title is asked first (exists, caller owns it, it takes an upload now) so a
/// refused upload is refused before its bytes are read. The body then goes straight to the blob store under a key
/// made of the title id and a fresh upload id; only after it is stored completely is the title told. Whatever goes
/// wrong on the way — too large, client gone, the title refusing — the new blob is removed.
/// </summary>
public static class TitleUploads
{
    private const int MaxFileNameLength = 255;

    public static async Task<IResult> SourceAsync(string titleId, HttpContext http, ClaimsPrincipal caller,
        IRequiredActor<EntityRegions.Titles> region, IRequiredActor<EntityRegions.Pipelines> pipelines, IBlobStore store,
        TitleSettings settings, PipelineSettings pipeline, IRequiredActor<EntityRegions.UploadQuotas> quotas, UserQuotas limits, CancellationToken ct)
    {
        Observability.KeptTraces.Keep(http); // an upload is always traced: its trace is the title's whole pipeline
        var (title, problem) = await TitleAccess.ForChangeAsync(region.ActorRef, titleId, caller, ct);
        if (problem is not null) return problem;
        if (!TitleRules.AcceptsSource(title!.Status)) return ApiProblems.From(TitleRules.SourceRefusal(titleId, title.Status));
        if (BodyProblem(http, settings.MaxUploadBytes, "the source") is { } badBody) return badBody;

        // Quotas before a byte is read: a transcoding slot (when the upload starts one) and the body's bytes (its
        // declared length, or the most an upload may be when it has none), settled to the stored size afterwards.
        var quota = new UploadQuotaGate(quotas.ActorRef, region.ActorRef, limits);
        if (pipeline.StartOnUpload && await quota.TakeTranscodeSlotAsync(title.OwnerId, titleId, ct) is { } busy) return ApiProblems.From(busy);
        if (await quota.HoldBytesAsync(title.OwnerId, titleId, http.Request.ContentLength ?? settings.MaxUploadBytes, ct) is { } full)
            return ApiProblems.From(full);

        var uploadId = NewUploadId();
        var key = TitleBlobKeys.Source(titleId, uploadId);
        var (stored, failed) = await StoreAsync(http, store, key, http.Request.Body, settings.MaxUploadBytes, "the source", ct);
        if (failed is not null)
        {
            await quota.ReleaseBytesAsync(title.OwnerId, titleId);
            return failed;
        }
        if (stored!.Length == 0)
        {
            await quota.ReleaseBytesAsync(title.OwnerId, titleId);
            await store.DeleteAsync(key, CancellationToken.None);
            return ApiProblems.Invalid("the request body is empty; send the video file as the body");
        }

        var answer = await region.ActorRef.AskEntityAsync<TitleView>(
            new RecordSourceUploaded(titleId, uploadId, key, stored.Length, OriginalFileName(http.Request)), ct);
        if (answer.Rejection is { } refused)
        {
            await quota.ReleaseBytesAsync(title.OwnerId, titleId);
            return await RefusedAsync(store, key, refused);
        }
        await quota.SettleBytesAsync(title.OwnerId, titleId, stored.Length);
        if (title.Source is { } previous && previous.BlobKey != key) await TryDeleteAsync(store, previous.BlobKey);
        if (pipeline.StartOnUpload && !await TitleTranscodes.DriveAsync(pipelines.ActorRef, titleId, ct))
            return ApiProblems.From(new Rejection(RejectionKind.Unavailable,
                $"the source is stored but its transcode could not be started; start it with POST /api/titles/{titleId}/transcode"));
        return Results.Ok(TitleResponse.From(answer.Reply!));
    }

    public static async Task<IResult> SubtitlesAsync(string titleId, string language, HttpContext http, ClaimsPrincipal caller,
        IRequiredActor<EntityRegions.Titles> region, IBlobStore store, TitleSettings settings, PipelineSettings pipeline, CancellationToken ct)
    {
        if (!TitleRules.TryNormalizeLanguage(language, out var normalized, out var languageError)) return ApiProblems.Invalid(languageError);
        var (title, problem) = await TitleAccess.ForChangeAsync(region.ActorRef, titleId, caller, ct);
        if (problem is not null) return problem;
        if (!TitleRules.AcceptsSubtitles(title!.Status)) return ApiProblems.From(TitleRules.SubtitlesRefusal(titleId, title.Status));
        if (BodyProblem(http, settings.MaxSubtitleBytes, "the subtitle file") is { } badBody) return badBody;

        // Subtitles are small (bounded by the limit), so they are read whole: the format is detected from the text.
        using var buffer = new MemoryStream();
        var (_, tooLarge) = await CopyBoundedAsync(http, http.Request.Body, buffer, settings.MaxSubtitleBytes, "the subtitle file", ct);
        if (tooLarge is not null) return tooLarge;
        if (buffer.Length == 0) return ApiProblems.Invalid("the request body is empty; send the WebVTT or SRT file as the body");
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length); }
        catch (DecoderFallbackException) { return ApiProblems.Invalid("subtitles must be UTF-8 text"); }
        var document = SubtitleParser.Parse(text);
        if (document.Format == SubtitleFormat.Unknown)
        {
            var why = document.Errors.FirstOrDefault() is { } e ? $" (line {e.Line}: {e.Message})" : "";
            return ApiProblems.Invalid($"the file is neither WebVTT nor SRT{why}");
        }
        // Quality control has run already for a published title: the track is checked here, by the same rules.
        if (title.Status == TitleStatus.Published &&
            SubtitleQualityCheck.Check(text, pipeline.Quality, $"subtitles {normalized}") is { BlocksPublishing: true } report)
            return ApiProblems.From(new Rejection(RejectionKind.Unprocessable,
                "the subtitles fail quality control: " + string.Join("; ", report.Findings
                    .Where(f => pipeline.Quality.BlockPublishingAt is { } at && f.Severity >= at).Take(5).Select(f => f.Message))));

        var uploadId = NewUploadId();
        var key = TitleBlobKeys.Subtitles(titleId, normalized, uploadId, document.Format);
        buffer.Position = 0;
        var stored = await store.WriteAsync(key, buffer, settings.MaxSubtitleBytes, CancellationToken.None);
        var answer = await region.ActorRef.AskEntityAsync<TitleView>(
            new AttachSubtitles(titleId, normalized, uploadId, document.Format, key, stored.Length), ct);
        if (answer.Rejection is { } refused) return await RefusedAsync(store, key, refused);
        if (title.Subtitles.FirstOrDefault(s => s.Language == normalized) is { } previous && previous.BlobKey != key)
            await TryDeleteAsync(store, previous.BlobKey);
        return Results.Ok(TitleResponse.From(answer.Reply!));
    }

    /// <summary>
    /// Checks the declared length against the limit (a 413 before any byte is read) and lifts Kestrel's 64 KiB global
    /// body limit for this request. The route's own limit is enforced by the copy, which counts the body's bytes
    /// exactly and stops reading one byte past the limit: Kestrel's chunked reader counts more than the body's bytes,
    /// so its limit would refuse a chunked body that is exactly at ours.
    /// </summary>
    private static IResult? BodyProblem(HttpContext http, long maxBytes, string what)
    {
        if (http.Request.ContentLength > maxBytes) return TooLarge(what, maxBytes);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        return null;
    }

    private static async Task<(BlobInfo? Stored, IResult? Problem)> StoreAsync(HttpContext http, IBlobStore store, string key, Stream body,
        long maxBytes, string what, CancellationToken ct)
    {
        try
        {
            return (await store.WriteAsync(key, body, maxBytes, ct), null);
        }
        catch (Exception e) when (IsTooLarge(e))
        {
            return (null, TooLarge(what, maxBytes));
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            return (null, Results.Empty); // the client went away; the store has removed the partial blob
        }
    }

    private static async Task<(long Copied, IResult? Problem)> CopyBoundedAsync(HttpContext http, Stream from, Stream to, long maxBytes, string what, CancellationToken ct)
    {
        var chunk = new byte[16 * 1024];
        long total = 0;
        try
        {
            int read;
            while ((read = await from.ReadAsync(chunk, ct)) > 0)
            {
                total += read;
                if (total > maxBytes) return (total, TooLarge(what, maxBytes));
                await to.WriteAsync(chunk.AsMemory(0, read), ct);
            }
            return (total, null);
        }
        catch (Exception e) when (IsTooLarge(e))
        {
            return (total, TooLarge(what, maxBytes));
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && http.RequestAborted.IsCancellationRequested)
        {
            return (total, Results.Empty);
        }
    }

    private static bool IsTooLarge(Exception e) =>
        e is BlobTooLargeException || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };

    private static IResult TooLarge(string what, long maxBytes) => Results.Problem(
        title: "Request body too large",
        detail: $"{what} is larger than the limit of {Describe(maxBytes)} ({maxBytes} bytes); nothing was stored",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    private static async Task<IResult> RefusedAsync(IBlobStore store, string key, Rejection refused)
    {
        // A time-out is not a refusal: the title may have recorded the blob, so it stays.
        if (refused.Kind != RejectionKind.Unavailable) await TryDeleteAsync(store, key);
        return ApiProblems.From(refused);
    }

    private static async Task TryDeleteAsync(IBlobStore store, string key)
    {
        try { await store.DeleteAsync(key, CancellationToken.None); }
        catch (IOException) { /* left for an operator; it is no longer referenced */ }
    }

    /// <summary>The name the client gave the file (Content-Disposition), kept as metadata only; never part of a key.</summary>
    private static string? OriginalFileName(HttpRequest request)
    {
        if (!ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var disposition)) return null;
        var name = (disposition.FileNameStar.HasValue ? disposition.FileNameStar : HeaderUtilities.RemoveQuotes(disposition.FileName)).ToString();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return name.Length == 0 ? null : name.Length <= MaxFileNameLength ? name : name[..MaxFileNameLength];
    }

    private static string NewUploadId() => Guid.NewGuid().ToString("N");

    private static string Describe(long bytes) => bytes switch
    {
        >= 1L << 30 when bytes % (1L << 30) == 0 => $"{bytes >> 30} GiB",
        >= 1L << 20 when bytes % (1L << 20) == 0 => $"{bytes >> 20} MiB",
        >= 1L << 10 when bytes % (1L << 10) == 0 => $"{bytes >> 10} KiB",
        _ => $"{bytes} bytes",
    };
}
