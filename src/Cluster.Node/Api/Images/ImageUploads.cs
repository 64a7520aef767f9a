using System.Security.Claims;
using Akka.Actor;
using Akka.Hosting;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Images;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Api.Titles;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Streams.Images;
using Microsoft.AspNetCore.Http.Features;

namespace MediaPlatform.Node.Api.Images;

/// <summary>
/// PUT /api/titles/{id}/artwork (the title's owner or an admin) and PUT /api/users/{id}/avatar (that user or an
/// admin): the image as the raw body (JPEG, PNG or WebP, at most media-platform.images.max-upload-bytes). The header
/// is checked here (empty, not an image, GIF/SVG/animated, too many pixels: refused at once with the reason); the
/// pixels are decoded by the pipeline, which fails the image with a reason if they are broken (e.g. truncated).
/// </summary>
public static class ImageUploads
{
    private static readonly string[] AcceptedTypes = ["image/jpeg", "image/png", "image/webp"];

    public static async Task<IResult> ArtworkAsync(string titleId, HttpContext http, ClaimsPrincipal caller,
        IRequiredActor<EntityRegions.Titles> titles, ImageUploadContext context, CancellationToken ct)
    {
        var (title, problem) = await TitleAccess.ForChangeAsync(titles.ActorRef, titleId, caller, ct);
        if (problem is not null) return problem;
        return await AcceptAsync(http, ImageKind.Artwork, caller.CallerId()!, title!.TitleId, context, ct);
    }

    public static async Task<IResult> AvatarAsync(string userId, HttpContext http, ClaimsPrincipal caller, ImageUploadContext context, CancellationToken ct)
    {
        if (ApiInput.Id("user id", userId) is { } bad) return bad;
        if (caller.ForbidUnlessSelf(userId) is { } forbidden) return forbidden;
        return await AcceptAsync(http, ImageKind.Avatar, caller.CallerId()!, userId, context, ct);
    }

    private static async Task<IResult> AcceptAsync(HttpContext http, ImageKind kind, string ownerId, string subjectId, ImageUploadContext context, CancellationToken ct)
    {
        var settings = context.Settings;
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null || !AcceptedTypes.Contains(mediaType))
            return Results.Problem(title: "Unsupported media type", statusCode: StatusCodes.Status415UnsupportedMediaType,
                detail: "send the image as the raw body with Content-Type image/jpeg, image/png or image/webp");
        if (http.Request.ContentLength > settings.MaxUploadBytes) return TooLarge(settings);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = settings.MaxUploadBytes + 1;

        // Bounded by the limit, so read whole: the header check needs the start, the store the rest.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
            {
                if (buffer.Length + read > settings.MaxUploadBytes) return TooLarge(settings);
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(settings);
        }
        if (buffer.Length == 0) return ApiProblems.Invalid("the request body is empty; send the image as the body");
        if (ImageDecoder.Inspect(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), new ImageLimits(settings.MaxPixels, settings.MaxSide)) is { } refusal)
            return Results.Problem(title: "Unprocessable image", detail: refusal, statusCode: StatusCodes.Status422UnprocessableEntity);

        var imageId = ImageIds.Upload();
        buffer.Position = 0;
        await context.Store.WriteAsync(ImageBlobKeys.Source(imageId), buffer, settings.MaxUploadBytes, CancellationToken.None);
        var submitted = await context.Images.AskEntityAsync<ImageStageRecorded>(
            new SubmitImage(imageId, kind, ownerId, subjectId, buffer.Length, settings.Blurs(kind)), ct);
        if (submitted.Reply is not { } recorded) return ApiProblems.From(submitted.Rejection!);
        foreach (var job in recorded.NextJobs)
        {
            var queued = await context.Queue(job.Stage).AskEntityAsync<ImageQueueAck>(new EnqueueImageJob(job), ct);
            if (queued.Rejection is { } refused) return ApiProblems.From(refused);
        }
        var location = ImageRoutes.ImagePath(imageId);
        return Results.Accepted(location, new ImageAcceptedResponse(imageId, location));
    }

    private static IResult TooLarge(ImageSettings settings) => ApiProblems.From(Rejection.TooLarge(
        $"an image is at most {settings.MaxUploadBytes} bytes (media-platform.images.max-upload-bytes)"));
}

/// <summary>What an upload needs: settings, the blob store, the image region and the stage queues.</summary>
public sealed class ImageUploadContext(ImageSettings settings, IBlobStore store, IReadOnlyActorRegistry registry)
{
    public ImageSettings Settings { get; } = settings;
    public IBlobStore Store { get; } = store;
    public IActorRef Images => registry.Get<ImageRegions.Images>();
    public IActorRef Queue(ImageStage stage) => ImageRegions.Queue(registry, stage);
}
