using Akka.Actor;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Support;
using MediaPlatform.Actors.Users;
using MediaPlatform.Actors.Users.Cards;

namespace MediaPlatform.Actors.Tests.Users;

public sealed class UserEntitySpecs() : Akka.TestKit.Xunit2.TestKit(EntitySpecConfig.Create())
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));

    private IActorRef Start(string id) => Sys.ActorOf(UserEntity.PropsFor(id, EntitySettings.From(Sys), _clock));

    private async Task<T> Ask<T>(IActorRef entity, IUserCommand command) => await entity.Ask<T>(command, TimeSpan.FromSeconds(5));

    [Fact]
    public async Task A_killed_user_must_recover_the_identical_state_from_snapshot_and_events()
    {
        var entity = Start("u-recover");
        await Ask<UserProfile>(entity, new RegisterUser("u-recover", "r@example.com", "Rita", "hash"));
        foreach (var i in Enumerable.Range(1, 4))
            await Ask<UserProfile>(entity, new AddPaymentCard("u-recover", new StoredCard($"c{i}", $"tok{i}", CardBrand.Visa, "1111", 12, 2030), false));
        await Ask<UserProfile>(entity, new SetDefaultPaymentCard("u-recover", "c3"));
        var before = await Ask<UserProfile>(entity, new GetUserProfile("u-recover"));

        Watch(entity);
        entity.Tell(PoisonPill.Instance); // 6 events with snapshot-every = 3: recovery uses a snapshot and events
        ExpectTerminated(entity);

        var after = await Ask<UserProfile>(Start("u-recover"), new GetUserProfile("u-recover"));
        Assert.Equal(Json(before), Json(after));
    }

    [Fact]
    public async Task A_replayed_registration_must_answer_the_same_and_a_rejection_must_persist_nothing()
    {
        var entity = Start("u-replay");
        var first = await Ask<UserProfile>(entity, new RegisterUser("u-replay", "p@example.com", "Pat", "h1"));
        var again = await Ask<UserProfile>(entity, new RegisterUser("u-replay", "p@example.com", "Pat", "h2"));
        Assert.Equal(Json(first), Json(again));

        var refused = await Ask<Rejection>(entity, new UpdateUserProfile("u-replay", ""));
        Assert.Equal(RejectionKind.Invalid, refused.Kind);

        Watch(entity);
        entity.Tell(PoisonPill.Instance);
        ExpectTerminated(entity);
        var credentials = await Ask<UserCredentials>(Start("u-replay"), new GetUserCredentials("u-replay"));
        Assert.Equal("h1", credentials.PasswordHash); // the first registration stands
    }

    private static string Json(object o) => System.Text.Json.JsonSerializer.Serialize(o);
}
