using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Titles.Quotas;

/// <summary>A title's part of the user's stored-source budget: settled bytes, or bytes held for an upload in progress.</summary>
[Manifest("upload-quota.title-bytes.v1")]
public sealed record TitleBytes(string TitleId, long Bytes, DateTimeOffset? HeldUntil) : IProtocolMessage;

/// <summary>What the user's sources take and which titles hold a transcoding slot.</summary>
[Manifest("upload-quota.view.v1")]
public sealed record UploadQuotaView(string UserId, long StoredBytes, long HeldBytes, IReadOnlyList<string> Transcoding) : IProtocolMessage;
