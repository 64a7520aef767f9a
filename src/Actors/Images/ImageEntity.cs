using Akka.Actor;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Images;

/// <summary>One image's pipeline state, sharded by image id; the join of every stage's result (<see cref="ImageState"/>).</summary>
public sealed class ImageEntity(string imageId, EntitySettings settings, IClock clock)
    : EventSourcedEntity<ImageState, IImageCommand, IImageEvent>(PersistenceIdPrefix + imageId, ImageState.Empty(imageId), settings, clock)
{
    public const string PersistenceIdPrefix = "image-";
    public const string TypeName = "image";

    public static Props PropsFor(string imageId, EntitySettings settings, IClock clock) => Props.Create(() => new ImageEntity(imageId, settings, clock));

    protected override Decision<IImageEvent> Decide(ImageState state, IImageCommand command, DateTimeOffset now) => state.Handle(command, now);
}
