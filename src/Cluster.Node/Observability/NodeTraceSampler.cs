using OpenTelemetry.Trace;

namespace MediaPlatform.Node.Observability;

/// <summary>
/// Which traces a node records: a trace begun by a caller keeps the caller's decision (a sampled <c>traceparent</c> is
/// traced, an unsampled one is not); a trace begun here is kept for every upload of a title's source (rare, long, and
/// the one trace that shows a title's whole pipeline) and otherwise for <c>--trace-sample-ratio</c> of requests, chosen
/// by trace id so that every node keeps the same traces. Spans under a kept span — the entity handling it on any node,
/// its journal write, the pipeline's steps — follow their parent.
/// </summary>
public sealed class NodeTraceSampler(double ratio) : Sampler
{
    private static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);
    private readonly ParentBasedSampler _byParentOrRatio = new(new TraceIdRatioBasedSampler(ratio));

    public override SamplingResult ShouldSample(in SamplingParameters parameters) =>
        parameters.ParentContext.TraceId == default && IsSourceUpload(parameters.Tags)
            ? Keep
            : _byParentOrRatio.ShouldSample(parameters);

    /// <summary>
    /// <c>PUT /api/titles/{id}/source</c>, from the tags ASP.NET Core gives a request's activity when it is created
    /// (method and path; the route is not known yet).
    /// </summary>
    private static bool IsSourceUpload(IEnumerable<KeyValuePair<string, object?>>? tags)
    {
        if (tags is null) return false;
        string? method = null, path = null;
        foreach (var (key, value) in tags)
        {
            if (key == "http.request.method") method = value as string;
            else if (key == "url.path") path = value as string;
        }
        return method == "PUT" && path is not null
            && path.StartsWith("/api/titles/", StringComparison.Ordinal) && path.EndsWith("/source", StringComparison.Ordinal)
            && path.AsSpan("/api/titles/".Length, path.Length - "/api/titles/".Length - "/source".Length).IndexOf('/') < 0;
    }
}
