using System.Buffers.Binary;

namespace MediaPlatform.Streams.Packaging;

/// <summary>
/// Reads and moves the timeline of an fMP4 media segment (one track, as ffmpeg's HLS muxer writes them): its fragments'
/// sequence numbers (<c>mfhd</c>), decode times (<c>tfdt</c>) and the earliest presentation time in its <c>sidx</c>.
/// A segment cut from a rung's chunks k… differs from the same segment cut from chunks 0… only in these three numbers
/// (the segmenter starts them at 1 and 0 for each run), so moving them by the prefix before k makes the bytes the same:
/// what lets the early playlists cut only the chunks encoded since their last cut.
/// </summary>
public static class FragmentTimeline
{
    /// <summary>The first fragment's sequence number and decode time, and where the last fragment's samples end.</summary>
    public readonly record struct Span(uint FirstSequence, ulong FirstDecodeTime, ulong EndDecodeTime, uint LastSequence, uint Timescale);

    public static Span Read(string segment)
    {
        var bytes = File.ReadAllBytes(segment);
        uint? first = null, last = null, timescale = null;
        ulong? start = null;
        ulong end = 0, fragmentStart = 0;
        uint defaultDuration = 0;
        Visit(bytes, 0, bytes.Length, (type, body) =>
        {
            switch (type)
            {
                case "sidx":
                    timescale ??= BinaryPrimitives.ReadUInt32BigEndian(body[8..]);
                    break;
                case "mfhd":
                    last = BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
                    first ??= last;
                    break;
                case "tfdt":
                    fragmentStart = body[0] == 1 ? BinaryPrimitives.ReadUInt64BigEndian(body[4..]) : BinaryPrimitives.ReadUInt32BigEndian(body[4..]);
                    start ??= fragmentStart;
                    end = fragmentStart;
                    break;
                case "trun":
                    end = fragmentStart + TrunTicks(body, defaultDuration);
                    break;
                case "tfhd":
                    defaultDuration = TfhdDuration(body);
                    break;
            }
        });
        if (first is null || start is null || timescale is null)
            throw new InvalidDataException($"{Path.GetFileName(segment)}: not an fMP4 media segment with sidx, mfhd and tfdt");
        return new Span(first.Value, start.Value, end, last!.Value, timescale.Value);
    }

    /// <summary>Adds <paramref name="decodeTicks"/> to every decode and presentation time and <paramref name="sequences"/> to every fragment number, in place.</summary>
    public static void Shift(string segment, long decodeTicks, int sequences)
    {
        var bytes = File.ReadAllBytes(segment);
        Visit(bytes, 0, bytes.Length, (type, body) =>
        {
            switch (type)
            {
                case "sidx" when body[0] == 1:
                    Add64(body[12..], decodeTicks);
                    break;
                case "sidx":
                    Add32(body[12..], decodeTicks);
                    break;
                case "mfhd":
                    Add32(body[4..], sequences);
                    break;
                case "tfdt" when body[0] == 1:
                    Add64(body[4..], decodeTicks);
                    break;
                case "tfdt":
                    Add32(body[4..], decodeTicks);
                    break;
            }
        });
        File.WriteAllBytes(segment, bytes);
    }

    private delegate void BoxVisitor(string type, Span<byte> body);

    private static void Visit(byte[] bytes, int from, int to, BoxVisitor visit)
    {
        var at = from;
        while (at + 8 <= to)
        {
            var size = (long)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var header = 8;
            if (size == 1) { size = (long)BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(at + 8)); header = 16; }
            else if (size == 0) size = to - at;
            if (size < header || at + size > to) throw new InvalidDataException($"box '{type}' runs past its parent");
            if (type is "moof" or "traf") Visit(bytes, at + header, (int)(at + size), visit);
            else if (type is "sidx" or "mfhd" or "tfdt" or "tfhd" or "trun") visit(type, bytes.AsSpan(at + header, (int)size - header));
            at += (int)size;
        }
    }

    private static uint TfhdDuration(ReadOnlySpan<byte> b)
    {
        var flags = (uint)(b[1] << 16 | b[2] << 8 | b[3]);
        var offset = 8;
        if ((flags & 0x01) != 0) offset += 8;
        if ((flags & 0x02) != 0) offset += 4;
        return (flags & 0x08) != 0 ? BinaryPrimitives.ReadUInt32BigEndian(b[offset..]) : 0;
    }

    private static ulong TrunTicks(ReadOnlySpan<byte> b, uint defaultDuration)
    {
        var flags = (uint)(b[1] << 16 | b[2] << 8 | b[3]);
        var count = BinaryPrimitives.ReadUInt32BigEndian(b[4..]);
        var at = 8;
        if ((flags & 0x01) != 0) at += 4;
        if ((flags & 0x04) != 0) at += 4;
        var perSample = 4 * (int)(((flags >> 8) & 1) + ((flags >> 9) & 1) + ((flags >> 10) & 1) + ((flags >> 11) & 1));
        ulong ticks = 0;
        for (var i = 0; i < count; i++)
            ticks += (flags & 0x100) != 0 ? BinaryPrimitives.ReadUInt32BigEndian(b[(at + i * perSample)..]) : defaultDuration;
        return ticks;
    }

    private static void Add64(Span<byte> field, long delta) =>
        BinaryPrimitives.WriteUInt64BigEndian(field, checked((ulong)((long)BinaryPrimitives.ReadUInt64BigEndian(field) + delta)));

    private static void Add32(Span<byte> field, long delta) =>
        BinaryPrimitives.WriteUInt32BigEndian(field, checked((uint)(BinaryPrimitives.ReadUInt32BigEndian(field) + delta)));
}
