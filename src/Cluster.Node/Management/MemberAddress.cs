using Akka.Actor;

namespace MediaPlatform.Node.Management;

/// <summary>
/// Reads the member address of a management request: the full form <c>akka.tcp://media@127.0.0.1:4051</c>
/// (URL-encoded or not), or the short forms <c>media@127.0.0.1:4051</c> and <c>127.0.0.1:4051</c> operators type.
/// </summary>
public static class MemberAddress
{
    /// <summary>The address, or null with <paramref name="error"/> saying what is wrong with the text.</summary>
    public static Address? TryParse(string? raw, ActorSystem system, out string error)
    {
        error = "";
        var text = Uri.UnescapeDataString(raw ?? "").Trim();
        var example = $"akka.tcp://{system.Name}@host:port";
        if (text.Length == 0)
        {
            error = $"no member address given (expected {example})";
            return null;
        }
        var full = text.Contains("://", StringComparison.Ordinal) ? text
            : text.Contains('@') ? $"akka.tcp://{text}"
            : $"akka.tcp://{system.Name}@{text}";
        Address address;
        try
        {
            address = Address.Parse(full);
        }
        catch (Exception e) when (e is FormatException or UriFormatException or ArgumentException)
        {
            error = $"'{text}' is not a member address (expected {example})";
            return null;
        }
        if (!address.Protocol.StartsWith("akka", StringComparison.Ordinal) || address.Host is null || address.Port is null or <= 0)
        {
            error = $"'{text}' is not a member address with host and port (expected {example})";
            return null;
        }
        if (address.System != system.Name)
        {
            error = $"'{text}' names actor system '{address.System}', but this cluster is '{system.Name}'";
            return null;
        }
        return address;
    }
}
