using System.Collections;
using System.Collections.Immutable;
using System.Reflection;

namespace MediaPlatform.Actors.Tests.Serialization;

/// <summary>
/// Builds a populated instance of any protocol record through its widest constructor, with a distinct non-default
/// value per field, so a round trip that drops or confuses a field shows up as a difference.
/// </summary>
public static class SampleValues
{
    public static object Create(Type type, int depth = 0)
    {
        if (depth > 6) throw new InvalidOperationException($"sample of {type} nests too deeply");
        var seed = depth + type.Name.Length;
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null) return Create(underlying, depth);
        if (type == typeof(string)) return $"sample-{type.Name}-{seed}";
        if (type == typeof(int)) return 42 + seed;
        if (type == typeof(long)) return 4_200_000_000L + seed;
        if (type == typeof(short)) return (short)(7 + seed);
        if (type == typeof(byte)) return (byte)(9 + seed);
        if (type == typeof(bool)) return true;
        if (type == typeof(double)) return 3.25 + seed;
        if (type == typeof(decimal)) return 12.5m + seed;
        if (type == typeof(Guid)) return new Guid($"00000000-0000-0000-0000-{seed:D12}");
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 3, 14, 15, 9, 26, TimeSpan.Zero).AddMinutes(seed);
        if (type == typeof(DateTime)) return new DateTime(2026, 3, 14, 15, 9, 26, DateTimeKind.Utc).AddMinutes(seed);
        if (type == typeof(DateOnly)) return new DateOnly(2026, 3, 14).AddDays(seed);
        if (type == typeof(TimeSpan)) return TimeSpan.FromSeconds(90 + seed);
        if (type == typeof(byte[])) return new byte[] { 1, 2, 3, (byte)seed };
        if (type.IsEnum) return Enum.GetValues(type).Cast<object>().Last();
        if (type.IsArray) return ArrayOf(type.GetElementType()!, depth);
        if (type.IsGenericType) return CreateGeneric(type, depth);
        return CreateRecord(type, depth);
    }

    private static Array ArrayOf(Type element, int depth)
    {
        var array = Array.CreateInstance(element, 1);
        array.SetValue(Create(element, depth + 1), 0);
        return array;
    }

    private static object CreateGeneric(Type type, int depth)
    {
        var definition = type.GetGenericTypeDefinition();
        var args = type.GetGenericArguments();
        if (args.Length == 1 && (definition == typeof(IReadOnlyList<>) || definition == typeof(List<>) || definition == typeof(IList<>)
                                 || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>)))
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(args))!;
            list.Add(Create(args[0], depth + 1));
            return list;
        }
        if (definition == typeof(ImmutableList<>) || definition == typeof(ImmutableArray<>) || definition == typeof(ImmutableHashSet<>))
        {
            var factory = definition == typeof(ImmutableList<>) ? typeof(ImmutableList) : definition == typeof(ImmutableArray<>) ? typeof(ImmutableArray) : typeof(ImmutableHashSet);
            var create = factory.GetMethods().First(m => m.Name == "Create" && m.GetParameters().Length == 1 && !m.GetParameters()[0].ParameterType.IsArray && m.GetParameters()[0].ParameterType.IsGenericParameter);
            return create.MakeGenericMethod(args).Invoke(null, [Create(args[0], depth + 1)])!;
        }
        if (args.Length == 2 && (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>) || definition == typeof(IDictionary<,>)))
        {
            var dict = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args))!;
            dict.Add(Create(args[0], depth + 1), Create(args[1], depth + 1));
            return dict;
        }
        if (definition == typeof(ImmutableSortedDictionary<,>) || definition == typeof(ImmutableDictionary<,>))
        {
            var factory = definition == typeof(ImmutableSortedDictionary<,>) ? typeof(ImmutableSortedDictionary) : typeof(ImmutableDictionary);
            var empty = factory.GetMethods().First(m => m.Name == "Create" && m.GetParameters().Length == 0).MakeGenericMethod(args).Invoke(null, null)!;
            return type.GetMethod("Add")!.Invoke(empty, [Create(args[0], depth + 1), Create(args[1], depth + 1)])!;
        }
        return CreateRecord(type, depth);
    }

    private static object CreateRecord(Type type, int depth)
    {
        var ctor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .Where(c => !c.GetParameters().Any(p => p.ParameterType == type)) // skip the record copy constructor
            .OrderByDescending(c => c.GetParameters().Length)
            .FirstOrDefault()
            ?? throw new InvalidOperationException($"{type} has no public constructor to build a sample with");
        var values = ctor.GetParameters().Select(p => Create(p.ParameterType, depth + 1)).ToArray();
        return ctor.Invoke(values);
    }
}
