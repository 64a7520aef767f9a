using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Actors.Titles.Quotas;
using MediaPlatform.Actors.Users;

namespace MediaPlatform.Node.Api.Titles;

/// <summary>
/// The uploader's quotas around an upload or a transcode start, decided by the owner's upload-quota entity: bytes are
/// held before the body is read and settled (or released) after; a transcoding slot is taken before the pipeline is
/// driven. The quota belongs to the title's owner, whoever calls (an admin acting for a user counts against them).
/// </summary>
public sealed class UploadQuotaGate(IActorRef quotas, IActorRef titles, UserQuotas limits)
{
    public async Task<Rejection?> HoldBytesAsync(string ownerId, string titleId, long bytes, CancellationToken ct) =>
        (await quotas.AskEntityAsync<UploadQuotaView>(new HoldSourceBytes(ownerId, titleId, bytes, limits.StoredSourceBytes), ct)).Rejection;

    public async Task SettleBytesAsync(string ownerId, string titleId, long bytes) =>
        await quotas.AskEntityAsync<UploadQuotaView>(new SettleSourceBytes(ownerId, titleId, bytes), CancellationToken.None);

    /// <summary>Best effort: a hold that is not released lapses by itself.</summary>
    public async Task ReleaseBytesAsync(string ownerId, string titleId) =>
        await quotas.AskEntityAsync<UploadQuotaView>(new ReleaseSourceBytes(ownerId, titleId), CancellationToken.None);

    /// <summary>
    /// Frees the slots of the owner's titles that are no longer transcoding (asked of each title), then takes one for
    /// this title; the refusal names the limit.
    /// </summary>
    public async Task<Rejection?> TakeTranscodeSlotAsync(string ownerId, string titleId, CancellationToken ct)
    {
        var quota = await quotas.AskEntityAsync<UploadQuotaView>(new GetUploadQuota(ownerId), ct);
        if (quota.Rejection is { } unavailable) return unavailable;
        var finished = new List<string>();
        foreach (var other in quota.Reply!.Transcoding.Where(t => t != titleId))
        {
            var title = await titles.AskEntityAsync<TitleView>(new GetTitle(other), ct);
            if (title.Reply is { Status: TitleStatus.Published or TitleStatus.Failed or TitleStatus.Created } || title.Rejection is { Kind: RejectionKind.NotFound })
                finished.Add(other);
        }
        return (await quotas.AskEntityAsync<UploadQuotaView>(new TakeTranscodeSlot(ownerId, titleId, limits.TranscodingTitles, finished), ct)).Rejection;
    }
}
