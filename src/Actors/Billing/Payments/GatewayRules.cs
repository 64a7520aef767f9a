using Akka.Actor;

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

    public static GatewayRules From(ActorSystem system)
    {
        var config = system.Settings.Config.GetConfig(ConfigPath);
        if (config is null || config.IsEmpty) return Default;
        return new GatewayRules(
            config.GetStringList("decline-last4", [.. Default.DeclineLast4]).ToList(),
            config.GetString("decline-reason", Default.DeclineReason),
            config.GetStringList("no-answer-last4", [.. Default.NoAnswerLast4]).ToList());
    }

    /// <summary>The caller-side time-out, <c>media-platform.billing.gateway.timeout</c>; must be positive.</summary>
    public static TimeSpan TimeoutFrom(ActorSystem system)
    {
        var config = system.Settings.Config.GetConfig(ConfigPath);
        var timeout = config is null || config.IsEmpty ? DefaultTimeout : config.GetTimeSpan("timeout", DefaultTimeout);
        if (timeout <= TimeSpan.Zero) throw new ArgumentException($"{ConfigPath}.timeout must be positive");
        return timeout;
    }
}
