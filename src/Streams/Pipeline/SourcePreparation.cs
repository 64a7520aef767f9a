using System.Text.Json;
using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>
/// Splits a source at its keyframes (stream copy) and encodes its audio once, into a work folder, in two steps so the
/// chunks can be encoding while the audio is: <see cref="SplitAsync"/> then <see cref="CompleteAsync"/> (or both at
/// once, <see cref="PrepareAsync"/>). Safe to run again over the same folder: each step's manifest (written last,
/// atomically) is read back and nothing is cut or encoded twice; an interrupted split is redone in a fresh
/// sub-folder, so chunks another node may already be encoding are never overwritten.
/// </summary>
public sealed class SourcePreparation(FfmpegRunner? runner = null)
{
    public const string ManifestFile = "prepared.json";
    public const string ChunksManifestFile = "chunks.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    /// <summary>The completed preparation in <paramref name="workFolder"/>, or null when there is none (or its files are gone).</summary>
    public static PreparedSource? TryLoad(string workFolder) => Load(Path.Combine(workFolder, ManifestFile), needsAudioFile: true);

    /// <summary>The split chunks in <paramref name="workFolder"/> (audio perhaps not encoded yet), or null.</summary>
    public static PreparedSource? TryLoadChunks(string workFolder) =>
        TryLoad(workFolder) ?? Load(Path.Combine(workFolder, ChunksManifestFile), needsAudioFile: false);

    public async Task<PreparedSource> PrepareAsync(string sourcePath, ProbeResult probe, string workFolder, int chunkSeconds,
        CancellationToken cancellationToken = default)
    {
        await SplitAsync(sourcePath, workFolder, chunkSeconds, cancellationToken);
        return await CompleteAsync(sourcePath, probe, workFolder, cancellationToken);
    }

    /// <summary>The source's video cut into chunks (the audio is <see cref="CompleteAsync"/>'s).</summary>
    public async Task<PreparedSource> SplitAsync(string sourcePath, string workFolder, int chunkSeconds, CancellationToken cancellationToken = default)
    {
        if (TryLoadChunks(workFolder) is { } done) return done;
        var attempt = Path.Combine(workFolder, $"prepare-{Guid.NewGuid():N}");
        var chunks = await new SourceSplitter(_runner).SplitAsync(sourcePath, Path.Combine(attempt, "chunks"), chunkSeconds, cancellationToken);
        var split = new PreparedSource(chunks, null);
        await WriteAsync(workFolder, ChunksManifestFile, split, cancellationToken);
        return split;
    }

    /// <summary>Encodes the audio (once) next to chunks already split, and writes the complete preparation.</summary>
    public async Task<PreparedSource> CompleteAsync(string sourcePath, ProbeResult probe, string workFolder, CancellationToken cancellationToken = default)
    {
        if (TryLoad(workFolder) is { } done) return done;
        var split = TryLoadChunks(workFolder) ?? throw new InvalidOperationException($"no split chunks in {workFolder}");
        var audio = probe.HasAudio
            ? await new AudioEncoder(_runner).EncodeAsync(sourcePath, probe, Path.Combine(workFolder, $"audio-{Guid.NewGuid():N}.m4a"), cancellationToken)
            : null;
        var prepared = split with { Audio = audio };
        await WriteAsync(workFolder, ManifestFile, prepared, cancellationToken);
        return prepared;
    }

    private static PreparedSource? Load(string manifest, bool needsAudioFile)
    {
        if (!File.Exists(manifest)) return null;
        var prepared = JsonSerializer.Deserialize<PreparedSource>(File.ReadAllText(manifest), Json);
        if (prepared is null || prepared.Chunks.Count == 0) return null;
        var complete = prepared.Chunks.All(c => File.Exists(c.Path)) && (!needsAudioFile || prepared.Audio is null || File.Exists(prepared.Audio.Path));
        return complete ? prepared : null;
    }

    private static async Task WriteAsync(string workFolder, string name, PreparedSource prepared, CancellationToken ct)
    {
        Directory.CreateDirectory(workFolder);
        var part = Path.Combine(workFolder, $"{name}.{Guid.NewGuid():N}.part");
        await File.WriteAllTextAsync(part, JsonSerializer.Serialize(prepared, Json), ct);
        File.Move(part, Path.Combine(workFolder, name), overwrite: true);
    }
}
