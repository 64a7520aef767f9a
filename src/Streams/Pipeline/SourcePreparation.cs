using System.Text.Json;
using MediaPlatform.Streams.Chunking;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Probing;

namespace MediaPlatform.Streams.Pipeline;

/// <summary>
/// Splits a source at its keyframes (stream copy) and encodes its audio once, into a work folder. Safe to run again
/// over the same folder: once a preparation completed, its manifest (written last, atomically) is read back and
/// nothing is cut twice; an interrupted one is redone in a fresh sub-folder, so chunks another node may already be
/// encoding are never overwritten.
/// </summary>
public sealed class SourcePreparation(FfmpegRunner? runner = null)
{
    public const string ManifestFile = "prepared.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly FfmpegRunner _runner = runner ?? FfmpegRunner.Shared;

    /// <summary>The completed preparation in <paramref name="workFolder"/>, or null when there is none (or its files are gone).</summary>
    public static PreparedSource? TryLoad(string workFolder)
    {
        var manifest = Path.Combine(workFolder, ManifestFile);
        if (!File.Exists(manifest)) return null;
        var prepared = JsonSerializer.Deserialize<PreparedSource>(File.ReadAllText(manifest), Json);
        if (prepared is null || prepared.Chunks.Count == 0) return null;
        var complete = prepared.Chunks.All(c => File.Exists(c.Path)) && (prepared.Audio is null || File.Exists(prepared.Audio.Path));
        return complete ? prepared : null;
    }

    public async Task<PreparedSource> PrepareAsync(string sourcePath, ProbeResult probe, string workFolder, int chunkSeconds,
        CancellationToken cancellationToken = default)
    {
        if (TryLoad(workFolder) is { } done) return done;
        var attempt = Path.Combine(workFolder, $"prepare-{Guid.NewGuid():N}");
        var chunks = await new SourceSplitter(_runner).SplitAsync(sourcePath, Path.Combine(attempt, "chunks"), chunkSeconds, cancellationToken);
        var audio = probe.HasAudio
            ? await new AudioEncoder(_runner).EncodeAsync(sourcePath, probe, Path.Combine(attempt, "audio.m4a"), cancellationToken)
            : null;
        var prepared = new PreparedSource(chunks, audio);
        var part = Path.Combine(workFolder, $"{ManifestFile}.{Guid.NewGuid():N}.part");
        await File.WriteAllTextAsync(part, JsonSerializer.Serialize(prepared, Json), cancellationToken);
        File.Move(part, Path.Combine(workFolder, ManifestFile), overwrite: true);
        return prepared;
    }
}
