using System.Collections.Concurrent;
using System.Text;

namespace MediaPlatform.Actors.Observability;

/// <summary>
/// The <c>entity_type</c> label of an entity actor: its class name without "Entity", in kebab case
/// (BillingAccountEntity → billing-account). A class, never an id, so the label set is as small as the code base.
/// </summary>
public static class EntityTypeLabel
{
    private static readonly ConcurrentDictionary<Type, string> Labels = new();

    public static string Of(Type actorType) => Labels.GetOrAdd(actorType, static t => Kebab(Trim(t.Name)));

    private static string Trim(string name)
    {
        var tick = name.IndexOf('`');
        if (tick > 0) name = name[..tick];
        return name.EndsWith("Entity", StringComparison.Ordinal) && name.Length > "Entity".Length ? name[..^"Entity".Length] : name;
    }

    private static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0) text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
