using System.Reflection;

namespace MediaPlatform.Actors.Tests.Serialization;

/// <summary>Every type a stored record's JSON is made of: its public properties, through collections and nesting.</summary>
public static class StoredMemberTypes
{
    public static IEnumerable<(string Path, Type Type)> Reachable(Type root)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<(string Path, Type Type)>([(root.Name, root)]);
        while (queue.Count > 0)
        {
            var (path, type) = queue.Dequeue();
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (!seen.Add(type)) continue;
            yield return (path, type);
            if (type.IsPrimitive || type == typeof(string) || type.IsEnum || type.Namespace == "System") continue;
            if (type.IsArray) { queue.Enqueue((path + "[]", type.GetElementType()!)); continue; }
            if (type.IsGenericType && type.Namespace!.StartsWith("System.Collections", StringComparison.Ordinal))
            {
                foreach (var argument in type.GetGenericArguments()) queue.Enqueue((path + "[]", argument));
                continue;
            }
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                if (property.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null && property.GetIndexParameters().Length == 0)
                    queue.Enqueue((path + "." + property.Name, property.PropertyType));
        }
    }
}
