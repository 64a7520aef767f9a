using OpenTelemetry.Trace;

namespace MediaPlatform.Node.Observability;

/// <summary>
/// Which traces a node records: a trace begun by a caller keeps the caller's decision (a sampled <c>traceparent</c> is
/// traced, an unsampled one is not); a trace begun here is kept for <c>--trace-sample-ratio</c> of requests, chosen by
/// trace id so that every node keeps the same traces, and always for an upload of a title's source
/// (<see cref="KeptTraces"/>: the decision is taken when the request's activity is created, before its route is known,
/// so the upload route keeps its own). Spans under a kept span — the entity handling it on any node, its journal write,
/// the pipeline's steps — follow their parent.
/// </summary>
public sealed class NodeTraceSampler(double ratio) : Sampler
{
    private readonly ParentBasedSampler _byParentOrRatio = new(new TraceIdRatioBasedSampler(ratio));

    public override SamplingResult ShouldSample(in SamplingParameters parameters) => _byParentOrRatio.ShouldSample(parameters);
}
