using System.Reflection;
using System.Text;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Tests.Serialization;

/// <summary>
/// Pins the journal's schema: each persisted manifest's JSON is compared byte for byte with a checked-in sample, and
/// the sample must still decode to the same value. A renamed or retyped field (in an event, a state, or any record
/// they hold) fails here instead of silently changing what old journals mean.
/// </summary>
public sealed class StoredShapeGoldenSpecs(StoredShapeGoldenSpecs.SerializerFixture fixture)
    : IClassFixture<StoredShapeGoldenSpecs.SerializerFixture>
{
    public static TheoryData<string> PersistedManifests()
    {
        var data = new TheoryData<string>();
        foreach (var manifest in SerializerFixture.Persisted.Keys) data.Add(manifest);
        return data;
    }

    [Theory]
    [MemberData(nameof(PersistedManifests))]
    public void Every_persisted_type_must_write_exactly_its_golden_sample(string manifest)
    {
        var sample = SampleValues.Create(SerializerFixture.Persisted[manifest]);
        var written = fixture.Serializer.ToBinary(sample);
        Assert.Equal(manifest, fixture.Serializer.Manifest(sample));

        var golden = GoldenSamples.TryRead(manifest);
        if (golden is null)
        {
            if (!GoldenSamples.UpdateRequested)
                Assert.Fail($"no golden sample for persisted manifest '{manifest}'. Run the Actors tests once with "
                            + $"{GoldenSamples.UpdateVariable}=1 to write tests/Actors.Tests/Serialization/Golden/"
                            + $"{GoldenSamples.FileName(manifest)}, review it and commit it.");
            GoldenSamples.WriteMissing(manifest, written);
            return;
        }
        Assert.Equal(Encoding.UTF8.GetString(golden), Encoding.UTF8.GetString(written));
    }

    [Theory]
    [MemberData(nameof(PersistedManifests))]
    public void Every_golden_sample_must_still_decode_to_the_value_it_was_written_from(string manifest)
    {
        var golden = GoldenSamples.TryRead(manifest);
        if (golden is null) return; // the writing case above reports the missing file
        var restored = fixture.Serializer.FromBinary(golden, manifest);
        var expected = SampleValues.Create(SerializerFixture.Persisted[manifest]);

        Assert.IsType(expected.GetType(), restored);
        // Compared through default (PascalCase, CLR-member) JSON so the check does not depend on the stored names.
        Assert.Equal(ClrJson(expected), ClrJson(restored));
    }

    [Fact]
    public void Every_golden_sample_must_name_a_manifest_that_still_decodes()
    {
        // Old journals hold these manifests: a stored manifest is never removed or renamed.
        var registry = fixture.Serializer.Registry;
        Assert.All(GoldenSamples.ManifestsOnDisk(), manifest =>
            Assert.True(registry.TryGetType(manifest, out _), $"golden sample '{manifest}' has no protocol type any more"));
    }

    [Fact]
    public void The_persisted_types_must_include_every_entity_event_and_state()
    {
        // Guards the assembly walk itself: if it found nothing the theories above would pass vacuously.
        var types = SerializerFixture.Persisted.Values.ToList();
        Assert.Contains(typeof(MediaPlatform.Actors.Titles.TitleProbed), types);
        Assert.Contains(typeof(MediaPlatform.Actors.Titles.TitleState), types);
        Assert.Contains(typeof(MediaPlatform.Actors.Work.WorkQueueState), types);
        Assert.True(types.Count > 50, $"only {types.Count} persisted types found");
    }

    [Fact]
    public void No_persisted_type_may_hold_a_type_owned_by_the_media_pipeline()
    {
        // Streams records change with the encoder; the journal keeps its own shapes (Stored*) and maps at the boundary.
        var streams = typeof(MediaPlatform.Streams.Ladder.Rung).Assembly;
        var offenders = SerializerFixture.Persisted.Values
            .SelectMany(t => StoredMemberTypes.Reachable(t).Where(m => m.Type.Assembly == streams).Select(m => $"{t.Name}: {m.Path} is {m.Type.FullName}"))
            .ToList();
        Assert.True(offenders.Count == 0, "persisted types hold Streams types:\n" + string.Join("\n", offenders));
    }

    private static string ClrJson(object o) => JsonSerializer.Serialize(o, o.GetType());

    /// <summary>One actor system for every case: the serializer exactly as the node configures it.</summary>
    public sealed class SerializerFixture : IDisposable
    {
        public static readonly IReadOnlyDictionary<string, Type> Persisted = PersistedTypes.In(typeof(IProtocolMessage).Assembly)
            .ToDictionary(t => t.GetCustomAttribute<ManifestAttribute>()!.Manifest, t => t);

        private readonly ActorSystem _system = ActorSystem.Create("golden", ConfigurationFactory.ParseString(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "serialization.hocon"))));

        public ProtocolSerializer Serializer => (ProtocolSerializer)_system.Serialization.FindSerializerForType(typeof(IProtocolMessage));

        public ExtendedActorSystem System => (ExtendedActorSystem)_system;

        public void Dispose() => _system.Terminate().Wait(TimeSpan.FromSeconds(10));
    }
}
