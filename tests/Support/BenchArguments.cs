using System.Globalization;

namespace MediaPlatform.Testing;

/// <summary>
/// The one command-line parser of the benches: each flag is declared with what it sets; an unknown flag, a missing
/// value or a number out of range is refused with a one-line message (a typo must never silently run the defaults).
/// </summary>
public sealed class BenchArguments(string usage)
{
    private readonly Dictionary<string, Func<IReadOnlyList<string>, int, int>> _flags = new(StringComparer.Ordinal);

    public string Usage { get; } = usage;

    /// <summary>A flag taking a whole number of at least <paramref name="min"/>.</summary>
    public BenchArguments Int(string flag, Action<int> set, int min = 1)
    {
        _flags[flag] = (args, at) =>
        {
            if (at + 1 >= args.Count || !int.TryParse(args[at + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
                throw new ArgumentException($"{flag} needs a whole number of at least {min}");
            set(value);
            return at + 1;
        };
        return this;
    }

    /// <summary>A flag taking a number from 0 to 1.</summary>
    public BenchArguments Ratio(string flag, Action<double> set)
    {
        _flags[flag] = (args, at) =>
        {
            if (at + 1 >= args.Count || !double.TryParse(args[at + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 1 || double.IsNaN(value))
                throw new ArgumentException($"{flag} needs a number from 0 to 1");
            set(value);
            return at + 1;
        };
        return this;
    }

    /// <summary>A flag without a value.</summary>
    public BenchArguments Switch(string flag, Action set)
    {
        _flags[flag] = (_, at) =>
        {
            set();
            return at;
        };
        return this;
    }

    /// <summary>Applies the arguments; throws <see cref="ArgumentException"/> with a one-line message on bad input.</summary>
    public void Parse(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (!_flags.TryGetValue(args[i], out var apply)) throw new ArgumentException($"unknown argument '{args[i]}'");
            i = apply(args, i);
        }
    }

    /// <summary>Parses with <paramref name="parse"/>, or prints "error: …" and the usage and exits 2.</summary>
    public static T OrExit<T>(Func<T> parse, string usage)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}\n{usage}");
            Environment.Exit(2);
            throw; // not reached
        }
    }
}
