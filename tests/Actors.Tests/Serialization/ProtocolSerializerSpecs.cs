using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Tests.Serialization;

public sealed class ProtocolSerializerSpecs : Akka.TestKit.Xunit2.TestKit
{
    private static readonly Assembly[] ProtocolAssemblies = [typeof(IProtocolMessage).Assembly, typeof(ProtocolSerializerSpecs).Assembly];

    // The node's own serialization.hocon, plus this assembly's sample types.
    private static Config SpecConfig => ConfigurationFactory.ParseString($"""
            {ProtocolSerializer.AssembliesConfigPath} = ["{typeof(ProtocolSerializerSpecs).Assembly.GetName().Name}"]
            """)
        .WithFallback(ConfigurationFactory.ParseString(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "serialization.hocon"))));

    public ProtocolSerializerSpecs() : base(SpecConfig) { }

    public static TheoryData<Type> AllProtocolTypes()
    {
        var data = new TheoryData<Type>();
        foreach (var type in ProtocolAssemblies.SelectMany(ProtocolTypeRegistry.ProtocolTypesIn)) data.Add(type);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllProtocolTypes))]
    public void Every_protocol_type_must_round_trip_through_the_serializer_akka_binds_to_it(Type type)
    {
        var original = SampleValues.Create(type);
        var serializer = Sys.Serialization.FindSerializerFor(original);
        var protocol = Assert.IsType<ProtocolSerializer>(serializer);

        var manifest = protocol.Manifest(original);
        var bytes = protocol.ToBinary(original);
        var restored = Sys.Serialization.Deserialize(bytes, protocol.Identifier, manifest);

        Assert.IsType(type, restored);
        Assert.Equal(Json(original), Json(restored));
    }

    [Fact]
    public void Manifests_must_be_unique_short_and_present_on_every_protocol_type()
    {
        var registry = ProtocolTypeRegistry.FromAssemblies(ProtocolAssemblies);
        var expected = ProtocolAssemblies.SelectMany(ProtocolTypeRegistry.ProtocolTypesIn).ToList();
        Assert.Equal(expected.Count, registry.Types.Count);
        var manifests = expected.Select(t => registry.TryGetManifest(t, out var m) ? m : null).ToList();
        Assert.All(manifests, m => Assert.False(string.IsNullOrWhiteSpace(m)));
        Assert.All(manifests, m => Assert.True(m!.Length <= 64, $"manifest '{m}' is longer than 64 characters"));
        Assert.Equal(manifests.Count, manifests.Distinct().Count());
    }

    [Fact]
    public void A_reused_manifest_must_be_refused_when_the_registry_is_built()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            ProtocolTypeRegistry.FromTypes([typeof(DuplicateManifests.First), typeof(DuplicateManifests.Second)]));
        Assert.Contains("dup.v1", error.Message);
    }

    [Fact]
    public void An_unknown_manifest_must_fail_loudly_not_decode_to_something_else()
    {
        var protocol = (ProtocolSerializer)Sys.Serialization.FindSerializerForType(typeof(SampleBlob));
        Assert.Throws<SerializationException>(() => protocol.FromBinary("{}"u8.ToArray(), "no.such.manifest.v1"));
    }

    [Fact]
    public void Types_without_the_marker_must_not_fall_back_to_the_default_json_serializer()
    {
        // Strict serialization: an unbound type is an error, never silently written with CLR type names.
        Assert.ThrowsAny<Exception>(() => Sys.Serialization.FindSerializerFor(new NotAProtocolMessage("x")).ToBinary(new NotAProtocolMessage("x")));
    }

    private static string Json(object o) => JsonSerializer.Serialize(o, o.GetType());

    public sealed record NotAProtocolMessage(string Text);
}

/// <summary>
/// Two types claiming one manifest, used only to prove the registry refuses them. They do not carry the marker,
/// so the assembly scan that builds the real registry never sees them.
/// </summary>
public static class DuplicateManifests
{
    [Manifest("dup.v1")] public sealed record First(string A);
    [Manifest("dup.v1")] public sealed record Second(string B);
}
