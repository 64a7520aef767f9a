using System.Text.Json.Nodes;

namespace MediaPlatform.Node.Api.Events;

/// <summary>
/// Keeps secrets out of the feed: any property whose name speaks of a token, secret, password or coupon code, or is a
/// key (a payment's idempotency key, its gateway key), has its value replaced, at any depth (a billing card's gateway
/// token, a payment's card token). Card numbers are never stored.
/// </summary>
public static class FeedRedaction
{
    public const string Redacted = "[redacted]";

    // Idempotency keys (key, gatewayKey, idempotencyKey) replay a client's request and coupon codes are redeemable: both are secrets here.
    private static readonly string[] SecretWords = ["token", "secret", "password", "couponcode"];

    private static readonly HashSet<string> KeyNames = new(["key", "gatewayKey", "idempotencyKey"], StringComparer.OrdinalIgnoreCase);

    private static bool IsKey(string name) => KeyNames.Contains(name);

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

    private static bool IsSecret(string name) => IsKey(name) || SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase));
}
