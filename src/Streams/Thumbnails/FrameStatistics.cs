namespace MediaPlatform.Streams.Thumbnails;

/// <summary>Luma measures of small RGB24 frames, computed here rather than by extra ffmpeg filters: they are tiny.</summary>
public static class FrameStatistics
{
    /// <summary>BT.601 luma of each pixel.</summary>
    public static byte[] Luma(byte[] rgb)
    {
        var luma = new byte[rgb.Length / 3];
        for (int i = 0, p = 0; i < luma.Length; i++, p += 3)
            luma[i] = (byte)((299 * rgb[p] + 587 * rgb[p + 1] + 114 * rgb[p + 2] + 500) / 1000);
        return luma;
    }

    public static double Mean(byte[] luma)
    {
        long sum = 0;
        foreach (var y in luma) sum += y;
        return luma.Length == 0 ? 0 : (double)sum / luma.Length;
    }

    /// <summary>Mean absolute difference to the right and lower neighbour: flat or black pictures score near 0.</summary>
    public static double Detail(byte[] luma, int width, int height)
    {
        long sum = 0;
        long count = 0;
        for (var y = 0; y < height - 1; y++)
            for (var x = 0; x < width - 1; x++)
            {
                var i = y * width + x;
                sum += Math.Abs(luma[i] - luma[i + 1]) + Math.Abs(luma[i] - luma[i + width]);
                count += 2;
            }
        return count == 0 ? 0 : (double)sum / count;
    }

    /// <summary>Mean absolute luma difference of two frames of the same size, 0 (same) to 1 (black against white).</summary>
    public static double Difference(byte[] a, byte[] b)
    {
        if (a.Length != b.Length || a.Length == 0) return 0;
        long sum = 0;
        for (var i = 0; i < a.Length; i++) sum += Math.Abs(a[i] - b[i]);
        return sum / (255.0 * a.Length);
    }
}
