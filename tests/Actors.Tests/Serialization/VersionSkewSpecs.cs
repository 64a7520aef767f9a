using System.Runtime.Serialization;
using System.Text;
using MediaPlatform.Actors.Serialization;
using MediaPlatform.Actors.Users;

namespace MediaPlatform.Actors.Tests.Serialization;

/// <summary>
/// During a rolling upgrade nodes of version N and N+1 share one journal and one cluster: each reads events (and
/// messages) the other wrote. Two builds of the serializer's contract side by side — today's, and the next one's
/// with a field added to an event under the same manifest — must read each other's bytes.
/// </summary>
public sealed class VersionSkewSpecs(StoredShapeGoldenSpecs.SerializerFixture fixture) : IClassFixture<StoredShapeGoldenSpecs.SerializerFixture>
{
    private const string Manifest = "user.profile-updated.v1";
    private static readonly DateTimeOffset At = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private ProtocolSerializer Today => fixture.Serializer;

    private ProtocolSerializer Next => new(fixture.System, ProtocolTypeRegistry.FromTypes([typeof(NextVersionProfileUpdated)]));

    [Fact]
    public void An_event_the_next_version_wrote_with_an_added_field_is_read_by_this_version()
    {
        var written = new NextVersionProfileUpdated("Ada", At, Pronouns: "she/her");
        var bytes = Next.ToBinary(written);
        Assert.Equal(Manifest, Next.Manifest(written));
        Assert.Contains("\"pronouns\":\"she/her\"", Encoding.UTF8.GetString(bytes));

        var read = Today.FromBinary(bytes, Manifest);

        Assert.Equal(new UserProfileUpdated("Ada", At), read);
    }

    [Fact]
    public void An_event_this_version_wrote_is_read_by_the_next_version_with_the_added_field_at_its_default()
    {
        // The bytes this build writes today, and the checked-in golden sample that old journals hold.
        var today = Today.ToBinary(new UserProfileUpdated("Ada", At));
        var golden = GoldenSamples.TryRead(Manifest) ?? throw new InvalidOperationException($"no golden sample for {Manifest}");

        Assert.Equal(new NextVersionProfileUpdated("Ada", At), Next.FromBinary(today, Manifest));
        var old = Assert.IsType<NextVersionProfileUpdated>(Next.FromBinary(golden, Manifest));
        Assert.Null(old.Pronouns);
        Assert.Equal(((UserProfileUpdated)Today.FromBinary(golden, Manifest)).DisplayName, old.DisplayName);
    }

    [Fact]
    public void An_event_type_this_version_does_not_know_fails_loudly_instead_of_being_skipped()
    {
        // Why a new event type's reader ships one release before its writer: skipping it would replay a different history.
        var bytes = Encoding.UTF8.GetBytes("""{"pronouns":"she/her","at":"2026-12-07T08:00:00+00:00"}""");
        var error = Assert.Throws<SerializationException>(() => Today.FromBinary(bytes, "user.pronouns-set.v1"));
        Assert.Contains("user.pronouns-set.v1", error.Message);
    }
}
