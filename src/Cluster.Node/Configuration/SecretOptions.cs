using System.Security.Cryptography;

namespace MediaPlatform.Node.Configuration;

/// <summary>
/// Secrets (token keys, admin token) from a flag, its variable, or a file named by a flag or variable. Files and
/// variables are the recommended ways: a flag's value shows in <c>ps</c> and /proc/PID/cmdline.
/// </summary>
public static class SecretOptions
{
    public const int MinTokenKeyLength = 32;
    public const int MinAdminTokenLength = 16;
    public const string HowToMakeAKey = "head -c 48 /dev/urandom | base64";

    /// <summary>The secret, or null when neither the value nor the file option is set.</summary>
    public static string? Read(OptionSpec value, OptionSpec file, Func<OptionSpec, string?> get, int minLength)
    {
        var secret = Resolve(value, file, get);
        if (secret is null) return null;
        var from = get(file) is null ? value.Flag : $"{file.Flag} file";
        if (secret.Length < minLength) throw new OptionsException($"{value.Flag} (from {from}) must be at least {minLength} characters");
        return secret;
    }

    /// <summary>A comma- (or, in a file, line-) separated list of secrets, each checked for length.</summary>
    public static IReadOnlyList<string> ReadList(OptionSpec value, OptionSpec file, Func<OptionSpec, string?> get, int minLength)
    {
        var text = Resolve(value, file, get);
        if (text is null) return [];
        var items = text.Split([',', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Any(i => i.Length < minLength))
            throw new OptionsException($"every key of {value.Flag} must be at least {minLength} characters");
        return items;
    }

    public static OptionsException MissingClusterKey() => new(
        $"{NodeOptionSpecs.TokenKey.Flag} is required when the node joins others ({NodeOptionSpecs.Seeds.Flag} or {NodeOptionSpecs.Discovery.Flag}): " +
        $"every node must sign with the same secret. Make one with `{HowToMakeAKey}` and pass it by {NodeOptionSpecs.TokenKey.EnvVar} " +
        $"or {NodeOptionSpecs.TokenKeyFile.Flag} FILE (mode 0600)");

    /// <summary>A key for a node that is a cluster of one and was given none: unguessable, and gone with the process.</summary>
    public static string RandomKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    private static string? Resolve(OptionSpec value, OptionSpec file, Func<OptionSpec, string?> get)
    {
        var direct = get(value);
        var path = get(file);
        if (direct is not null && path is not null)
            throw new OptionsException($"give either {value.Flag} or {file.Flag}, not both");
        if (path is null) return direct;
        try
        {
            var content = File.ReadAllText(path).Trim();
            return content.Length == 0 ? throw new OptionsException($"{file.Flag} '{path}' is empty") : content;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new OptionsException($"{file.Flag} '{path}' cannot be read: {e.Message}");
        }
    }
}
