using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Packaging;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>
/// Transcodes one title on this node as one stream graph of the production path's stages: probe → prepare
/// (<see cref="SourcePreparation"/>: split, audio) → the title's work items (<see cref="PreparedSource.EncodeItems"/>)
/// through <see cref="EncodeFlow"/> with bounded parallelism → <see cref="RenditionPackaging"/> (cut each rung
/// from its chunks, package HLS). In the cluster the same items go through every worker node's <see cref="EncodeFlow"/> and the same
/// prepare and package stages run in the title's pipeline; this graph runs them on one node (tests, tools). Every stage
/// is async process work behind SelectAsync, so running the graph never blocks an actor. Cancelling the token, or any
/// stage failing, kills the ffmpeg processes still running.
/// </summary>
public sealed class TranscodePipeline
{
    private readonly IMaterializer _materializer;
    private readonly LadderPolicy _ladder;
    private readonly FfmpegRunner _runner;

    public TranscodePipeline(IMaterializer materializer, LadderPolicy? ladder = null, FfmpegRunner? runner = null)
    {
        _materializer = materializer;
        _ladder = ladder ?? LadderPolicy.Default;
        _runner = runner ?? FfmpegRunner.Shared;
    }

    public async Task<TranscodeOutcome> RunAsync(TranscodeRequest request, Action<TranscodeProgress>? onProgress = null,
        CancellationToken cancellationToken = default)
    {
        var encoder = new ChunkEncoder(new EncoderSettings(request.Preset, request.EffectiveThreads), _runner);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ct = abort.Token;
        var clock = Stopwatch.StartNew();
        void Report(string stage, int done, int total) => onProgress?.Invoke(new TranscodeProgress(stage, done, total));

        var graph = Source.Single(request)
            .SelectAsync(1, r => { Report("probe", 0, 0); return new SourceProber(_runner).ProbeAsync(r.SourcePath, ct); })
            .SelectAsync(1, async verdict => verdict is ProbeVerdict.Accepted accepted
                ? (Verdict: verdict, Plan: await PlanAsync(request, accepted.Probe, Report, ct))
                : (Verdict: verdict, Plan: (TitlePlan?)null))
            .ConcatMany(step => step.Plan is { } plan
                ? EncodeAndPackage(request, plan, encoder, Report, clock, ct)
                : Source.Single(Rejection(step.Verdict)))
            .ViaMaterialized(KillSwitches.Single<TranscodeOutcome>(), Keep.Right)
            .ToMaterialized(Sink.First<TranscodeOutcome>(), Keep.Both);

        var (killSwitch, outcome) = graph.Run(_materializer);
        await using var registration = cancellationToken.Register(() =>
            killSwitch.Abort(new OperationCanceledException(cancellationToken)));
        try
        {
            return await outcome;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the transcode was cancelled", cancellationToken);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            // A stage's faulted task reaches us wrapped; callers want the ffmpeg error itself.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        finally
        {
            abort.Cancel(); // whatever ended the graph, no ffmpeg outlives it
            if (!request.KeepWorkFiles) TryDeleteFolder(request.WorkFolder);
        }
    }

    private async Task<TitlePlan> PlanAsync(TranscodeRequest request, ProbeResult probe,
        Action<string, int, int> report, CancellationToken ct)
    {
        report("split", 0, 0);
        var work = request.WorkFolder;
        var rungs = _ladder.For(probe);
        var prepared = await new SourcePreparation(_runner).PrepareAsync(request.SourcePath, probe, work, request.ChunkSeconds, ct);
        var items = prepared.EncodeItems(rungs, probe.Rotation, (chunk, rung) => Path.Combine(work, rung.Name, $"chunk_{chunk.Index:D5}.mp4"));
        foreach (var rung in rungs) Directory.CreateDirectory(Path.Combine(work, rung.Name));
        return new TitlePlan(probe, prepared.Chunks, rungs, prepared.Audio, items);
    }

    private Source<TranscodeOutcome, NotUsed> EncodeAndPackage(TranscodeRequest request, TitlePlan plan,
        ChunkEncoder encoder, Action<string, int, int> report, Stopwatch clock, CancellationToken ct)
    {
        var done = 0;
        var total = plan.Encodes;
        report("encode", 0, total);
        return Source.From(plan.Items)
            .Via(EncodeFlow.Create(encoder, request.MaxConcurrentEncodes, ct))
            .Select(results =>
            {
                report("encode", Interlocked.Add(ref done, results.Count), total);
                return results;
            })
            .Grouped(plan.Items.Count) // exactly every item: Grouped allocates its buffer up front
            .SelectAsync(1, async results =>
            {
                report("package", total, total);
                var summary = await PackageAsync(request, plan, results.SelectMany(r => r).ToList(), clock, ct);
                report("done", total, total);
                return (TranscodeOutcome)new TranscodeOutcome.Completed(summary);
            });
    }

    private Task<TranscodeSummary> PackageAsync(TranscodeRequest request, TitlePlan plan,
        IReadOnlyList<ChunkEncodeResult> results, Stopwatch clock, CancellationToken ct) =>
        new RenditionPackaging(_runner).PackageAsync(plan.Probe, plan.Rungs, plan.Chunks, results, plan.Audio,
            request.OutputFolder, request.SegmentSeconds, clock.Elapsed, ct);

    private static TranscodeOutcome Rejection(ProbeVerdict verdict) => verdict is ProbeVerdict.Rejected r
        ? new TranscodeOutcome.Rejected(r.Reason, r.Message)
        : throw new InvalidOperationException("an accepted source without a plan");

    private static void TryDeleteFolder(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
