using Akka.Actor;
using Akka.Configuration;

namespace MediaPlatform.Actors.Billing.Payments;

public enum GatewayVerdict { Approve, Decline, NoAnswer }

/// <summary>
/// How the built-in gateway treats a card, by the card's last four digits (tokens are random, so they carry no
/// rule). Defaults, the usual test-card convention:
/// <list type="bullet">
/// <item>last4 "0002" (e.g. 4000 0000 0000 0002): always declined with "insufficient funds";</item>
/// <item>last4 "0119" (e.g. 4000 0000 0000 0119): never answers, so every charge times out at the caller;</item>
/// <item>any other card: approved.</item>
/// </list>
/// Configurable under <c>media-platform.billing.gateway</c> (decline-last4, decline-reason, no-answer-last4, timeout).
/// A decision, once recorded in the ledger for a key, is never re-taken, so changing the rules never changes a past charge.
/// </summary>
public sealed record GatewayRules(IReadOnlyList<string> DeclineLast4, string DeclineReason, IReadOnlyList<string> NoAnswerLast4)
{
    public const string ConfigPath = "media-platform.billing.gateway";

    public static readonly GatewayRules Default = new(["0002"], "insufficient funds", ["0119"]);

    /// <summary>How long callers wait for the gateway before reporting a time-out.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public GatewayVerdict Judge(string cardLast4) =>
        NoAnswerLast4.Contains(cardLast4) ? GatewayVerdict.NoAnswer
        : DeclineLast4.Contains(cardLast4) ? GatewayVerdict.Decline
        : GatewayVerdict.Approve;

    public static GatewayRules From(ActorSystem system) => From(system.Settings.Config);

    /// <summary>Reads the rules; a value of the wrong type throws a ConfigurationException naming it (exit 2 at start-up).</summary>
    public static GatewayRules From(Config root)
    {
        var config = root.GetConfig(ConfigPath);
        if (config is null || config.IsEmpty) return Default;
        var reason = Read(config, "decline-reason", c => c.GetString("decline-reason", Default.DeclineReason));
        if (string.IsNullOrWhiteSpace(reason)) throw new ConfigurationException($"{ConfigPath}.decline-reason must not be empty");
        return new GatewayRules(Last4List(config, "decline-last4", Default.DeclineLast4), reason, Last4List(config, "no-answer-last4", Default.NoAnswerLast4));
    }

    // A rule that is not four digits could never match a card: say so at start-up instead of approving silently.
    private static List<string> Last4List(Config config, string key, IReadOnlyList<string> fallback)
    {
        var list = Read(config, key, c => c.GetStringList(key, [.. fallback]).ToList());
        return list.FirstOrDefault(l => l.Length != 4 || !l.All(char.IsAsciiDigit)) is { } bad
            ? throw new ConfigurationException($"{ConfigPath}.{key}: '{bad}' is not the last four digits of a card, like \"0002\"")
            : list;
    }

    /// <summary>The caller-side time-out, <c>media-platform.billing.gateway.timeout</c>; must be positive.</summary>
    public static TimeSpan TimeoutFrom(ActorSystem system) => TimeoutFrom(system.Settings.Config);

    public static TimeSpan TimeoutFrom(Config root)
    {
        var config = root.GetConfig(ConfigPath);
        var timeout = config is null || config.IsEmpty ? DefaultTimeout
            : Read(config, "timeout", c => c.GetTimeSpan("timeout", DefaultTimeout));
        if (timeout <= TimeSpan.Zero) throw new ConfigurationException($"{ConfigPath}.timeout must be positive");
        return timeout;
    }

    private static T Read<T>(Config config, string key, Func<Config, T> get)
    {
        try { return get(config); }
        catch (Exception e) when (e is not ConfigurationException)
        {
            throw new ConfigurationException($"{ConfigPath}.{key} is not valid: {e.Message.Split('\n', 2)[0].Trim()}");
        }
    }
}
