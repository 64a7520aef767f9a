using System.Net.Mime;

namespace MediaPlatform.Node.Api.Limits;

/// <summary>
/// Bounds the API requests in flight on this node (<see cref="InFlightLimitSettings"/>). Beyond the bound a request is
/// refused at once with 503 and Retry-After, so overload shows as fast refusals a client or the balancer can retry
/// elsewhere, not as queues of asks that grow in memory and time out after 10 s. Uploads stream for minutes and have
/// their own rate limit and quota, so only JSON or body-less requests count.
/// </summary>
public sealed class InFlightLimit(InFlightLimitSettings settings)
{
    private int _inFlight;
    private long _refused;

    public InFlightLimitSettings Settings => settings;

    /// <summary>Requests being served now (counted ones only).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Requests refused since start-up.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public static bool Counts(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && (request.ContentLength is null or 0 && request.ContentType is null
            || request.ContentType?.StartsWith(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Takes a slot; false (nothing taken) when all are in use.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _inFlight) <= settings.Max) return true;
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _refused);
        return false;
    }

    public void Exit() => Interlocked.Decrement(ref _inFlight);
}
