using System.Diagnostics.Metrics;
using System.Net.Mime;
using MediaPlatform.Actors.Observability;

namespace MediaPlatform.Node.Api.Limits;

/// <summary>
/// Bounds the API requests in flight on this node (<see cref="InFlightLimitSettings"/>). Beyond the bound a request is
/// refused at once with 503 and Retry-After, so overload shows as fast refusals a client or the balancer can retry
/// elsewhere, not as queues of asks that grow in memory and time out after 10 s. Uploads stream for minutes and have
/// their own rate limit and quota, so only JSON or body-less requests count.
/// </summary>
public sealed class InFlightLimit(InFlightLimitSettings settings)
{
    private static readonly Meter Meter = new(MeterNames.Cluster);

    private static readonly Counter<long> RefusedBusy = Meter.CreateCounter<long>(
        "media_platform.api.refused_busy", "{request}", "API requests answered 503 Node busy at once because the node had max-in-flight requests in flight.");

    private int _inFlight;
    private long _refused;

    public InFlightLimitSettings Settings => settings;

    /// <summary>Requests being served now (counted ones only).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Requests refused since start-up.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>API requests with a JSON body or none; a body of another type, or streamed chunked, is an upload.</summary>
    public static bool Counts(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && (request.ContentType?.StartsWith(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase) == true
            || request.ContentType is null && request.ContentLength is null or 0 && !request.Headers.ContainsKey("Transfer-Encoding"));

    /// <summary>Takes a slot; false (nothing taken) when all are in use.</summary>
    public bool TryEnter()
    {
        if (Interlocked.Increment(ref _inFlight) <= settings.Max) return true;
        Interlocked.Decrement(ref _inFlight);
        Interlocked.Increment(ref _refused);
        RefusedBusy.Add(1);
        return false;
    }

    public void Exit() => Interlocked.Decrement(ref _inFlight);
}
