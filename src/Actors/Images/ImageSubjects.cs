using Akka.Actor;
using Akka.Event;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Actors.Users;

namespace MediaPlatform.Actors.Images;

/// <summary>
/// Tells an image's subject that the image is complete: a title records its artwork, a user their avatar (frames are
/// listed by the catalog, nothing to tell). Sent after every result that leaves the image complete, so a repeat (a job
/// run again after its node died) is harmless and the entities keep the newest upload. A subject that refuses (gone,
/// e.g.) is logged and not asked again; an ask that times out throws, and the job runs again.
/// </summary>
public sealed class ImageSubjects(Func<IActorRef> titles, Func<IActorRef> users, ILoggingAdapter log)
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(10);

    public async Task RecordCompleteAsync(ImageView image)
    {
        if (image.Status != ImageStatus.Complete) return;
        var shown = new StoredImageRef(image.ImageId, image.Variants.Select(v => v.Name).ToList(), image.SubmittedAt);
        (IActorRef Region, object Command)? target = image.Kind switch
        {
            ImageKind.Artwork => (titles(), new RecordTitleArtwork(image.SubjectId, shown)),
            ImageKind.Avatar => (users(), new RecordUserAvatar(image.SubjectId, shown)),
            _ => null,
        };
        if (target is not { } t) return;
        if (await t.Region.Ask<object>(t.Command, AskTimeout) is Rejection refused)
            log.Warning("image {0}: its {1} {2} did not record it: {3}", image.ImageId, image.Kind.ToString().ToLowerInvariant(), image.SubjectId, refused.Message);
    }
}
