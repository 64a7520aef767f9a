namespace MediaPlatform.Actors.Images;

/// <summary>One stage of one image as stored in the entity's state: its status, attempts so far, why it last failed.</summary>
public sealed record ImageStageRecord(StageStatus Status, int Attempts, string? Reason);
