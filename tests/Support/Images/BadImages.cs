using System.IO.Compression;

namespace MediaPlatform.Testing.Images;

/// <summary>Hand-built files for the decoder's refusals: what no encoder here writes on purpose.</summary>
public static class BadImages
{
    /// <summary>A 1x1 GIF (the classic 43-byte transparent pixel); <paramref name="frames"/> &gt; 1 makes it animated.</summary>
    public static byte[] Gif(int frames = 1)
    {
        var header = Convert.FromHexString("474946383961010001008000000000000000FFFFFF21F90401000000002C000000000100010000020144003B");
        if (frames == 1) return header;
        var frame = Convert.FromHexString("21F90401000000002C00000000010001000002014400");
        var body = header[..^1].Concat(Enumerable.Range(1, frames - 1).SelectMany(_ => frame)).Append((byte)0x3B);
        return body.ToArray();
    }

    /// <summary>A 3-frame animated WebP (64x48 testsrc), written by ffmpeg's libwebp_anim encoder.</summary>
    public static Task<byte[]> AnimatedWebpAsync() => Media.Clips.BytesAsync("animated.webp",
        ["-f", "lavfi", "-i", "testsrc=size=64x48:rate=5", "-frames:v", "3", "-c:v", "libwebp_anim", "-loop", "0"]);

    public static byte[] Svg() => System.Text.Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>");

    /// <summary>A valid 1-bit grey PNG of <paramref name="side"/>² pixels: all zeros, so a few hundred KB declare gigapixels.</summary>
    public static byte[] PngBomb(int side)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        WriteBigEndian(ihdr, 0, side);
        WriteBigEndian(ihdr, 4, side);
        ihdr[8] = 1; // bit depth 1, colour type 0 (grey)
        Chunk(png, "IHDR", ihdr);
        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[1 + (side + 7) / 8];
            for (var y = 0; y < side; y++) z.Write(row);
        }
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The JPEG with an EXIF APP1 segment saying how the camera was held (6: rotate 90° clockwise to view).</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0, 0, 0, 0, 0];
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [jpeg[0], jpeg[1], .. app1, .. jpeg[2..]];
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var head = new byte[8];
        WriteBigEndian(head, 0, data.Length);
        System.Text.Encoding.ASCII.GetBytes(type, 0, 4, head, 4);
        png.Write(head);
        png.Write(data);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, (int)Crc32([.. head[4..], .. data]));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    private static void WriteBigEndian(byte[] buffer, int offset, int value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }
}
