namespace MediaPlatform.Ctl;

/// <summary>Global options and the command words left after reading them.</summary>
public sealed record CtlOptions(string Host, string? Token, bool Json, int? Count, int? Depth, IReadOnlyList<string> Words)
{
    public const string DefaultHost = "127.0.0.1:8081";
    public const string HostVariable = "MPCTL_HOST";
    public const string TokenVariable = "MPCTL_TOKEN";

    /// <summary>Reads --host, --token, --json, --count, --depth anywhere on the line; throws CtlException(Usage).</summary>
    public static CtlOptions Parse(IReadOnlyList<string> args, CtlOptions? defaults = null)
    {
        var host = defaults?.Host ?? (Environment.GetEnvironmentVariable(HostVariable) is { Length: > 0 } h ? h : DefaultHost);
        var token = defaults?.Token ?? (Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } t ? t : null);
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

    private static int PositiveInt(string name, string text) =>
        int.TryParse(text, out var n) && n > 0 ? n : throw new CtlException(CtlExitCodes.Usage, $"{name} '{text}' is not a positive whole number");
}
