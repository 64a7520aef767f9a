using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>Messages to a title's pipeline, routed by title id to the sharded <see cref="TitlePipeline"/>.</summary>
public interface ITitlePipelineCommand : IWithEntityId, IProtocolMessage
{
    string TitleId { get; }
    string IWithEntityId.EntityId => TitleId;
}

/// <summary>
/// Take the title as far as it can go now. Sent after a source upload is recorded; safe to repeat (the pipeline
/// follows the title's stored status, so a second drive finds nothing new to do). Answered with
/// <see cref="DrivingTitle"/> once the pipeline is running (remembered by the shard, so it outlives its node).
/// </summary>
[Manifest("title-pipeline.drive.v1")]
public sealed record DriveTitle(string TitleId) : ITitlePipelineCommand;

[Manifest("title-pipeline.driving.v1")]
public sealed record DrivingTitle(string TitleId) : IProtocolMessage;
