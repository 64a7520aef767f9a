using System.Buffers.Binary;

namespace MediaPlatform.Streams.Probing;

/// <summary>
/// Reads the video track's blocks of a Matroska file (the split chunks) from its EBML elements, without starting ffprobe:
/// how many frames it holds, whether the first is a keyframe, and the presentation times they span — what
/// <see cref="PacketScanner"/> tells of the same file (a block is a demuxed packet; Matroska stores presentation times).
/// A file whose elements do not parse, or without a video track, is refused with <see cref="InvalidDataException"/>.
/// </summary>
public static class MatroskaVideoBlocks
{
    private const uint Segment = 0x18538067, Info = 0x1549A966, TimestampScale = 0x2AD7B1, Tracks = 0x1654AE6B,
        TrackEntry = 0xAE, TrackNumber = 0xD7, TrackType = 0x83, DefaultDuration = 0x23E383, Cluster = 0x1F43B675,
        ClusterTimestamp = 0xE7, SimpleBlock = 0xA3, BlockGroup = 0xA0, Block = 0xA1, BlockDuration = 0x9B, ReferenceBlock = 0xFB;
    private const long UnknownSize = -1;

    public static PacketScan Read(string path)
    {
        var bytes = File.ReadAllBytes(path); // a chunk: a few seconds of compressed video
        var state = new Reading();
        Walk(bytes, 0, bytes.Length, state, path);
        if (state.VideoTrack is null) throw new InvalidDataException($"{Path.GetFileName(path)}: no video track in the Matroska elements");
        return new PacketScan(state.Frames, state.Keyframes.Order().ToList(), state.FirstIsKey,
            state.Start ?? TimeSpan.Zero, state.End, null);
    }

    private sealed class Reading
    {
        public long Scale = 1_000_000; // ns per timestamp tick
        public ulong? VideoTrack;
        public long DefaultDurationNs;
        public ulong TrackNumber, TrackType;
        public long TrackDefaultNs;
        public long ClusterTime;
        public int Frames;
        public bool FirstIsKey;
        public TimeSpan? Start;
        public TimeSpan End;
        public List<TimeSpan> Keyframes { get; } = [];
        // A BlockGroup's parts, seen before it ends.
        public (int At, int Length)? GroupBlock;
        public long? GroupDuration;
        public bool GroupReferences;
    }

    private static void Walk(byte[] b, int from, int to, Reading st, string path)
    {
        var at = from;
        while (at < to)
        {
            var id = ReadId(b, ref at, path);
            var size = ReadSize(b, ref at, path);
            var end = size == UnknownSize ? to : (int)Math.Min(to, at + size);
            if (size != UnknownSize && at + size > to) throw new InvalidDataException($"{Path.GetFileName(path)}: element {id:X} runs past its parent (a truncated chunk?)");
            switch (id)
            {
                case Segment or Info or Tracks:
                    Walk(b, at, end, st, path);
                    break;
                case Cluster:
                    if (size == UnknownSize) { at = WalkCluster(b, at, to, st, path); continue; }
                    Walk(b, at, end, st, path);
                    break;
                case TrackEntry:
                    (st.TrackNumber, st.TrackType, st.TrackDefaultNs) = (0, 0, 0);
                    Walk(b, at, end, st, path);
                    if (st.TrackType == 1 && st.VideoTrack is null) (st.VideoTrack, st.DefaultDurationNs) = (st.TrackNumber, st.TrackDefaultNs);
                    break;
                case TimestampScale: st.Scale = (long)UInt(b, at, end); break;
                case TrackNumber: st.TrackNumber = UInt(b, at, end); break;
                case TrackType: st.TrackType = UInt(b, at, end); break;
                case DefaultDuration: st.TrackDefaultNs = (long)UInt(b, at, end); break;
                case ClusterTimestamp: st.ClusterTime = (long)UInt(b, at, end); break;
                case SimpleBlock: OnBlock(b, at, end, null, null, st, path); break;
                case BlockGroup:
                    (st.GroupBlock, st.GroupDuration, st.GroupReferences) = (null, null, false);
                    Walk(b, at, end, st, path);
                    if (st.GroupBlock is { } block) OnBlock(b, block.At, block.At + block.Length, !st.GroupReferences, st.GroupDuration, st, path);
                    break;
                case Block: st.GroupBlock = (at, end - at); break;
                case BlockDuration: st.GroupDuration = (long)UInt(b, at, end); break;
                case ReferenceBlock: st.GroupReferences = true; break;
            }
            at = end;
        }
    }

    /// <summary>A cluster of unknown size (a live-written file) ends where the next top-level element begins.</summary>
    private static int WalkCluster(byte[] b, int at, int to, Reading st, string path)
    {
        while (at < to)
        {
            var start = at;
            var id = ReadId(b, ref at, path);
            if (id is Cluster or 0x1C53BB6B or 0x1254C367 or 0x1941A469 or 0x1043A770) return start; // Cues, Tags, Attachments, Chapters
            var size = ReadSize(b, ref at, path);
            var end = size == UnknownSize ? to : (int)Math.Min(to, at + size);
            Walk(b, start, end, st, path);
            at = end;
        }
        return at;
    }

    /// <param name="groupKey">A BlockGroup's block is a keyframe when it references no other; a SimpleBlock says so in its flags.</param>
    private static void OnBlock(byte[] b, int at, int end, bool? groupKey, long? durationTicks, Reading st, string path)
    {
        var track = (ulong)ReadVint(b, ref at, path, keepMarker: false);
        if (track != st.VideoTrack || at + 3 > end) return;
        var relative = BinaryPrimitives.ReadInt16BigEndian(b.AsSpan(at));
        var flags = b[at + 2];
        var key = groupKey ?? (flags & 0x80) != 0;
        // Laced blocks hold several frames (never for video written by ffmpeg, but cheap to count right).
        var frames = (flags & 0x06) == 0 ? 1 : b[at + 3] + 1;
        var pts = TimeSpan.FromTicks((st.ClusterTime + relative) * st.Scale / 100);
        var duration = durationTicks is { } d ? TimeSpan.FromTicks(d * st.Scale / 100) : TimeSpan.FromTicks(st.DefaultDurationNs / 100);
        if (st.Frames == 0) st.FirstIsKey = key;
        st.Frames += frames;
        // Before the cluster's zero (leading pictures of an open GOP): a demuxer gives such a block no timestamp.
        if (st.ClusterTime + relative < 0) return;
        if (key) st.Keyframes.Add(pts);
        if (st.Start is null || pts < st.Start) st.Start = pts;
        if (pts + duration * frames > st.End) st.End = pts + duration * frames;
    }

    private static uint ReadId(byte[] b, ref int at, string path) => (uint)ReadVint(b, ref at, path, keepMarker: true);

    private static long ReadSize(byte[] b, ref int at, string path)
    {
        var first = at;
        var value = ReadVint(b, ref at, path, keepMarker: false);
        var length = at - first;
        return value == (1L << (7 * length)) - 1 ? UnknownSize : value; // all ones: size unknown
    }

    private static long ReadVint(byte[] b, ref int at, string path, bool keepMarker)
    {
        if (at >= b.Length || b[at] == 0) throw new InvalidDataException($"{Path.GetFileName(path)}: not a Matroska element at byte {at}");
        var length = System.Numerics.BitOperations.LeadingZeroCount((uint)b[at]) - 23;
        if (at + length > b.Length) throw new InvalidDataException($"{Path.GetFileName(path)}: ends inside an element header (a truncated chunk?)");
        long value = keepMarker ? b[at] : b[at] & (0xFF >> length);
        for (var i = 1; i < length; i++) value = (value << 8) | b[at + i];
        at += length;
        return value;
    }

    private static ulong UInt(byte[] b, int at, int end)
    {
        ulong value = 0;
        for (var i = at; i < end; i++) value = (value << 8) | b[i];
        return value;
    }
}
