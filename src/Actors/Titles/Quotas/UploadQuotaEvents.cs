using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Titles.Quotas;

/// <summary>Every event a user's upload quota persists.</summary>
public interface IUploadQuotaEvent : IProtocolMessage;

[Manifest("upload-quota.bytes-held.v1")]
public sealed record SourceBytesHeld(string TitleId, long Bytes, DateTimeOffset Until) : IUploadQuotaEvent;

[Manifest("upload-quota.bytes-stored.v1")]
public sealed record SourceBytesStored(string TitleId, long Bytes) : IUploadQuotaEvent;

[Manifest("upload-quota.bytes-released.v1")]
public sealed record SourceBytesReleased(string TitleId) : IUploadQuotaEvent;

[Manifest("upload-quota.transcode-taken.v1")]
public sealed record TranscodeSlotTaken(string TitleId) : IUploadQuotaEvent;

[Manifest("upload-quota.transcodes-freed.v1")]
public sealed record TranscodeSlotsFreed(IReadOnlyList<string> TitleIds) : IUploadQuotaEvent;
