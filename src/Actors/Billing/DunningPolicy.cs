namespace MediaPlatform.Actors.Billing;

/// <summary>
/// How an unpaid renewal is chased: the first attempt at renewal, then one retry after each of
/// <see cref="RetryAfter"/> (counted from the previous failure); the subscription is suspended after the last one.
/// Sent with each <see cref="CollectRenewalPayment"/> so the account's rules stay free of configuration.
/// </summary>
public sealed record DunningPolicy(IReadOnlyList<TimeSpan> RetryAfter)
{
    public static readonly DunningPolicy Default = new([TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7)]);

    public int MaxAttempts => 1 + RetryAfter.Count;
}
