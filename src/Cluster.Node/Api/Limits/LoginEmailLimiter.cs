using System.Threading.RateLimiting;

namespace MediaPlatform.Node.Api.Limits;

/// <summary>
/// Logins per account email on this node (the email is in the body, which the rate-limiting middleware cannot see).
/// Per node by design: the cluster-wide defence for one account is its login guard entity's lockout.
/// </summary>
public sealed class LoginEmailLimiter(RateLimitSettings settings) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.LoginsPerEmail, Window = settings.Window, QueueLimit = 0, AutoReplenishment = true,
        }));

    /// <summary>Null when this attempt may go ahead; otherwise the 429 to answer.</summary>
    public IResult? TryAcquire(string normalizedEmail)
    {
        using var lease = _limiter.AttemptAcquire(normalizedEmail);
        if (lease.IsAcquired) return null;
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : settings.Window;
        return TooManyRequests.Result(wait, "too many logins for this account");
    }

    public void Dispose() => _limiter.Dispose();
}
