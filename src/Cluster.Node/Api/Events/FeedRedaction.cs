using System.Text.Json.Nodes;

namespace MediaPlatform.Node.Api.Events;

/// <summary>
/// Keeps secrets out of the feed: any property whose name speaks of a token, secret or password (a billing card's
/// gateway token, a payment's card token) has its value replaced, at any depth. Card numbers are never stored.
/// </summary>
public static class FeedRedaction
{
    public const string Redacted = "[redacted]";

    private static readonly string[] SecretWords = ["token", "secret", "password"];

    public static JsonNode? Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                    if (IsSecret(name)) obj[name] = Redacted;
                    else Redact(value);
                break;
            case JsonArray array:
                foreach (var item in array) Redact(item);
                break;
        }
        return node;
    }

    private static bool IsSecret(string name) => SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));
}
