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
    private readonly Dictionary<string, CutAnchor> _anchors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stored = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _storedHashes = new(StringComparer.Ordinal); // media segment → SHA-256 of what was stored
    private HlsMediaPlaylist? _audio;

    /// <summary>
    /// Whether this pipeline stored the media segment under <paramref name="key"/> with the very bytes of the package's
    /// <paramref name="packaged"/> file, so the package need not store it again. Init segments and playlists are not.
    /// A segment that differs (an early cut that did not line up with the whole rung's) is logged and replaced.
    /// </summary>
    public bool StoredSame(string key, string packaged)
    {
        if (!key.EndsWith(".m4s", StringComparison.Ordinal) || !_storedHashes.TryGetValue(key, out var hash)) return false;
        if (Hash(packaged).AsSpan().SequenceEqual(hash)) return true;
        log.Warning("title {0}: early segment {1} differs from the package's; the package's replaces it", titleId, key);
        return false;
    }

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
    /// Cuts what is new of every due rung's prefix — from its <see cref="CutAnchor"/>, chunk 0 at first — and the whole
    /// audio track, the first time, with one ffmpeg into a fresh folder; moves the new segments onto the rung's timeline
    /// (<see cref="FragmentTimeline"/>) and stores the segments that are final behind each rung's EVENT playlist. A
    /// prefix that ends on a segment boundary becomes the next anchor, so a rung's chunks are cut about once each
    /// instead of once per cut; where the chunks do not line up with the segments (odd sources) the anchor stays and
    /// the cut starts from it again, as correct as before and no cheaper.
    /// </summary>
    private async Task<bool> CutAsync(List<(Rung Rung, List<ChunkEncodeResult> Prefix)> due, Streams.Chunking.AudioTrack? audio, int total,
        TitleWork work, CancellationToken ct)
    {
        var folder = Path.Combine(EarlyFolder(work), $"cut-{Guid.NewGuid():N}");
        try
        {
            var inputs = due.Select(d => (d.Rung.Name,
                (IReadOnlyList<string>)d.Prefix.Skip(_anchors.GetValueOrDefault(d.Rung.Name).Chunk).Select(e => e.OutputPath).ToList())).ToList();
            var firstSegments = due.ToDictionary(d => d.Rung.Name, d => _anchors.GetValueOrDefault(d.Rung.Name).Segments, StringComparer.Ordinal);
            var cutAudio = audio is not null && _audio is null;
            if (cutAudio) inputs.Add((TitlePackager.AudioName, [audio!.Path]));
            var cuts = await new RungSegmenter(context.Runner).SegmentAsync(inputs, folder, context.Settings.SegmentSeconds, ct, firstSegments);
            if (cutAudio)
            {
                await StoreSegmentsAsync(work, folder, cuts[TitlePackager.AudioName], ct);
                _audio = cuts[TitlePackager.AudioName];
            }
            var changed = false;
            foreach (var (rung, prefix) in due)
            {
                _cutChunks[rung.Name] = prefix.Count;
                var anchor = _anchors.GetValueOrDefault(rung.Name);
                var cut = cuts[rung.Name];
                var fresh = PrefixSegmenter.FinalSegments(cut, context.Settings.SegmentSeconds, complete: prefix.Count == total);
                if (fresh.Segments.Count == 0) continue;
                if (anchor.Chunk > 0) MoveOntoRung(folder, fresh, anchor);
                _rungs.TryGetValue(rung.Name, out var before);
                var playlist = fresh with
                {
                    InitFile = before?.InitFile ?? fresh.InitFile, // the first cut's: later cuts' differ only in btrt
                    Segments = (before?.Segments.Take(anchor.Segments) ?? []).Concat(fresh.Segments).ToList(),
                };
                if (before is not null && before.Segments.Count >= playlist.Segments.Count) continue;
                await StoreSegmentsAsync(work, folder, playlist, ct);
                await StoreTextAsync(work, playlist.PlaylistFile, EventPlaylistWriter.Write(playlist.InitFile, playlist.Segments,
                    EventPlaylistWriter.TargetSeconds(context.Settings.SegmentSeconds, playlist.Segments)), ct);
                _rungs[rung.Name] = playlist;
                changed = true;
                if (fresh.Segments.Count == cut.Segments.Count && prefix.Count < total)
                    AdvanceAnchor(rung.Name, folder, anchor, fresh, prefix.Count, playlist.Segments.Count);
            }
            return changed;
        }
        finally
        {
            PipelineSteps.TryDeleteFolder(folder); // what is final is stored; the rest is cut again from a longer prefix
        }
    }

    /// <summary>The cut started afresh at 0 ticks and fragment 1: move its segments to where the anchor ends.</summary>
    private static void MoveOntoRung(string folder, HlsMediaPlaylist fresh, CutAnchor anchor)
    {
        var raw = FragmentTimeline.Read(Path.Combine(folder, fresh.Segments[0].File));
        var ticks = checked((long)anchor.DecodeEnd - (long)raw.FirstDecodeTime);
        var sequences = checked((int)anchor.NextSequence - (int)raw.FirstSequence);
        foreach (var segment in fresh.Segments) FragmentTimeline.Shift(Path.Combine(folder, segment.File), ticks, sequences);
    }

    /// <summary>
    /// Every segment of the cut is final, so the prefix ends where its last segment does; that is an anchor when it
    /// is also exactly the segments' count × the segment time from the rung's start (the segmenter counts from there).
    /// </summary>
    private void AdvanceAnchor(string rung, string folder, CutAnchor anchor, HlsMediaPlaylist fresh, int chunks, int segments)
    {
        var origin = anchor.Chunk == 0 ? FragmentTimeline.Read(Path.Combine(folder, fresh.Segments[0].File)).FirstDecodeTime : anchor.Origin;
        var last = FragmentTimeline.Read(Path.Combine(folder, fresh.Segments[^1].File));
        if (last.EndDecodeTime - origin == (ulong)segments * (ulong)context.Settings.SegmentSeconds * last.Timescale)
            _anchors[rung] = new CutAnchor(chunks, segments, origin, last.EndDecodeTime, last.LastSequence + 1);
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
                var path = Path.Combine(folder, file);
                await using (var content = File.OpenRead(path))
                    await context.Store.WriteAsync(key, content, null, ct);
                if (file.EndsWith(".m4s", StringComparison.Ordinal)) _storedHashes[key] = Hash(path);
            }
            _stored.Add(key);
        }
    }

    private async Task StoreTextAsync(TitleWork work, string file, string text, CancellationToken ct)
    {
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        await context.Store.WriteAsync(work.HlsPrefix + file, content, null, ct);
    }

    private static byte[] Hash(string path)
    {
        using var content = File.OpenRead(path);
        return System.Security.Cryptography.SHA256.HashData(content);
    }

    private static string EarlyFolder(TitleWork work) => Path.Combine(work.Folder, "early");
}
