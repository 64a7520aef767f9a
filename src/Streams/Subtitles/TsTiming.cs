namespace MediaPlatform.Streams.Subtitles;

/// <summary>
/// When an MPEG-TS video segment starts: the earliest video PTS and DTS (90 kHz) among the PES packets at its head.
/// For TS the PTS is itself the clock X-TIMESTAMP-MAP's MPEGTS names (ffmpeg starts it at 1.4 s, not 0). Reads only
/// packet and PES headers.
/// </summary>
public sealed record TsTiming(long FirstDecodeTime, long FirstPresentationTime)
{
    private const int PacketSize = 188;
    private const int MaxPesStarts = 32; // a GOP's reordering is settled well within this many pictures

    public long MpegTs => FirstPresentationTime;

    public TimeSpan PresentationDelay => TimeSpan.FromTicks((FirstPresentationTime - FirstDecodeTime) * TimeSpan.TicksPerSecond / 90_000);

    /// <summary>Null when the bytes hold no video PES with a timestamp.</summary>
    public static TsTiming? Read(ReadOnlySpan<byte> segment)
    {
        long? pts = null, dts = null;
        var starts = 0;
        for (var at = 0; at + PacketSize <= segment.Length && starts < MaxPesStarts; at += PacketSize)
        {
            var packet = segment.Slice(at, PacketSize);
            if (packet[0] != 0x47 || (packet[1] & 0x40) == 0) continue; // not in sync, or no payload unit starts here
            var payload = 4;
            var adaptation = (packet[3] >> 4) & 0x3;
            if (adaptation == 2) continue; // adaptation field only
            if (adaptation == 3) payload += 1 + packet[4];
            if (payload + 14 > PacketSize) continue;
            var pes = packet[payload..];
            // A video PES: start code 00 00 01, stream id 0xE0-0xEF, with a PTS (and maybe a DTS).
            if (pes[0] != 0 || pes[1] != 0 || pes[2] != 1 || (pes[3] & 0xF0) != 0xE0) continue;
            var flags = pes[7] >> 6;
            if ((flags & 0x2) == 0) continue;
            starts++;
            var presentation = Timestamp(pes[9..]);
            var decode = flags == 0x3 ? Timestamp(pes[14..]) : presentation;
            if (pts is null || presentation < pts) pts = presentation;
            if (dts is null || decode < dts) dts = decode;
        }
        return pts is { } p && dts is { } d ? new TsTiming(d, p) : null;
    }

    // 33 bits spread over 5 bytes with marker bits.
    private static long Timestamp(ReadOnlySpan<byte> b) =>
        ((long)(b[0] & 0x0E) << 29) | ((long)b[1] << 22) | ((long)(b[2] & 0xFE) << 14) | ((long)b[3] << 7) | ((long)b[4] >> 1);
}
