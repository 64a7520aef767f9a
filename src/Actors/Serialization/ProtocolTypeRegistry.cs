using System.Collections.Frozen;
using System.Reflection;

namespace MediaPlatform.Actors.Serialization;

/// <summary>Maps every <see cref="IProtocolMessage"/> type to its manifest and back; built once per serializer.</summary>
public sealed class ProtocolTypeRegistry
{
    private readonly FrozenDictionary<Type, string> _manifestByType;
    private readonly FrozenDictionary<string, Type> _typeByManifest;

    private ProtocolTypeRegistry(Dictionary<Type, string> manifestByType)
    {
        _manifestByType = manifestByType.ToFrozenDictionary();
        _typeByManifest = manifestByType.ToFrozenDictionary(kv => kv.Value, kv => kv.Key);
    }

    public IReadOnlyCollection<Type> Types => _manifestByType.Keys;

    /// <summary>Scans the given assemblies; fails on a protocol type without a manifest or on a manifest used twice.</summary>
    public static ProtocolTypeRegistry FromAssemblies(IEnumerable<Assembly> assemblies) =>
        FromTypes(assemblies.Distinct().SelectMany(ProtocolTypesIn));

    /// <summary>Builds the map from the given types' [Manifest]s; fails on a missing or repeated manifest.</summary>
    public static ProtocolTypeRegistry FromTypes(IEnumerable<Type> types)
    {
        var map = new Dictionary<Type, string>();
        var owners = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            var manifest = type.GetCustomAttribute<ManifestAttribute>()?.Manifest
                ?? throw new InvalidOperationException($"{type.FullName} is a protocol type without a [Manifest]");
            if (owners.TryGetValue(manifest, out var other))
                throw new InvalidOperationException($"manifest '{manifest}' is used by both {other.FullName} and {type.FullName}");
            owners[manifest] = type;
            map[type] = manifest;
        }
        return new ProtocolTypeRegistry(map);
    }

    public static IEnumerable<Type> ProtocolTypesIn(Assembly assembly) =>
        assembly.GetTypes().Where(t => typeof(IProtocolMessage).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false });

    public bool TryGetManifest(Type type, out string manifest) => _manifestByType.TryGetValue(type, out manifest!);

    public bool TryGetType(string manifest, out Type type) => _typeByManifest.TryGetValue(manifest, out type!);
}
