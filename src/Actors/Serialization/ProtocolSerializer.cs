using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Serialization;
using MediaPlatform.Actors.Observability;

namespace MediaPlatform.Actors.Serialization;

/// <summary>
/// The one serializer for our messages and events: System.Text.Json bodies under short string manifests.
/// JSON rather than Protobuf because records stay the single source of truth (no .proto files or generated code to
/// keep in step), events stay readable in the journal for operators, and additive changes (a new optional field)
/// need no new manifest. The manifest, not the CLR type name, names the shape, so types can move and be renamed.
/// </summary>
public sealed class ProtocolSerializer : SerializerWithStringManifest
{
    /// <summary>Serializer id; ids below 100 are reserved by Akka.NET.</summary>
    public const int Id = 4711;
    public const string Name = "protocol";

    /// <summary>Config path listing extra assemblies (by name) whose protocol types this serializer also carries.</summary>
    public const string AssembliesConfigPath = "media-platform.serialization.extra-assemblies";

    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        // Enums by name: reordering an enum must not change what a stored event means.
        Converters = { new JsonStringEnumConverter() },
        // Version skew in a rolling upgrade: a field this build does not know (added by the next version, which may
        // already be writing events and sending messages) is skipped, and a field this build has but the bytes lack
        // (written by the previous version) takes its parameter's default. So a field is added as an optional
        // parameter with a default, and never renamed; a new event type needs a new manifest, and a build that
        // reads it must be rolled out before one that writes it (an unknown manifest fails, it is not skipped).
        // Stated here rather than left to the default: the HTTP API does the opposite (it refuses unknown fields).
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    /// <summary>The envelope of a message sent with its trace context (never stored, so never versioned by events).</summary>
    public const string TracedManifest = "traced.v1";

    public ProtocolTypeRegistry Registry { get; }

    public ProtocolSerializer(ExtendedActorSystem system) : this(system, RegistryFor(system)) { }

    public ProtocolSerializer(ExtendedActorSystem system, ProtocolTypeRegistry registry) : base(system)
    {
        Registry = registry;
    }

    public override int Identifier => Id;

    public override string Manifest(object o) =>
        o is TracedMessage ? TracedManifest :
        Registry.TryGetManifest(o.GetType(), out var manifest)
            ? manifest
            : throw new ArgumentException($"{o.GetType().FullName} has no protocol manifest; is its assembly registered?");

    public override byte[] ToBinary(object obj)
    {
        if (obj is TracedMessage traced) return TracedMessageFormat.ToBinary(traced, this);
        Manifest(obj); // fail on an unknown type before writing anything
        return JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), JsonOptions);
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (manifest == TracedManifest) return TracedMessageFormat.FromBinary(bytes, this);
        if (!Registry.TryGetType(manifest, out var type))
            throw new SerializationException($"unknown protocol manifest '{manifest}'");
        return JsonSerializer.Deserialize(bytes, type, JsonOptions)
            ?? throw new SerializationException($"manifest '{manifest}' decoded to null");
    }

    /// <summary>The message inside an envelope's bytes, read in place (no copy of the body).</summary>
    internal object FromBinary(ReadOnlySpan<byte> bytes, string manifest)
    {
        if (!Registry.TryGetType(manifest, out var type))
            throw new SerializationException($"unknown protocol manifest '{manifest}'");
        return JsonSerializer.Deserialize(bytes, type, JsonOptions)
            ?? throw new SerializationException($"manifest '{manifest}' decoded to null");
    }

    private static ProtocolTypeRegistry RegistryFor(ActorSystem system)
    {
        var assemblies = new List<Assembly> { typeof(ProtocolSerializer).Assembly };
        var extra = system.Settings.Config.GetStringList(AssembliesConfigPath, []);
        assemblies.AddRange(extra.Select(name => Assembly.Load(new AssemblyName(name))));
        return ProtocolTypeRegistry.FromAssemblies(assemblies);
    }
}
