namespace MediaPlatform.Actors.Titles;

/// <summary>Why a title failed: the stage that refused it ("probe", "transcode", "quality-check") and what to do about it.</summary>
public sealed record TitleFailure(string Stage, string Reason, DateTimeOffset At)
{
    public const string ProbeStage = "probe";
    public const string TranscodeStage = "transcode";
    public const string QualityStage = "quality-check";
}
