using MediaPlatform.Actors.Images;
using MediaPlatform.Bench.Images;
using MediaPlatform.Testing.Nodes;

// Images per second through the whole image pipeline (sharded stage queues, worker pools, the image entity's join,
// the SQLite journal, the blob directory) on 1 and on 3 in-process nodes, beside the anchor in the same run: the same
// stage code in a plain loop on one thread. Goal: the 1-node pipeline at ≥ 0.80 of the loop.
var options = BenchArguments.OrExit(() => BenchOptions.Parse(args), BenchOptions.Usage);
var uploads = BenchImages.Make(options.Images);
var settings = ImageSettings.Default with { BlurFaces = new HashSet<ImageKind> { ImageKind.Artwork } };
Console.WriteLine($"{options.Images} images ({BenchImages.Describe()}), {options.Runs} runs each; {Environment.ProcessorCount} cores; " +
                  $"pipeline: max-concurrent-jobs-per-node {settings.MaxConcurrentJobsPerNode}; loop: 1 thread");

using var loopBlobs = new TempDirectory();
await ImageLoop.RunAsync(uploads.Take(4).ToList(), settings, loopBlobs.Path); // warm-up: native libraries, JIT
ImageLoop.StageTime.Clear();
var loop = new List<TimeSpan>();
for (var run = 0; run < options.Runs; run++) loop.Add(await ImageLoop.RunAsync(uploads, settings, loopBlobs.Path));
Console.WriteLine("loop time per image by stage: " + string.Join(", ", ImageLoop.StageTime.Select(p =>
    $"{p.Key.Name()} {p.Value.TotalMilliseconds / (options.Images * options.Runs):0} ms")));

var pipeline = new Dictionary<int, List<TimeSpan>>();
foreach (var nodes in new[] { 1, 3 })
{
    await using var cluster = await InProcessNodeCluster.StartAsync(nodes, $"imagebench{nodes}");
    await ImagePipelineRun.RunAsync(cluster, nodes, uploads.Take(4).ToList()); // warm-up: regions, shards, JIT
    pipeline[nodes] = [];
    for (var run = 0; run < options.Runs; run++) pipeline[nodes].Add(await ImagePipelineRun.RunAsync(cluster, nodes, uploads));
}

double PerSecond(TimeSpan t) => options.Images / t.TotalSeconds;
var loopRate = PerSecond(Statistics.Median(loop));
Console.WriteLine();
Console.WriteLine("| what | median time | images/s | ratio to the loop |");
Console.WriteLine("|---|---|---|---|");
Console.WriteLine($"| stages in a plain loop, 1 thread (anchor) | {Statistics.Median(loop).TotalSeconds:0.00} s | {loopRate:0.0} | 1.00 |");
foreach (var (nodes, times) in pipeline)
{
    var rate = PerSecond(Statistics.Median(times));
    Console.WriteLine($"| pipeline on {nodes} node{(nodes > 1 ? "s" : "")} | {Statistics.Median(times).TotalSeconds:0.00} s | {rate:0.0} | {rate / loopRate:0.00} |");
}
Console.WriteLine();
Console.WriteLine($"runs (s): loop {string.Join(", ", loop.Select(t => t.TotalSeconds.ToString("0.00")))}; " +
                  string.Join("; ", pipeline.Select(p => $"{p.Key} node(s) {string.Join(", ", p.Value.Select(t => t.TotalSeconds.ToString("0.00")))}")));
return 0;
