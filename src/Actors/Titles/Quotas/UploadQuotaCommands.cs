using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Titles.Quotas;

/// <summary>Every message a user's upload quota handles; routed by the uploader's user id.</summary>
public interface IUploadQuotaCommand : IWithEntityId, IProtocolMessage
{
    string UserId { get; }
    string IWithEntityId.EntityId => UserId;
}

/// <summary>
/// Holds <paramref name="Bytes"/> of the user's stored-source budget for an upload to <paramref name="TitleId"/>
/// before its body is read; refused (413) when the user's sources, the title's own excepted, plus live holds plus
/// these bytes would exceed <paramref name="Limit"/>.
/// </summary>
[Manifest("upload-quota.hold-bytes.v1")]
public sealed record HoldSourceBytes(string UserId, string TitleId, long Bytes, long Limit) : IUploadQuotaCommand;

/// <summary>The upload is stored and the title took it: the title's source now counts <paramref name="Bytes"/>, the hold ends.</summary>
[Manifest("upload-quota.settle-bytes.v1")]
public sealed record SettleSourceBytes(string UserId, string TitleId, long Bytes) : IUploadQuotaCommand;

/// <summary>The upload failed or was refused: the hold ends, the title's stored source (if any) still counts.</summary>
[Manifest("upload-quota.release-bytes.v1")]
public sealed record ReleaseSourceBytes(string UserId, string TitleId) : IUploadQuotaCommand;

/// <summary>
/// Takes one of the user's transcoding slots for <paramref name="TitleId"/>; refused (429) when
/// <paramref name="Limit"/> other titles hold one. <paramref name="Finished"/> are titles the caller found no longer
/// transcoding (published, failed, or without a source): their slots are given back first. Only titles verified
/// finished are freed, so concurrent starts never overshoot.
/// </summary>
[Manifest("upload-quota.take-transcode.v1")]
public sealed record TakeTranscodeSlot(string UserId, string TitleId, int Limit, IReadOnlyList<string> Finished) : IUploadQuotaCommand;

[Manifest("upload-quota.get.v1")]
public sealed record GetUploadQuota(string UserId) : IUploadQuotaCommand;
