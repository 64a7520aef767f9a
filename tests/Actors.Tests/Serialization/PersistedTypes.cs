using System.Reflection;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Actors.Tests.Serialization;

/// <summary>
/// Every protocol type an entity writes to the journal: each concrete event of each entity's event interface, and the
/// entity's state (its snapshot). Found by walking the assembly, so a new entity or event is covered without a list.
/// </summary>
public static class PersistedTypes
{
    public static IReadOnlyList<Type> In(Assembly assembly)
    {
        var protocolTypes = ProtocolTypeRegistry.ProtocolTypesIn(assembly).ToList();
        var persisted = new HashSet<Type>();
        foreach (var entity in assembly.GetTypes().Where(t => t is { IsAbstract: false }))
        {
            var arguments = EntityTypeArguments(entity);
            if (arguments is null) continue;
            var (state, @event) = (arguments[0], arguments[2]);
            persisted.Add(state);
            persisted.UnionWith(protocolTypes.Where(@event.IsAssignableFrom));
        }
        return persisted.Where(typeof(IProtocolMessage).IsAssignableFrom).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
    }

    private static Type[]? EntityTypeArguments(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(EventSourcedEntity<,,>))
                return t.GetGenericArguments();
        return null;
    }
}
