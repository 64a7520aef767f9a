namespace MediaPlatform.Ctl;

/// <summary>Global options and the command words left after reading them.</summary>
public sealed record CtlOptions(string Host, string? Token, bool Json, int? Count, int? Depth, IReadOnlyList<string> Words)
{
    public const string DefaultHost = "127.0.0.1:8081";
    public const string HostVariable = "MPCTL_HOST";
    public const string TokenVariable = "MPCTL_TOKEN";
    public const string TokenFileVariable = "MPCTL_TOKEN_FILE";

    /// <summary>
    /// Reads --host, --token, --token-file, --json, --count, --depth anywhere on the line; throws CtlException(Usage).
    /// The token is best given by MPCTL_TOKEN_FILE (or --token-file): a --token value shows in <c>ps</c>.
    /// </summary>
    public static CtlOptions Parse(IReadOnlyList<string> args, CtlOptions? defaults = null)
    {
        var host = defaults?.Host ?? (Environment.GetEnvironmentVariable(HostVariable) is { Length: > 0 } h ? h : DefaultHost);
        var token = defaults?.Token
            ?? (Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } t ? t : null)
            ?? (Environment.GetEnvironmentVariable(TokenFileVariable) is { Length: > 0 } f ? ReadTokenFile(TokenFileVariable, f) : null);
        var json = defaults?.Json ?? false;
        int? count = null, depth = null;
        var words = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var eq = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=') : -1;
            var name = eq > 0 ? arg[..eq] : arg;
            string Value() => eq > 0 ? arg[(eq + 1)..]
                : i + 1 < args.Count ? args[++i]
                : throw new CtlException(CtlExitCodes.Usage, $"{name} needs a value");
            switch (name)
            {
                case "--host": host = Value(); break;
                case "--token": token = Value(); break;
                case "--token-file": token = ReadTokenFile(name, Value()); break;
                case "--json": json = true; break;
                case "--count": count = PositiveInt(name, Value()); break;
                case "--depth": depth = PositiveInt(name, Value()); break;
                default:
                    if (arg.StartsWith("--", StringComparison.Ordinal))
                        throw new CtlException(CtlExitCodes.Usage, $"unknown option '{arg}'");
                    words.Add(arg);
                    break;
            }
        }
        return new CtlOptions(host, token, json, count, depth, words);
    }

    private static string ReadTokenFile(string source, string path)
    {
        try
        {
            var token = File.ReadAllText(path).Trim();
            return token.Length > 0 ? token : throw new CtlException(CtlExitCodes.Usage, $"{source} '{path}' is empty");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CtlException(CtlExitCodes.Usage, $"{source} '{path}' cannot be read: {e.Message}");
        }
    }

    private static int PositiveInt(string name, string text) =>
        int.TryParse(text, out var n) && n > 0 ? n : throw new CtlException(CtlExitCodes.Usage, $"{name} '{text}' is not a positive whole number");
}
