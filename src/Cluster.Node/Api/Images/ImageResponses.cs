using MediaPlatform.Actors.Images;

namespace MediaPlatform.Node.Api.Images;

/// <summary>202 for an accepted upload: the image's id and where to follow it.</summary>
public sealed record ImageAcceptedResponse(string ImageId, string Location);

/// <summary>A served variant: its name, size, type and URL.</summary>
public sealed record ImageVariantResponse(string Name, int Width, int Height, string ContentType, long Bytes, string Url);

/// <summary>GET /api/images/{id}.</summary>
public sealed record ImageResponse(
    string ImageId,
    ImageStatus Status,
    ImageKind Kind,
    string SubjectId,
    int? Width,
    int? Height,
    string? Format,
    IReadOnlyDictionary<string, ImageStageView> Stages,
    IReadOnlyList<string> Tags,
    StoredImageTags? Details,
    int? Faces,
    IReadOnlyList<ImageVariantResponse> Variants,
    string? Reason,
    double? FrameSeconds = null)
{
    public static ImageResponse From(ImageView v) => new(v.ImageId, v.Status, v.Kind, v.SubjectId, v.Width, v.Height, v.Format, v.Stages,
        v.Tags, v.Details, v.Faces,
        v.Variants.Select(x => new ImageVariantResponse(x.Name, x.Width, x.Height, x.ContentType, x.Bytes, ImageRoutes.VariantPath(v.ImageId, x.Name))).ToList(),
        v.Reason, v.FrameSeconds);
}

/// <summary>GET /api/images?tag= and GET /api/images/{id}/similar.</summary>
public sealed record ImageListResponse(IReadOnlyList<ImageSummary> Images);

/// <summary>GET /api/images?title={id}: the title's sampled frames in time order.</summary>
public sealed record TitleFramesResponse(string TitleId, IReadOnlyList<TitleFrame> Frames);
