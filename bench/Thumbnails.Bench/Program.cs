using System.Diagnostics;
using MediaPlatform.Bench.Thumbnails;
using MediaPlatform.Streams.Thumbnails;

// Frames sampled and thumbnailed per second for one title: the pipeline's way (the 360p rung's keyframes only, every
// 2 s) against the anchor that decodes every frame of the same rung (what sampling would cost without keyframes to
// lean on), both writing the same outputs: sprite sheets, the WebVTT track and a 720p poster.
var options = BenchArguments.OrExit(() => BenchOptions.Parse(args), BenchOptions.Usage);
var (rung360, rung720) = await BenchTitle.EnsureAsync(options.Minutes);
var duration = TimeSpan.FromMinutes(options.Minutes);
Console.WriteLine($"{Environment.ProcessorCount} cores; a {options.Minutes}-minute title, 360p sampled, 720p poster; " +
                  $"interval {ThumbnailOptions.Default.Interval.TotalSeconds:0} s + up to {ThumbnailOptions.Default.MaxSceneFrames} scene changes; {options.Runs} run(s) (medians)");

var scenarios = new (string Name, TimeSpan? Keyframes)[] { ("keyframes only (the pipeline)", TimeSpan.FromSeconds(2)), ("every frame decoded (anchor)", null) };
var results = scenarios.ToDictionary(s => s.Name, _ => new List<(double Seconds, double Cpu, ThumbnailSet Set)>());
var output = Directory.CreateTempSubdirectory("thumbnails-bench-").FullName;
try
{
    for (var run = 1; run <= options.Runs; run++)
        foreach (var (name, keyframes) in scenarios)
        {
            var cpu = CpuClock.Seconds();
            var clock = Stopwatch.StartNew();
            var set = await new TitleThumbnails().WriteAsync((rung360, 640, 360), rung720, duration, keyframes, ThumbnailOptions.Default,
                Path.Combine(output, $"{run}-{results[name].Count}"));
            results[name].Add((clock.Elapsed.TotalSeconds, CpuClock.Seconds() - cpu, set));
            Console.WriteLine($"run {run}: {name}: {clock.Elapsed.TotalSeconds:0.00} s wall, {results[name][^1].Cpu:0.00} s CPU, {set.Candidates} frames decoded, {set.Tiles.Count} thumbnails");
        }
}
finally { Directory.Delete(output, recursive: true); }

Console.WriteLine();
Console.WriteLine($"{"scenario",-32} {"wall",8} {"CPU",8} {"decoded",8} {"decoded/s",10} {"thumbs",7} {"thumbs/s",9} {"thumbs/CPU s",13} {"sheets",7} {"title s/wall s",15}");
foreach (var (name, runs) in results)
{
    var wall = Statistics.Median(runs.Select(r => r.Seconds));
    var cpu = Statistics.Median(runs.Select(r => r.Cpu));
    var set = runs[0].Set;
    Console.WriteLine($"{name,-32} {wall,7:0.00}s {cpu,7:0.00}s {set.Candidates,8} {set.Candidates / wall,10:0} {set.Tiles.Count,7} {set.Tiles.Count / wall,9:0.0} " +
                      $"{set.Tiles.Count / cpu,13:0.0} {set.Sheets.Count,7} {duration.TotalSeconds / wall,14:0}x");
}
double Median(int scenario, Func<(double Seconds, double Cpu, ThumbnailSet Set), double> of) => Statistics.Median(results[scenarios[scenario].Name].Select(of));
Console.WriteLine($"keyframes only / every frame: wall time {Median(0, r => r.Seconds) / Median(1, r => r.Seconds):0.00}, CPU time {Median(0, r => r.Cpu) / Median(1, r => r.Cpu):0.00}");
