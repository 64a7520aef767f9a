using System.Diagnostics;
using MediaPlatform.Bench.Media;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Testing.Processes;

// One run compares, on the same generated source: (1) one ffmpeg command producing the ladder as HLS, (2) our pipeline
// on one node, (3) on two local nodes each pinned to its own core, (4) on one node pinned to one core.
var options = BenchArguments.OrExit(() => BenchOptions.Parse(args), BenchOptions.Usage);
var root = Directory.CreateTempSubdirectory("media-bench-").FullName;
var source = Path.Combine(root, "source.mp4");
Console.WriteLine($"{Environment.ProcessorCount} cores; source {options.Seconds} s of 1280x720 25 fps with audio; {options.Runs} run(s) (medians)");
await BenchSource.WriteAsync(source, options.Seconds);
Console.WriteLine($"node binary {NodeBinary.DllPath} ({NodeBinary.DllVariable} picks another, e.g. a ReadyToRun publish)");
Console.WriteLine($"ladder {string.Join(", ", LadderBaseline.Ladder.Select(r => $"{r.Name} {r.VideoKbps}k"))}, preset veryfast, 4 s fMP4 segments");

// Unpinned: the node's defaults (one encode per core, cores/encodes threads each). Pinned: one encode of one thread.
// ffmpeg at the baseline's priority: the shipped nice 10 only matters against other load, and on a shared machine
// other tenants' load would then slow the pipeline's encodes and not the baseline's (--shipped-priority keeps nice 10).
var priority = options.ShippedPriority ? "" : "\nmedia-platform.transcode.lower-ffmpeg-priority = off";
var Unpinned = "akka.loglevel = WARNING" + priority;
var Pinned = "akka.loglevel = WARNING\nmedia-platform.transcode { max-concurrent-encodes = 1, threads-per-encode = 1 }" + priority;
var results = new Dictionary<string, List<PipelineTimes>>();
var baseline = new List<TimeSpan>();
try
{
    for (var run = 1; run <= options.Runs; run++)
    {
        var hls = Directory.CreateDirectory(Path.Combine(root, $"baseline-{run}")).FullName;
        var cpuBefore = ProcessCpuSampler.EndedChildrenSecondsOfThisProcess();
        var clock = Stopwatch.StartNew();
        await FfmpegRunner.Shared.RunRawAsync("ffmpeg", LadderBaseline.Arguments(source, hls, "veryfast", 4), null, null);
        baseline.Add(clock.Elapsed);
        // The baseline's own CPU, to set beside the pipeline's (node + children) below: the gap between them is CPU, not wall.
        var cpu = ProcessCpuSampler.EndedChildrenSecondsOfThisProcess() - cpuBefore is { } seconds ? $", {seconds:0.0} CPU-s (/proc, exact)" : "";
        Console.WriteLine($"run {run}: (1) one ffmpeg command: {baseline[^1].TotalSeconds:0.0} s{cpu}");
        await Scenario("(2) pipeline, 1 node", [null], Unpinned, run);
        if (options.Quick) continue;
        await Scenario("(3) pipeline, 2 nodes pinned to core 0 and 1", [0, 1], Pinned, run);
        await Scenario("(4) pipeline, 1 node pinned to core 0", [0], Pinned, run);
    }
}
finally
{
    if (!options.Keep) Directory.Delete(root, recursive: true);
}

double Published(string name) => Statistics.Median(results[name].Select(r => r.Published.TotalSeconds));
double Packaged(string name) => Statistics.Median(results[name].Select(r => r.Packaged.TotalSeconds));
var one = Statistics.Median(baseline.Select(b => b.TotalSeconds));

Console.WriteLine();
Console.WriteLine($"{"scenario",-46} {"upload",8} {"packaged",9} {"published",10} {"1st segment",12} {"encodes",8} {"slots idle",11}");
Console.WriteLine($"{"(1) one ffmpeg command (baseline)",-46} {"-",8} {one,8:0.0}s {"-",10} {"-",12} {"-",8} {"-",11}");
foreach (var (name, times) in results)
    Console.WriteLine($"{name,-46} {Statistics.Median(times.Select(t => t.Uploaded.TotalSeconds)),7:0.0}s {Packaged(name),8:0.0}s {Published(name),9:0.0}s " +
                      $"{Statistics.Median(times.Select(t => t.FirstSegment.TotalSeconds)),11:0.0}s {times[0].Encodes,8} " +
                      $"{Statistics.Median(times.Select(t => TimelineReport.Analyse(t)?.IdleShare ?? double.NaN)),11:P1}");
Console.WriteLine();
Verdict("(2)/(1), packaged (same work: the ladder as HLS)", Packaged("(2) pipeline, 1 node") / one, 1.05);
Verdict("(2)/(1), published (adds probe and quality control)", Published("(2) pipeline, 1 node") / one, 1.05);
if (!options.Quick)
{
    Verdict("(3)/(4), packaged (two pinned nodes vs one)", Packaged("(3) pipeline, 2 nodes pinned to core 0 and 1") / Packaged("(4) pipeline, 1 node pinned to core 0"), 0.55);
    Verdict("(3)/(4), published (two pinned nodes vs one)", Published("(3) pipeline, 2 nodes pinned to core 0 and 1") / Published("(4) pipeline, 1 node pinned to core 0"), 0.55);
}
double FirstSegment(string name) => Statistics.Median(results[name].Select(r => r.FirstSegment.TotalSeconds));
double AfterUpload(string name) => Statistics.Median(results[name].Select(r => (r.Published - r.Uploaded).TotalSeconds));
Console.WriteLine($"1st segment: from the end of the upload until the master and a first segment are served (while the title transcodes); " +
                  $"(2) {FirstSegment("(2) pipeline, 1 node"):0.0} s vs {AfterUpload("(2) pipeline, 1 node"):0.0} s upload-to-published");
Verdict("(2) 1st segment / upload-to-published", FirstSegment("(2) pipeline, 1 node") / AfterUpload("(2) pipeline, 1 node"), 0.15);

async Task Scenario(string name, int?[] cores, string hocon, int run)
{
    var config = Path.Combine(root, $"{name.Split(' ')[0].Trim('(', ')')}-{run}.hocon");
    await File.WriteAllTextAsync(config, hocon);
    await using var nodes = await NodeProcessCluster.StartAsync(cores.Length,
        new(ExtraArguments: ["--config", config, "--log-level", "Warning"], Cores: cores));
    await nodes.AwaitAllUpAsync(TimeSpan.FromSeconds(120));
    await using var cpu = ProcessCpuSampler.Start(nodes.Nodes.Select(n => n.Pid));
    if (cpu is not null) Console.WriteLine($"run {run}: {name}: node start-up {cpu.StartupSeconds:0.0} CPU-s in {cores.Length} node(s) (process start to Up)");
    var times = await PipelineRun.RunAsync(nodes.Nodes[0].BaseAddress, source);
    if (cpu is not null) times = times with { Cpu = await cpu.StopAsync() };
    (results.TryGetValue(name, out var list) ? list : results[name] = []).Add(times);
    Console.WriteLine($"run {run}: {name}: packaged {times.Packaged.TotalSeconds:0.0} s, published {times.Published.TotalSeconds:0.0} s");
    TimelineReport.Print($"run {run}: {name}", times);
    TailReport.Print($"run {run}: {name}", times);
    PrintCpu($"run {run}: {name}", times.Cpu);
}

static void Verdict(string what, double ratio, double goal) =>
    Console.WriteLine($"{what,-56} {ratio,5:0.00}  goal <= {goal:0.00}: {(ratio <= goal ? "met" : "NOT met")}");

// CPU seconds from sign-up to published: the nodes' own and their children's, by kind (ProcessCpuSampler).
static void PrintCpu(string label, IReadOnlyList<ProcessCpu>? cpu)
{
    if (cpu is null) return;
    Console.WriteLine($"{label}: CPU seconds from sign-up to published (/proc)");
    foreach (var kind in cpu) Console.WriteLine($"  {kind.Seconds,7:0.0} CPU-s {kind.Processes,5} process(es)  {kind.Kind}");
}
