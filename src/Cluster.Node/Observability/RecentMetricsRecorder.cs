using System.Diagnostics.Metrics;
using Akka.Actor;
using MediaPlatform.Actors.Observability;
using MediaPlatform.Node.Configuration;

namespace MediaPlatform.Node.Observability;

/// <summary>
/// The node's own short memory of its metrics for the ops page: a <see cref="MeterListener"/> on the same instruments
/// /metrics exports (request duration, journal write duration, encodes, payments) sums each
/// <see cref="IntervalSeconds"/>-second interval into one <see cref="MetricsSample"/>, kept in a ring of
/// <see cref="RingSize"/> (15 minutes). Bounded: a fixed ring and a fixed-size latency reservoir per interval.
/// The instruments of several nodes in one process (tests) are told apart by their IMeterFactory where they have one
/// (ASP.NET Core's); the actor layer's static meters are process-wide, so there each node sees them all.
/// Also starts the actor (<c>/user/recent-metrics</c>) through which other nodes read the ring.
/// </summary>
public sealed class RecentMetricsRecorder : IHostedService, IDisposable
{
    public const int IntervalSeconds = 5;
    public const int RingSize = 15 * 60 / IntervalSeconds;

    private const string RequestDuration = "http.server.request.duration";
    private const string WriteDuration = "media_platform.persistence.write.duration";
    private const string Encodes = "media_platform.encodes";
    private const string Payments = "media_platform.billing.payments";

    private readonly IMeterFactory _ownMeters;
    private readonly IServiceProvider _services;
    private readonly NodeOptions _options;
    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private readonly Queue<MetricsSample> _ring = new(RingSize);
    private readonly LatencyReservoir _requests = new();
    private readonly LatencyReservoir _writes = new();
    private long _encodes, _charged, _declined, _silent;
    private CancellationTokenSource? _stop;
    private Task? _loop;

    public RecentMetricsRecorder(IMeterFactory meters, IServiceProvider services, NodeOptions options)
    {
        _ownMeters = meters;
        _services = services;
        _options = options;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, _ownMeters)) return;
            if (instrument.Name is RequestDuration or WriteDuration or Encodes or Payments) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<double>(OnDouble);
        _listener.SetMeasurementEventCallback<long>(OnLong);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.Start();
        _services.GetRequiredService<ActorSystem>().ActorOf(Props.Create(() => new RecentMetricsResponder(this)), RecentMetricsResponder.Name);
        _stop = new CancellationTokenSource();
        _loop = SampleLoop(_stop.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stop is null) return;
        await _stop.CancelAsync();
        if (_loop is not null) await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _stop?.Dispose();
    }

    /// <summary>The ring, oldest first.</summary>
    public RecentMetrics Snapshot()
    {
        lock (_gate) return new RecentMetrics(_options.NodeName, IntervalSeconds, [.. _ring]);
    }

    private async Task SampleLoop(CancellationToken ct)
    {
        // Ticks at wall-clock multiples of the interval, so every node's samples carry the same timestamps. A timer
        // may fire a little early: the next tick is always after the last one, never the same slot again.
        var last = DateTimeOffset.MinValue;
        while (!ct.IsCancellationRequested)
        {
            var now = DateTimeOffset.UtcNow;
            var next = Align(now).AddSeconds(IntervalSeconds);
            if (next <= last) next = last.AddSeconds(IntervalSeconds);
            last = next;
            try
            {
                await Task.Delay(next - now + TimeSpan.FromMilliseconds(1), ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            TakeSample(next);
        }
    }

    private static DateTimeOffset Align(DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds() / IntervalSeconds * IntervalSeconds);

    private void TakeSample(DateTimeOffset at)
    {
        lock (_gate)
        {
            var sample = new MetricsSample(at,
                _requests.Count, Ms(_requests.Quantile(0.5)), Ms(_requests.Quantile(0.99)),
                _writes.Count, Ms(_writes.Quantile(0.5)), Ms(_writes.Quantile(0.99)),
                _encodes, _charged, _declined, _silent);
            _requests.Clear();
            _writes.Clear();
            _encodes = _charged = _declined = _silent = 0;
            if (_ring.Count == RingSize) _ring.Dequeue();
            _ring.Enqueue(sample);
        }
    }

    private static double Ms(double seconds) => Math.Round(seconds * 1000, 3);

    private void OnDouble(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        lock (_gate)
        {
            if (instrument.Name == RequestDuration) _requests.Add(value);
            else if (instrument.Name == WriteDuration) _writes.Add(value);
        }
    }

    private void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        var outcome = Tag(tags, "outcome");
        lock (_gate)
        {
            if (instrument.Name == Encodes)
            {
                if (outcome == "completed") _encodes += value;
            }
            else if (instrument.Name == Payments)
            {
                switch (outcome)
                {
                    case "charged": _charged += value; break;
                    case "declined": _declined += value; break;
                    case "gateway_silent": _silent += value; break;
                }
            }
        }
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
            if (tag.Key == key) return tag.Value as string;
        return null;
    }
}
