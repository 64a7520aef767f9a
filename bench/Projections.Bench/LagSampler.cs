using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Testing.Processes;

namespace MediaPlatform.Bench.Projections;

/// <summary>
/// Reads every projection's lag from GET /cluster/projections (any node answers: it reads the database) every
/// <see cref="LagOptions.SampleInterval"/>; a node that does not answer (the killed one) is skipped for the next.
/// A tick whose request is still running is skipped rather than queued.
/// </summary>
public sealed class LagSampler(IReadOnlyList<NodeProcess> nodes, Stopwatch clock)
{
    private readonly Lock _gate = new();
    private readonly List<LagSample> _samples = [];
    private int _next;
    private int _missed;

    public int Missed => Volatile.Read(ref _missed);

    public IReadOnlyList<LagSample> Samples
    {
        get { lock (_gate) return _samples.ToArray(); }
    }

    public async Task RunAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(LagOptions.SampleInterval);
        try
        {
            do await SampleAsync();
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) { /* stopped */ }
    }

    /// <summary>One reading of every projection, or null when no node answered.</summary>
    public async Task<IReadOnlyList<LagSample>?> SampleAsync()
    {
        for (var tried = 0; tried < nodes.Count; tried++, _next++)
        {
            var node = nodes[_next % nodes.Count];
            if (!node.IsRunning) continue;
            var at = clock.Elapsed.TotalSeconds;
            try
            {
                using var response = await node.GetAsAdminAsync("cluster/projections");
                if (!response.IsSuccessStatusCode) continue;
                var wire = await response.Content.ReadFromJsonAsync<ProjectionsWire>(JsonSerializerOptions.Web)
                    ?? throw new InvalidOperationException($"{node.Name}: GET /cluster/projections answered null");
                var samples = wire.Projections.Select(p => new LagSample(at, p.Name, p.Tag, p.Offset, p.EventsBehind, p.SecondsBehind)).ToArray();
                lock (_gate) _samples.AddRange(samples);
                return samples;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or NodeExitedException) { /* the next node */ }
        }
        Interlocked.Increment(ref _missed);
        return null;
    }
}
