using System.Security.Claims;
using System.Text.RegularExpressions;
using Akka.Actor;
using Akka.Hosting;
using MediaPlatform.Actors.Images;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Node.Api.Limits;
using MediaPlatform.Node.Api.Titles;
using MediaPlatform.Node.Hosting;
using MediaPlatform.Streams.Images;

namespace MediaPlatform.Node.Api.Images;

/// <summary>
/// /api/images: an image's pipeline status, stages and tags; its variants, served like HLS files (ETag, immutable
/// caching: a variant never changes once written); search by tag and by near duplicate. The uploads that create
/// images live under their subjects (<see cref="ImageUploads"/>). Every route needs a signed-in caller.
/// </summary>
public static partial class ImageRoutes
{
    public const string Prefix = "/api/images";
    public const string VariantCaching = "public, max-age=31536000, immutable";
    private const int DefaultLimit = 50;
    private const int MaxLimit = 200;

    public static string ImagePath(string imageId) => $"{Prefix}/{imageId}";

    public static string VariantPath(string imageId, string name) => $"{Prefix}/{imageId}/variants/{name}";

    public static IEndpointRouteBuilder MapImageRoutes(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/titles/{titleId}/artwork", ImageUploads.ArtworkAsync).RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Uploads).WithTags("images")
            .WithSummary("Upload the title's artwork (owner or admin): JPEG, PNG or WebP as the raw body; 202 with the imageId");
        app.MapPut("/api/users/{userId}/avatar", ImageUploads.AvatarAsync).RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.Uploads).WithTags("images")
            .WithSummary("Upload the user's avatar (that user or an admin): JPEG, PNG or WebP as the raw body; 202 with the imageId");

        var images = app.MapGroup(Prefix).WithTags("images").RequireAuthorization();
        images.MapGet("/", SearchAsync).WithSummary("Complete images with a tag (faces, no-faces, dark, bright, high-contrast, text, artwork, avatar, frame …); or ?title={id}: the title's sampled frames with their times and tags");
        images.MapGet("/{imageId}", GetAsync).WithSummary("An image: status (Processing, Complete, Failed), each stage's status and attempts, tags, variants");
        images.MapGet("/{imageId}/similar", SimilarAsync).WithSummary("Complete images whose perceptual hash is within maxDistance bits (default 10), nearest first");
        images.MapMethods("/{imageId}/variants/{name}", [HttpMethods.Get, HttpMethods.Head], VariantAsync)
            .WithSummary("One variant (w{width}.webp or w{width}.jpg) of a complete image, with ETag and immutable caching");
        return app;
    }

    private static Task<IResult> GetAsync(string imageId, IRequiredActor<ImageRegions.Images> region, CancellationToken ct) =>
        ApiInput.Id("image id", imageId) is { } bad ? Task.FromResult(bad)
            : region.ActorRef.AskAsync<ImageView>(new GetImage(imageId), ct, view => Results.Ok(ImageResponse.From(view)));

    private static async Task<IResult> SearchAsync(string? tag, string? title, int? limit, IRequiredActor<ImageRegions.Catalog> catalog, CancellationToken ct)
    {
        if (title is not null) return await TitleFramesAsync(tag, title, limit, catalog.ActorRef, ct);
        if (string.IsNullOrWhiteSpace(tag) || tag.Length > 40 || !TagPattern().IsMatch(tag))
            return ApiProblems.Invalid("tag is required: letters, digits and '-' (e.g. tag=faces)");
        if (Limit(limit) is not { } take) return ApiProblems.Invalid($"limit must be between 1 and {MaxLimit}");
        var found = await AskCatalogAsync(catalog.ActorRef, new FindImagesByTag(tag, take), ct);
        return found is null ? ApiProblems.Timeout("the image catalog") : Results.Ok(new ImageListResponse(found.Images));
    }

    /// <summary>A title's sampled frames (images of kind frame) in time order, with their times, status and tags.</summary>
    private static async Task<IResult> TitleFramesAsync(string? tag, string title, int? limit, IActorRef catalog, CancellationToken ct)
    {
        if (tag is not null) return ApiProblems.Invalid("ask for either tag= or title=, not both");
        if (ApiInput.Id("title id", title) is { } bad) return bad;
        if (Limit(limit) is not { } take) return ApiProblems.Invalid($"limit must be between 1 and {MaxLimit}");
        TitleFramesResult found;
        try { found = await catalog.Ask<TitleFramesResult>(new FindTitleFrames(title, take), EntityAsk.DefaultTimeout, ct); }
        catch (AskTimeoutException) { return ApiProblems.Timeout("the image catalog"); }
        return Results.Ok(new TitleFramesResponse(title, found.Frames));
    }

    private static async Task<IResult> SimilarAsync(string imageId, int? maxDistance, int? limit, IRequiredActor<ImageRegions.Catalog> catalog, CancellationToken ct)
    {
        if (ApiInput.Id("image id", imageId) is { } bad) return bad;
        var distance = maxDistance ?? PerceptualHash.NearDuplicateDistance;
        if (distance is < 0 or > 64) return ApiProblems.Invalid("maxDistance must be between 0 and 64 bits");
        if (Limit(limit) is not { } take) return ApiProblems.Invalid($"limit must be between 1 and {MaxLimit}");
        var found = await AskCatalogAsync(catalog.ActorRef, new FindSimilarImages(imageId, distance, take), ct);
        if (found is null) return ApiProblems.Timeout("the image catalog");
        return found.Known ? Results.Ok(new ImageListResponse(found.Images))
            : Results.Problem(title: "Not found", detail: $"image {imageId} is not a complete image (yet)", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> VariantAsync(string imageId, string name, IRequiredActor<ImageRegions.Images> region, IBlobStore store, CancellationToken ct)
    {
        if (ApiInput.Id("image id", imageId) is { } bad) return bad;
        if (!VariantPattern().IsMatch(name)) return ApiProblems.Invalid("a variant is named w{width}.webp or w{width}.jpg");
        var answer = await region.ActorRef.AskEntityAsync<ImageView>(new GetImage(imageId), ct);
        if (answer.Reply is not { } view) return ApiProblems.From(answer.Rejection!);
        if (view.Variants.FirstOrDefault(v => v.Name == name) is not { } variant)
            return Results.Problem(title: "Not found", statusCode: StatusCodes.Status404NotFound,
                detail: view.Status == ImageStatus.Complete ? $"image {imageId} has no variant {name}" : $"image {imageId} is {view.Status}; variants are served once it is complete");
        var blob = await store.GetInfoAsync(ImageBlobKeys.Variant(imageId, name), ct);
        return blob is null
            ? Results.Problem(title: "Not found", detail: $"variant {name} of image {imageId} is missing from storage", statusCode: StatusCodes.Status404NotFound)
            : new BlobResult(store, blob, variant.ContentType, VariantCaching);
    }

    private static async Task<ImageSearchResult?> AskCatalogAsync(IActorRef catalog, object question, CancellationToken ct)
    {
        try { return await catalog.Ask<ImageSearchResult>(question, EntityAsk.DefaultTimeout, ct); }
        catch (AskTimeoutException) { return null; }
    }

    private static int? Limit(int? limit) => limit is null ? DefaultLimit : limit is >= 1 and <= MaxLimit ? limit : null;

    [GeneratedRegex("^[a-z0-9-]+$", RegexOptions.IgnoreCase)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^w[0-9]{2,4}\.(webp|jpg)$")]
    private static partial Regex VariantPattern();
}
