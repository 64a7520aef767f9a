using System.Globalization;

namespace MediaPlatform.Bench.Media;

/// <summary>CPU seconds of one kind of process (the node itself, or its ffmpeg/ffprobe children of one purpose).</summary>
public sealed record ProcessCpu(string Kind, double Seconds, int Processes);

/// <summary>
/// Where a pipeline run's CPU went, read from Linux's /proc (the product's real cost, not an estimate): the nodes' own
/// CPU and their reaped children's (utime/stime and cutime/cstime of /proc/PID/stat, exact), and, sampled every
/// 100 ms, each child's CPU by kind (encode, HLS cut, ffprobe, QC …). A child that lives less than
/// one sample is missed by the breakdown (not by the children's total), so the kinds' sum can fall a little short.
/// </summary>
public sealed class ProcessCpuSampler : IAsyncDisposable
{
    private static readonly double TicksPerSecond = 100; // USER_HZ: 100 on every Linux the bench runs on
    private readonly IReadOnlyList<int> _nodes;
    private readonly (double Self, double Children) _start;
    private readonly Dictionary<int, (string Kind, double Seconds)> _children = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    private ProcessCpuSampler(IReadOnlyList<int> nodes)
    {
        _nodes = nodes;
        _start = Totals();
        _sampling = Task.Run(SampleAsync);
    }

    /// <summary>The nodes' own CPU seconds before sampling started: their start-up (process start to Up), when started at once.</summary>
    public double StartupSeconds => _start.Self;

    /// <summary>Starts sampling the given node processes, or returns null where /proc is not there.</summary>
    public static ProcessCpuSampler? Start(IEnumerable<int?> nodePids)
    {
        var pids = nodePids.OfType<int>().ToList();
        return OperatingSystem.IsLinux() && pids.Count > 0 ? new ProcessCpuSampler(pids) : null;
    }

    /// <summary>Stops sampling: the nodes' own CPU, every reaped child's, and the children's by kind, since the start.</summary>
    public async Task<IReadOnlyList<ProcessCpu>> StopAsync()
    {
        Sample();
        var (self, children) = Totals();
        await _stop.CancelAsync();
        await _sampling;
        var kinds = _children.Values.GroupBy(c => c.Kind)
            .Select(g => new ProcessCpu(g.Key, g.Sum(c => c.Seconds), g.Count()))
            .OrderByDescending(k => k.Seconds);
        return [new ProcessCpu("node process itself", self - _start.Self, _nodes.Count),
                new ProcessCpu("all children (exact)", children - _start.Children, _children.Count), .. kinds];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Sample();
            try { await Task.Delay(100, _stop.Token); }
            catch (OperationCanceledException) { }
        }
    }

    private void Sample()
    {
        lock (_children)
            foreach (var node in _nodes)
                foreach (var child in ChildrenOf(node))
                {
                    if (Stat(child) is not { } stat) continue;
                    var kind = _children.TryGetValue(child, out var known) ? known.Kind : KindOf(child);
                    if (kind is not null) _children[child] = (kind, stat.Self);
                }
    }

    private (double Self, double Children) Totals() =>
        _nodes.Select(Stat).OfType<(double Self, double Children)>().Aggregate((0.0, 0.0), (a, s) => (a.Item1 + s.Self, a.Item2 + s.Children));

    private static IEnumerable<int> ChildrenOf(int pid)
    {
        string[] tasks;
        try { tasks = Directory.GetDirectories($"/proc/{pid}/task"); }
        catch (IOException) { yield break; }
        catch (UnauthorizedAccessException) { yield break; }
        foreach (var task in tasks)
        {
            string text;
            try { text = File.ReadAllText(Path.Combine(task, "children")); }
            catch (IOException) { continue; }
            foreach (var child in text.Split(' ', StringSplitOptions.RemoveEmptyEntries)) yield return int.Parse(child, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// CPU seconds of this process's children that have ended and been waited for (cutime+cstime of /proc/self/stat):
    /// read before and after the one-command baseline, it is that ffmpeg's CPU exactly. Null where /proc is missing.
    /// </summary>
    public static double? EndedChildrenSecondsOfThisProcess() =>
        OperatingSystem.IsLinux() ? Stat(Environment.ProcessId)?.Children : null;

    /// <summary>utime+stime and cutime+cstime in seconds, or null once the process is gone.</summary>
    private static (double Self, double Children)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' '); // fields from the 3rd (state) on
            double At(int field) => long.Parse(fields[field - 3], CultureInfo.InvariantCulture) / TicksPerSecond;
            return (At(14) + At(15), At(16) + At(17));
        }
        catch (IOException) { return null; }
    }

    /// <summary>What an ffmpeg/ffprobe child is for, from its arguments; null while they cannot be read yet (or it is gone).</summary>
    private static string? KindOf(int pid)
    {
        string[] args;
        try { args = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries); }
        catch (IOException) { return null; }
        if (args.Length == 0) return null;
        var tool = args.Select(Path.GetFileName).FirstOrDefault(a => a is "ffmpeg" or "ffprobe");
        var line = string.Join(' ', args);
        return tool switch
        {
            null => null, // the launcher before it execs the tool: look again at the next sample
            "ffprobe" => "ffprobe",
            _ when line.Contains("libx264", StringComparison.Ordinal) => "ffmpeg encode (x264)",
            _ when line.Contains("detect", StringComparison.Ordinal) => "ffmpeg quality control",
            // Early prefixes and the package are cut straight from the chunks (concat demuxer into HLS) in one ffmpeg.
            _ when line.Contains("-f hls", StringComparison.Ordinal) => "ffmpeg HLS cut (early prefixes, package)",
            _ when line.Contains("-f concat", StringComparison.Ordinal) => "ffmpeg concat",
            _ when line.Contains("-f segment", StringComparison.Ordinal) => "ffmpeg split",
            _ when line.Contains("aac", StringComparison.Ordinal) => "ffmpeg audio",
            _ => "ffmpeg other",
        };
    }
}
