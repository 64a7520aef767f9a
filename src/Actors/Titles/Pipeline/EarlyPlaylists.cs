using MediaPlatform.Actors.Observability;
using Akka.Event;
using MediaPlatform.Actors.Storage;
using MediaPlatform.Actors.Work;
using MediaPlatform.Streams.Encoding;
using MediaPlatform.Streams.Ladder;
using MediaPlatform.Streams.Packaging;
using MediaPlatform.Streams.Pipeline;

namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// Makes a title playable while it transcodes: each time the batch moves, the longest run of encoded chunks from the
/// start of each rung is cut into segments (when it has grown enough to be worth it: <see cref="PrefixCutPolicy"/>; every
/// rung due and, the first time, the audio in one ffmpeg: <see cref="RungSegmenter"/>, <see cref="PrefixSegmenter"/>) and stored under the upload's HLS prefix
/// with the names the final package uses, behind a growing EVENT playlist per rung, the whole audio track's segments
/// behind an EVENT playlist as long as the longest rung, and a master listing the rungs that have started. Segments
/// are written once and never change (the final package writes the same bytes over them); playlists grow, and the
/// final package replaces them with VOD ones. Nothing here can fail the title: a failed cut is logged and tried again
/// at the next look.
/// </summary>
internal sealed class EarlyPlaylists(string titleId, PipelineContext context, ILoggingAdapter log)
{
    private readonly Dictionary<string, int> _cutChunks = new(StringComparer.Ordinal); // rung → chunks cut so far
    private readonly Dictionary<string, HlsMediaPlaylist> _rungs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stored = new(StringComparer.Ordinal);
    private HlsMediaPlaylist? _audio;

    /// <summary>
    /// Whether this pipeline stored the media segment under <paramref name="key"/> (an immutable segment the final
    /// package holds byte for byte, so the package need not store it again). Init segments and playlists are not.
    /// </summary>
    public bool StoredSegment(string key) => key.EndsWith(".m4s", StringComparison.Ordinal) && _stored.Contains(key);

    /// <summary>Whether a master has been stored: the title is playable.</summary>
    public bool Playable { get; private set; }

    public async Task UpdateAsync(TitleView title, TitleWork work, IReadOnlyList<ChunkEncodeResult> encoded, CancellationToken ct)
    {
        // Playable needs the audio: a player that starts without it would never get it.
        if (SourcePreparation.TryLoad(work.Folder) is not { } prepared) return;
        try
        {
            var total = prepared.Chunks.Count;
            var due = title.Ladder.Select(r => (Rung: r, Prefix: Prefix(encoded, r.Name)))
                .Where(r => PrefixCutPolicy.ShouldCut(_cutChunks.GetValueOrDefault(r.Rung.Name), r.Prefix.Count, total)).ToList();
            if (due.Count == 0) return;
            var changed = await CutAsync(due, prepared.Audio, total, work, ct);
            if (!changed || _rungs.Count == 0) return;
            await StoreAudioAndMasterAsync(title, work, prepared.Audio, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.Warning("title {0}: early playlists not updated ({1}); trying again at the next look", titleId, e.Message);
        }
    }

    /// <summary>The rung's encodes of chunks 0, 1, 2 … up to the first one not encoded yet.</summary>
    private static List<ChunkEncodeResult> Prefix(IReadOnlyList<ChunkEncodeResult> encoded, string rung)
    {
        var byChunk = encoded.Where(e => e.RungName == rung).GroupBy(e => e.ChunkIndex).ToDictionary(g => g.Key, g => g.First());
        var prefix = new List<ChunkEncodeResult>();
        while (byChunk.TryGetValue(prefix.Count, out var next)) prefix.Add(next);
        return prefix;
    }

    /// <summary>
    /// Cuts every due rung's prefix — and the whole audio track, the first time — with one ffmpeg into a fresh folder,
    /// and stores the segments that are final behind each rung's EVENT playlist.
    /// </summary>
    private async Task<bool> CutAsync(List<(Rung Rung, List<ChunkEncodeResult> Prefix)> due, Streams.Chunking.AudioTrack? audio, int total,
        TitleWork work, CancellationToken ct)
    {
        var folder = Path.Combine(EarlyFolder(work), $"cut-{Guid.NewGuid():N}");
        try
        {
            var inputs = due.Select(d => (d.Rung.Name, (IReadOnlyList<string>)d.Prefix.Select(e => e.OutputPath).ToList())).ToList();
            var cutAudio = audio is not null && _audio is null;
            if (cutAudio) inputs.Add((TitlePackager.AudioName, [audio!.Path]));
            var cuts = await new RungSegmenter(context.Runner).SegmentAsync(inputs, folder, context.Settings.SegmentSeconds, ct);
            if (cutAudio)
            {
                await StoreSegmentsAsync(work, folder, cuts[TitlePackager.AudioName], ct);
                _audio = cuts[TitlePackager.AudioName];
            }
            var changed = false;
            foreach (var (rung, prefix) in due)
            {
                _cutChunks[rung.Name] = prefix.Count;
                var playlist = PrefixSegmenter.FinalSegments(cuts[rung.Name], context.Settings.SegmentSeconds, complete: prefix.Count == total);
                if (playlist.Segments.Count == 0 || (_rungs.TryGetValue(rung.Name, out var before) && before.Segments.Count >= playlist.Segments.Count))
                    continue;
                await StoreSegmentsAsync(work, folder, playlist, ct);
                await StoreTextAsync(work, playlist.PlaylistFile, EventPlaylistWriter.Write(playlist.InitFile, playlist.Segments,
                    EventPlaylistWriter.TargetSeconds(context.Settings.SegmentSeconds, playlist.Segments)), ct);
                _rungs[rung.Name] = playlist;
                changed = true;
            }
            return changed;
        }
        finally
        {
            PipelineSteps.TryDeleteFolder(folder); // what is final is stored; the rest is cut again from a longer prefix
        }
    }

    private async Task StoreAudioAndMasterAsync(TitleView title, TitleWork work, Streams.Chunking.AudioTrack? audio, CancellationToken ct)
    {
        if (_audio is { } whole)
        {
            // As long as the longest rung: a player must not think the title ends where the audio does.
            var longest = _rungs.Values.Max(p => p.Duration);
            var listed = new List<HlsSegment>();
            foreach (var segment in whole.Segments)
            {
                if (TimeSpan.FromTicks(listed.Sum(s => s.Duration.Ticks)) >= longest) break;
                listed.Add(segment);
            }
            await StoreTextAsync(work, whole.PlaylistFile, EventPlaylistWriter.Write(whole.InitFile, listed,
                EventPlaylistWriter.TargetSeconds(context.Settings.SegmentSeconds, whole.Segments)), ct);
        }
        var variants = title.Ladder.Where(r => _rungs.ContainsKey(r.Name)).Select(r =>
        {
            var playlist = _rungs[r.Name];
            return new HlsVariant(r, playlist, playlist.PeakBitsPerSecond + (_audio?.PeakBitsPerSecond ?? 0),
                playlist.AverageBitsPerSecond + (_audio?.AverageBitsPerSecond ?? 0), title.Probe!.FrameRate);
        }).ToList();
        await StoreTextAsync(work, TitlePackager.MasterFile, MasterPlaylistWriter.Write(variants, _audio, audio?.Channels ?? 2), ct);
        if (!Playable)
        {
            log.Info("title {0}: playable while transcoding ({1})", titleId,
                string.Join(", ", _rungs.Select(r => $"{r.Key} {r.Value.Segments.Count} segments")));
            if (title.Source is { } source) MediaMetrics.Playable(DateTimeOffset.UtcNow - source.UploadedAt);
        }
        Playable = true;
    }

    /// <summary>The init segment and every segment not stored yet; a stored one is never written again.</summary>
    private async Task StoreSegmentsAsync(TitleWork work, string folder, HlsMediaPlaylist playlist, CancellationToken ct)
    {
        var files = playlist.Segments.Select(s => s.File).Prepend(playlist.InitFile).OfType<string>();
        foreach (var file in files)
        {
            var key = work.HlsPrefix + file;
            if (_stored.Contains(key)) continue;
            if (!await context.Store.ExistsAsync(key, ct))
            {
                await using var content = File.OpenRead(Path.Combine(folder, file));
                await context.Store.WriteAsync(key, content, null, ct);
            }
            _stored.Add(key);
        }
    }

    private async Task StoreTextAsync(TitleWork work, string file, string text, CancellationToken ct)
    {
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        await context.Store.WriteAsync(work.HlsPrefix + file, content, null, ct);
    }

    private static string EarlyFolder(TitleWork work) => Path.Combine(work.Folder, "early");
}
