using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Images;
using MediaPlatform.Actors.Tests.Support;
using MediaPlatform.Actors.Tests.Titles;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Actors.Users;

namespace MediaPlatform.Actors.Tests.Images;

/// <summary>A title records its complete artwork and a user their avatar: once, and the newest upload wins whatever completes last.</summary>
public sealed class ImageShownBySubjectSpecs
{
    private static readonly DateTimeOffset Uploaded = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly StoredImageRef First = new("img-1", ["w160.webp", "w160.jpg"], Uploaded);
    private static readonly StoredImageRef Second = new("img-2", ["w320.webp", "w320.jpg"], Uploaded.AddMinutes(1));

    [Fact]
    public void A_title_shows_its_newest_complete_artwork_and_a_repeat_or_an_older_upload_changes_nothing()
    {
        var (state, events, reply) = Decisions.Accept(TitleSamples.Created(), TitleSamples.Created().Handle(new RecordTitleArtwork(TitleSamples.Id, Second), TitleSamples.Now));
        Assert.IsType<TitleArtworkRecorded>(Assert.Single(events));
        Assert.Equal(Second, Assert.IsType<TitleView>(reply).Artwork);

        Assert.Empty(Decisions.Accept(state, state.Handle(new RecordTitleArtwork(TitleSamples.Id, Second), TitleSamples.Now)).Events);
        var (late, none, _) = Decisions.Accept(state, state.Handle(new RecordTitleArtwork(TitleSamples.Id, First), TitleSamples.Now));
        Assert.Empty(none); // the older upload completed last: the newer stays
        Assert.Equal("img-2", late.View().Artwork!.ImageId);
    }

    [Fact]
    public void A_user_shows_their_newest_complete_avatar_on_the_profile()
    {
        var user = Decisions.Accept(UserState.Empty("u-1"), UserState.Empty("u-1").Handle(new RegisterUser("u-1", "a@example.com", "Alice", "hash"), Uploaded)).State;
        Assert.Null(user.Profile().Avatar);

        var (withFirst, events, _) = Decisions.Accept(user, user.Handle(new RecordUserAvatar("u-1", First), Uploaded));
        Assert.IsType<UserAvatarRecorded>(Assert.Single(events));
        var (withSecond, _, reply) = Decisions.Accept(withFirst, withFirst.Handle(new RecordUserAvatar("u-1", Second), Uploaded));

        Assert.Equal(Second, Assert.IsType<UserProfile>(reply).Avatar);
        Assert.Empty(Decisions.Accept(withSecond, withSecond.Handle(new RecordUserAvatar("u-1", First), Uploaded)).Events);
        Assert.IsType<Decision<IUserEvent>.Rejected>(UserState.Empty("u-9").Handle(new RecordUserAvatar("u-9", First), Uploaded));
    }
}
