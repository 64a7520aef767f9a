using Google.Protobuf.WellKnownTypes;
using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Node.Api.Titles;
using ProtoTitle = MediaPlatform.Node.Grpc.V1.Title;
using ProtoStatus = MediaPlatform.Node.Grpc.V1.TitleStatus;

namespace MediaPlatform.Node.Grpc;

/// <summary>A title as the gRPC catalog shows it: what GET /api/titles/{id} shows other services, without the pipeline's detail.</summary>
public static class TitleMessages
{
    public static ProtoTitle From(TitleView view)
    {
        var response = TitleResponse.From(view);
        var title = new ProtoTitle
        {
            TitleId = view.TitleId,
            OwnerId = view.OwnerId,
            Name = view.Name,
            Description = view.Description,
            Status = Status(view.Status),
            CreatedAt = Timestamp.FromDateTimeOffset(view.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(view.UpdatedAt),
            DurationSeconds = view.Probe?.Duration.TotalSeconds ?? 0,
            PriceMinor = view.PriceMinor,
            Currency = PlanCatalog.Currency,
            PlaybackUrl = response.PlaybackUrl ?? "",
            PosterUrl = response.PosterUrl ?? "",
        };
        if (view.PublishedAt is { } published) title.PublishedAt = Timestamp.FromDateTimeOffset(published);
        return title;
    }

    public static ProtoStatus Status(TitleStatus status) => status switch
    {
        TitleStatus.Created => ProtoStatus.Created,
        TitleStatus.SourceUploaded => ProtoStatus.SourceUploaded,
        TitleStatus.Probing => ProtoStatus.Probing,
        TitleStatus.Probed => ProtoStatus.Probed,
        TitleStatus.Transcoding => ProtoStatus.Transcoding,
        TitleStatus.QualityCheck => ProtoStatus.QualityCheck,
        TitleStatus.Published => ProtoStatus.Published,
        TitleStatus.Failed => ProtoStatus.Failed,
        _ => ProtoStatus.Unspecified,
    };
}
