using System.Buffers.Binary;

namespace MediaPlatform.Streams.Subtitles;

/// <summary>
/// When a fragmented MP4 video track starts: the first fragment's decode time (tfdt) and its earliest presentation
/// time (decode time + composition offset of each sample in its trun boxes), in the track's timescale (mdhd). With
/// B-frames the first picture is presented a frame or two after the fragment's decode start (ffmpeg's fMP4 HLS: 0.08 s
/// at 25 fps), and that is the instant the source's time zero is shown. Reads only box headers and sample tables.
/// </summary>
public sealed record Fmp4Timing(uint Timescale, long FirstDecodeTime, long FirstPresentationTime)
{
    /// <summary>The first picture's presentation time on HLS's 90 kHz clock (what X-TIMESTAMP-MAP's MPEGTS names).</summary>
    public long MpegTs => (long)Math.Round((decimal)FirstPresentationTime * 90_000 / Timescale, MidpointRounding.AwayFromZero);

    /// <summary>How far after the playlist's start (the first decode time) the first picture is presented.</summary>
    public TimeSpan PresentationDelay =>
        TimeSpan.FromTicks((long)Math.Round((decimal)(FirstPresentationTime - FirstDecodeTime) * TimeSpan.TicksPerSecond / Timescale));

    /// <summary>Null when the bytes are not an init segment with a track and the start of a fragment of it.</summary>
    public static Fmp4Timing? Read(ReadOnlyMemory<byte> init, ReadOnlyMemory<byte> fragment)
    {
        if (FindTrack(init) is not { } track) return null;
        if (FirstTraf(fragment, track.Id) is not { } traf) return null;

        var defaultDuration = DefaultSampleDuration(init, track.Id);
        long? decodeTime = null;
        long? earliest = null;
        long dts = 0;
        foreach (var (type, memory) in Children(traf))
        {
            var body = memory.Span;
            if (body.Length < 8) continue;
            var flags = BinaryPrimitives.ReadUInt32BigEndian(body) & 0xFFFFFF;
            if (type == "tfhd")
            {
                var at = 8 + ((flags & 0x01) != 0 ? 8 : 0) + ((flags & 0x02) != 0 ? 4 : 0);
                if ((flags & 0x08) != 0 && body.Length >= at + 4) defaultDuration = BinaryPrimitives.ReadUInt32BigEndian(body[at..]);
            }
            else if (type == "tfdt")
            {
                decodeTime = body[0] == 1 && body.Length >= 12
                    ? (long)BinaryPrimitives.ReadUInt64BigEndian(body[4..])
                    : BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
                dts = decodeTime.Value;
            }
            else if (type == "trun")
            {
                var count = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
                var at = 8 + ((flags & 0x01) != 0 ? 4 : 0) + ((flags & 0x04) != 0 ? 4 : 0);
                var stride = new[] { 0x100u, 0x200u, 0x400u, 0x800u }.Count(f => (flags & f) != 0) * 4;
                for (var i = 0; i < count && body.Length >= at + stride; i++, at += stride)
                {
                    var field = at;
                    var duration = defaultDuration;
                    if ((flags & 0x100) != 0) { duration = BinaryPrimitives.ReadUInt32BigEndian(body[field..]); field += 4; }
                    if ((flags & 0x200) != 0) field += 4;
                    if ((flags & 0x400) != 0) field += 4;
                    long composition = (flags & 0x800) == 0 ? 0
                        : body[0] == 0 ? BinaryPrimitives.ReadUInt32BigEndian(body[field..]) : BinaryPrimitives.ReadInt32BigEndian(body[field..]);
                    var pts = dts + composition;
                    if (earliest is null || pts < earliest) earliest = pts;
                    dts += duration;
                }
            }
        }
        return decodeTime is { } start && earliest is { } first ? new Fmp4Timing(track.Timescale, start, first) : null;
    }

    /// <summary>The first video track (else the first track) of the init segment: its id and timescale.</summary>
    private static (uint Id, uint Timescale)? FindTrack(ReadOnlyMemory<byte> init)
    {
        (uint, uint)? first = null;
        foreach (var (_, trak) in Children(init).Where(b => b.Type == "moov").SelectMany(m => Children(m.Body)).Where(b => b.Type == "trak"))
        {
            uint id = 0, timescale = 0;
            var video = false;
            foreach (var (name, body) in Children(trak))
            {
                if (name == "tkhd" && body.Length >= 24) id = BinaryPrimitives.ReadUInt32BigEndian(body.Span[(body.Span[0] == 1 ? 20 : 12)..]);
                if (name != "mdia") continue;
                foreach (var (part, content) in Children(body))
                {
                    if (part == "mdhd" && content.Length >= 24)
                        timescale = BinaryPrimitives.ReadUInt32BigEndian(content.Span[(content.Span[0] == 1 ? 20 : 12)..]);
                    if (part == "hdlr" && content.Length >= 12) video = content.Span.Slice(8, 4).SequenceEqual("vide"u8);
                }
            }
            if (timescale == 0) continue;
            if (video) return (id, timescale);
            first ??= (id, timescale);
        }
        return first;
    }

    private static uint DefaultSampleDuration(ReadOnlyMemory<byte> init, uint trackId) => Children(init)
        .Where(b => b.Type == "moov").SelectMany(m => Children(m.Body)).Where(b => b.Type == "mvex")
        .SelectMany(m => Children(m.Body))
        .Where(b => b.Type == "trex" && b.Body.Length >= 16 && BinaryPrimitives.ReadUInt32BigEndian(b.Body.Span[4..]) == trackId)
        .Select(b => BinaryPrimitives.ReadUInt32BigEndian(b.Body.Span[12..]))
        .FirstOrDefault();

    /// <summary>The track's traf in the first moof (styp and sidx before it are skipped).</summary>
    private static ReadOnlyMemory<byte>? FirstTraf(ReadOnlyMemory<byte> fragment, uint trackId)
    {
        foreach (var (type, moof) in Children(fragment))
        {
            if (type != "moof") continue;
            foreach (var (kind, traf) in Children(moof))
                if (kind == "traf" && Children(traf).Any(b => b.Type == "tfhd" && b.Body.Length >= 8 && BinaryPrimitives.ReadUInt32BigEndian(b.Body.Span[4..]) == trackId))
                    return traf;
            return null;
        }
        return null;
    }

    /// <summary>
    /// The boxes directly inside <paramref name="container"/>, each as its type and body (header removed). A box cut
    /// off by a partial read (the mdat after the moof) ends the list with what is there.
    /// </summary>
    private static List<(string Type, ReadOnlyMemory<byte> Body)> Children(ReadOnlyMemory<byte> container)
    {
        var boxes = new List<(string, ReadOnlyMemory<byte>)>();
        var data = container.Span;
        var at = 0;
        while (data.Length - at >= 8)
        {
            long length = BinaryPrimitives.ReadUInt32BigEndian(data[at..]);
            var type = System.Text.Encoding.ASCII.GetString(data.Slice(at + 4, 4));
            var header = 8;
            if (length == 1)
            {
                if (data.Length - at < 16) break;
                length = (long)BinaryPrimitives.ReadUInt64BigEndian(data[(at + 8)..]);
                header = 16;
            }
            else if (length == 0) length = data.Length - at;
            if (length < header) break;
            var size = (int)Math.Min(length, data.Length - at);
            boxes.Add((type, container.Slice(at + header, size - header)));
            if (size < length) break;
            at += size;
        }
        return boxes;
    }
}
