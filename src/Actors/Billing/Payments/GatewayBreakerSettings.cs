using Akka.Configuration;

namespace MediaPlatform.Actors.Billing.Payments;

/// <summary>
/// The node's circuit breaker around the payment gateway (<c>media-platform.billing.gateway.breaker</c>): after
/// <see cref="MaxFailures"/> calls in a row that time out or fail, calls are refused at once for
/// <see cref="ResetTimeout"/>; then one call is let through (half-open) and its success closes the circuit.
/// </summary>
public sealed record GatewayBreakerSettings(int MaxFailures, TimeSpan ResetTimeout)
{
    public const string ConfigPath = GatewayRules.ConfigPath + ".breaker";

    public static readonly GatewayBreakerSettings Default = new(5, TimeSpan.FromSeconds(30));

    public static GatewayBreakerSettings From(Config root)
    {
        var config = root.GetConfig(ConfigPath);
        if (config is null || config.IsEmpty) return Default;
        var maxFailures = Read("max-failures", () => config.GetInt("max-failures", Default.MaxFailures));
        if (maxFailures is < 1 or > 1000) throw new ConfigurationException($"{ConfigPath}.max-failures must be 1 to 1000, not {maxFailures}");
        var reset = Read("reset-timeout", () => config.GetTimeSpan("reset-timeout", Default.ResetTimeout, allowInfinite: false));
        if (reset < TimeSpan.FromMilliseconds(100) || reset > TimeSpan.FromHours(1))
            throw new ConfigurationException($"{ConfigPath}.reset-timeout must be 100ms to 1h, not {reset}");
        return new GatewayBreakerSettings(maxFailures, reset);
    }

    private static T Read<T>(string key, Func<T> get)
    {
        try { return get(); }
        catch (Exception e) when (e is not ConfigurationException)
        {
            throw new ConfigurationException($"{ConfigPath}.{key} is not valid: {e.Message.Split('\n', 2)[0].Trim()}");
        }
    }
}
