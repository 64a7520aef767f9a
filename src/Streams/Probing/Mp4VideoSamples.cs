using System.Buffers.Binary;

namespace MediaPlatform.Streams.Probing;

/// <summary>
/// Counts the frames of an MP4's video track from the file's own boxes, without starting ffprobe: a progressive MP4's
/// sample table (<c>stsz</c>, durations from <c>stts</c>), or the fragments (<c>moof/traf/trun</c>) of fragmented MP4 —
/// an HLS init segment and its media segments, read one file after another as a player joins them. The muxer wrote
/// these counts for every sample it stored, so they are what a demuxer (and a player) gets: what the frame checks need,
/// at no process start per file. A file without a readable video track is refused with <see cref="InvalidDataException"/>.
/// </summary>
public static class Mp4VideoSamples
{
    private static readonly HashSet<string> Containers = ["moov", "trak", "mdia", "minf", "stbl", "moof", "traf", "mvex"];

    /// <summary>Frames and their total duration in one progressive MP4 (an encoded chunk).</summary>
    public static (int Frames, TimeSpan Duration) Read(string path) => Read([path]);

    /// <summary>Frames and duration over files read as one stream: a progressive MP4, or an init segment then media segments.</summary>
    public static (int Frames, TimeSpan Duration) Read(IEnumerable<string> files)
    {
        var state = new Reading();
        foreach (var file in files)
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
            Walk(stream, 0, stream.Length, "", state, file);
        }
        if (state.VideoTrack is null || state.Timescale <= 0) throw new InvalidDataException($"{Path.GetFileName(files.First())}: no video track in the MP4 boxes");
        if (!state.SawSamples) throw new InvalidDataException($"{Path.GetFileName(files.First())}: the video track's sample table is missing (a truncated MP4?)");
        return (checked((int)state.Frames), TimeSpan.FromSeconds((double)state.Ticks / state.Timescale));
    }

    private sealed class Reading
    {
        public uint? VideoTrack, TrakId, FragmentTrack;
        public string? TrakHandler;
        public long TrakTimescale, Timescale;
        public long TrakFrames = -1;
        public List<uint>? TrakDurations;
        public List<long>? TrakOffsets;
        public long Frames, Ticks;
        public bool SawSamples;
        public uint TrexDuration, TfhdDuration;
    }

    private static void Walk(Stream s, long from, long to, string parent, Reading state, string file)
    {
        var at = from;
        var header = new byte[16];
        while (at + 8 <= to)
        {
            s.Position = at;
            ReadExactly(s, header, 8, file);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var type = System.Text.Encoding.ASCII.GetString(header, 4, 4);
            var headerSize = 8;
            if (size == 1)
            {
                ReadExactly(s, header.AsSpan(8, 8), 8, file);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(8));
                headerSize = 16;
            }
            else if (size == 0) size = to - at;
            if (size < headerSize || at + size > to) throw new InvalidDataException($"{Path.GetFileName(file)}: box '{type}' runs past its parent (a truncated MP4?)");
            var body = at + headerSize;
            var end = at + size;
            if (type == "trak") state.TrakId = null;
            if (Containers.Contains(type)) Walk(s, body, end, type, state, file);
            else if (Wanted(type)) Leaf(type, Body(s, body, end - body, file), state);
            if (type == "trak") EndTrak(state);
            at = end;
        }
    }

    private static bool Wanted(string type) => type is "tkhd" or "mdhd" or "hdlr" or "stsz" or "stz2" or "stts" or "ctts" or "trex" or "tfhd" or "trun";

    private static byte[] Body(Stream s, long at, long length, string file)
    {
        if (length > 64 * 1024 * 1024) throw new InvalidDataException($"{Path.GetFileName(file)}: a sample table box of {length} bytes");
        var bytes = new byte[length];
        s.Position = at;
        ReadExactly(s, bytes, bytes.Length, file);
        return bytes;
    }

    private static void Leaf(string type, byte[] b, Reading st)
    {
        var version = b.Length > 0 ? b[0] : 0;
        var flags = b.Length >= 4 ? (uint)(b[1] << 16 | b[2] << 8 | b[3]) : 0u;
        switch (type)
        {
            case "tkhd":
                st.TrakId = U32(b, version == 1 ? 20 : 12);
                break;
            case "mdhd":
                st.TrakTimescale = U32(b, version == 1 ? 20 : 12);
                break;
            case "hdlr":
                st.TrakHandler = System.Text.Encoding.ASCII.GetString(b, 8, 4);
                break;
            case "stsz":
                st.TrakFrames = U32(b, 8);
                break;
            case "stz2":
                st.TrakFrames = U32(b, 8);
                break;
            case "stts":
                st.TrakDurations = Runs(b).ToList();
                break;
            case "ctts":
                // Version 1 offsets are signed; version 0 ones are written unsigned but mean the same for sane files.
                st.TrakOffsets = Runs(b).Select(v => (long)unchecked((int)v)).ToList();
                break;
            case "trex":
                if (st.VideoTrack == U32(b, 4)) st.TrexDuration = U32(b, 12); // mvex follows the traks
                break;
            case "tfhd":
                st.FragmentTrack = U32(b, 4);
                var offset = 8;
                if ((flags & 0x01) != 0) offset += 8; // base data offset
                if ((flags & 0x02) != 0) offset += 4; // sample description index
                st.TfhdDuration = (flags & 0x08) != 0 ? U32(b, offset) : st.TrexDuration;
                break;
            case "trun":
                if (st.FragmentTrack != st.VideoTrack) break;
                var count = U32(b, 4);
                st.Frames += count;
                st.SawSamples = true;
                var at = 8;
                if ((flags & 0x01) != 0) at += 4; // data offset
                if ((flags & 0x04) != 0) at += 4; // first sample flags
                var perSample = 4 * (int)(((flags >> 8) & 1) + ((flags >> 9) & 1) + ((flags >> 10) & 1) + ((flags >> 11) & 1));
                for (var i = 0; i < count; i++)
                    st.Ticks += (flags & 0x100) != 0 ? U32(b, at + i * perSample) : st.TfhdDuration;
                break;
        }
    }

    /// <summary>A finished trak: keep it when it is the first video track.</summary>
    private static void EndTrak(Reading st)
    {
        if (st.VideoTrack is null && st.TrakHandler == "vide" && st.TrakId is { } id)
        {
            st.VideoTrack = id;
            st.Timescale = st.TrakTimescale;
            if (st.TrakFrames >= 0)
            {
                // A progressive MP4 lists every sample here; an fMP4 init segment lists none (its samples are in fragments).
                st.Frames += st.TrakFrames;
                st.Ticks += PresentationSpan(st.TrakDurations ?? [], st.TrakOffsets);
                st.SawSamples = true;
            }
        }
        st.TrakHandler = null;
        st.TrakFrames = -1;
        st.TrakDurations = null;
        st.TrakOffsets = null;
    }

    /// <summary>A run-length table (stts, ctts: count, value pairs) expanded to one value per sample.</summary>
    private static IEnumerable<uint> Runs(byte[] b)
    {
        var entries = U32(b, 4);
        for (var i = 0; i < entries; i++)
        {
            var (count, value) = (U32(b, 8 + i * 8), U32(b, 12 + i * 8));
            for (var k = 0; k < count; k++) yield return value;
        }
    }

    /// <summary>From the first picture shown to the end of the last one: what a demuxer's presentation times span.</summary>
    private static long PresentationSpan(List<uint> durations, List<long>? offsets)
    {
        if (durations.Count == 0) return 0;
        long dts = 0, start = long.MaxValue, end = long.MinValue;
        for (var i = 0; i < durations.Count; i++)
        {
            var pts = dts + (offsets is not null && i < offsets.Count ? offsets[i] : 0);
            start = Math.Min(start, pts);
            end = Math.Max(end, pts + durations[i]);
            dts += durations[i];
        }
        return end - start;
    }

    private static uint U32(byte[] b, int at) =>
        at + 4 <= b.Length ? BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at)) : throw new InvalidDataException("a box shorter than its fields");

    private static void ReadExactly(Stream s, Span<byte> buffer, int count, string file)
    {
        try { s.ReadExactly(buffer[..count]); }
        catch (EndOfStreamException) { throw new InvalidDataException($"{Path.GetFileName(file)}: ends inside a box header (a truncated MP4?)"); }
    }

    private static void ReadExactly(Stream s, byte[] buffer, int count, string file) => ReadExactly(s, buffer.AsSpan(), count, file);
}
