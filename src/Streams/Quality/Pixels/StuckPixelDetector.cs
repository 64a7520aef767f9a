using System.Numerics;
using System.Runtime.Intrinsics;

namespace MediaPlatform.Streams.Quality.Pixels;

/// <summary>
/// Counts, per pixel, in how many 8-bit gray frames it is an outlier against the median of its 8 neighbours. Moving
/// content makes any pixel an outlier only now and then; a stuck or dead pixel is one in nearly every frame. Frames are
/// accumulated one at a time, so memory stays at a few counters per pixel whatever the number of frames.
/// Static detail in the picture (burned-in text, the corner of a box) is an outlier in every frame too; what sets a
/// defect apart is that it ignores its surroundings: its own value barely changes between samples while its
/// neighbourhood's does. A pixel whose neighbourhood never changes cannot be judged and is not reported; nor is a
/// cluster of adjacent stuck pixels, which cannot be told from a thin static line.
/// </summary>
public sealed class StuckPixelDetector
{
    private readonly int _width;
    private readonly int _height;
    private readonly int _threshold;
    private readonly ushort[] _bright;
    private readonly ushort[] _dark;
    private readonly uint[] _change;
    private readonly byte[] _previous;

    public StuckPixelDetector(int width, int height, int outlierLevels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 3);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outlierLevels);
        (_width, _height, _threshold) = (width, height, outlierLevels);
        _bright = new ushort[width * height];
        _dark = new ushort[width * height];
        _change = new uint[width * height];
        _previous = new byte[width * height];
    }

    public int Frames { get; private set; }
    public int FrameSize => _width * _height;

    /// <summary>Adds one frame: <see cref="FrameSize"/> bytes of 8-bit gray, row after row.</summary>
    public void Add(ReadOnlySpan<byte> frame)
    {
        if (frame.Length != FrameSize) throw new ArgumentException($"a frame is {FrameSize} bytes, got {frame.Length}");
        if (Frames == ushort.MaxValue) return;
        if (Frames > 0) AddChange(frame);
        frame.CopyTo(_previous);
        Frames++;
        for (var y = 1; y < _height - 1; y++) AddInteriorRow(frame, y);
        for (var x = 0; x < _width; x++)
        {
            AddEdgePixel(frame, x, 0);
            AddEdgePixel(frame, x, _height - 1);
        }
        for (var y = 1; y < _height - 1; y++)
        {
            AddEdgePixel(frame, 0, y);
            AddEdgePixel(frame, _width - 1, y);
        }
    }

    /// <summary>
    /// Pixels that were outliers in the same direction in at least <paramref name="minShare"/> of the frames, whose
    /// every neighbour changed on average by at least <paramref name="minNeighbourChange"/> gray levels between
    /// samples while the pixel itself changed less than half as much as the quietest of them. Every neighbour, not
    /// their mean: a static stroke next to changing digits of a burned-in clock has some busy neighbours too; and no
    /// neighbour may be an outlier in a good share of frames without being stuck itself (see HasIntermittentNeighbour).
    /// </summary>
    public IReadOnlyList<StuckPixel> Find(double minShare, double minNeighbourChange)
    {
        var found = new List<StuckPixel>();
        if (Frames < 2) return found;
        var needed = Math.Max(1, (int)Math.Ceiling(minShare * Frames));
        var transitions = Frames - 1;
        for (var i = 0; i < _bright.Length; i++)
        {
            StuckPixelKind kind;
            if (_bright[i] >= needed) kind = StuckPixelKind.Bright;
            else if (_dark[i] >= needed) kind = StuckPixelKind.Dark;
            else continue;
            int x = i % _width, y = i / _width;
            var neighbourChange = (double)QuietestNeighbourChange(x, y) / transitions;
            var ownChange = (double)_change[i] / transitions;
            if (neighbourChange < minNeighbourChange || ownChange * 2 > neighbourChange) continue;
            if (HasIntermittentNeighbour(x, y, needed)) continue;
            var count = kind == StuckPixelKind.Bright ? _bright[i] : _dark[i];
            found.Add(new StuckPixel(x, y, kind, (double)count / Frames));
        }
        return found;
    }

    /// <summary>
    /// A neighbour that is an outlier often but not nearly always belongs to detail (a glyph whose strokes come and
    /// go), so this pixel is part of that detail too.
    /// </summary>
    private bool HasIntermittentNeighbour(int x, int y, int needed)
    {
        var often = Math.Max(1, Frames / 3);
        for (var ny = Math.Max(0, y - 1); ny <= Math.Min(_height - 1, y + 1); ny++)
        for (var nx = Math.Max(0, x - 1); nx <= Math.Min(_width - 1, x + 1); nx++)
        {
            if (nx == x && ny == y) continue;
            var i = ny * _width + nx;
            var outlier = Math.Max(_bright[i], _dark[i]);
            if (outlier >= often && outlier < needed) return true;
        }
        return false;
    }

    private void AddChange(ReadOnlySpan<byte> frame)
    {
        var previous = _previous.AsSpan();
        var change = _change.AsSpan();
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 16 <= change.Length; i += 16)
            {
                var a = Vector128.Create(frame.Slice(i, 16));
                var b = Vector128.Create(previous.Slice(i, 16));
                var (low, high) = Vector128.Widen(Vector128.Max(a, b) - Vector128.Min(a, b));
                var (q0, q1) = Vector128.Widen(low);
                var (q2, q3) = Vector128.Widen(high);
                (Vector128.Create(change.Slice(i, 4)) + q0).CopyTo(change.Slice(i, 4));
                (Vector128.Create(change.Slice(i + 4, 4)) + q1).CopyTo(change.Slice(i + 4, 4));
                (Vector128.Create(change.Slice(i + 8, 4)) + q2).CopyTo(change.Slice(i + 8, 4));
                (Vector128.Create(change.Slice(i + 12, 4)) + q3).CopyTo(change.Slice(i + 12, 4));
            }
        }
        for (; i < change.Length; i++) change[i] += (uint)Math.Abs(frame[i] - previous[i]);
    }

    private uint QuietestNeighbourChange(int x, int y)
    {
        int xl = x > 0 ? x - 1 : x + 1, xr = x < _width - 1 ? x + 1 : x - 1;
        int yu = y > 0 ? y - 1 : y + 1, yd = y < _height - 1 ? y + 1 : y - 1;
        int up = yu * _width, mid = y * _width, down = yd * _width;
        return Math.Min(Math.Min(Math.Min(_change[up + xl], _change[up + x]), Math.Min(_change[up + xr], _change[mid + xl])),
            Math.Min(Math.Min(_change[mid + xr], _change[down + xl]), Math.Min(_change[down + x], _change[down + xr])));
    }

    private void AddInteriorRow(ReadOnlySpan<byte> frame, int y)
    {
        var w = _width;
        var up = frame.Slice((y - 1) * w, w);
        var row = frame.Slice(y * w, w);
        var down = frame.Slice((y + 1) * w, w);
        var bright = _bright.AsSpan(y * w, w);
        var dark = _dark.AsSpan(y * w, w);
        var x = 1;
        if (Vector128.IsHardwareAccelerated)
        {
            // The median lies between the neighbours' min and max: a pixel within t of both cannot be an outlier.
            // Sixteen pixels at a time, that rules out almost every pixel of a real picture without a branch each.
            var t = Vector128.Create((byte)Math.Min(_threshold, 255));
            for (; x + 17 <= w; x += 16)
            {
                var a = Vector128.Create(up.Slice(x - 1, 16));
                var b = Vector128.Create(up.Slice(x, 16));
                var c = Vector128.Create(up.Slice(x + 1, 16));
                var d = Vector128.Create(row.Slice(x - 1, 16));
                var e = Vector128.Create(row.Slice(x + 1, 16));
                var f = Vector128.Create(down.Slice(x - 1, 16));
                var g = Vector128.Create(down.Slice(x, 16));
                var h = Vector128.Create(down.Slice(x + 1, 16));
                var p = Vector128.Create(row.Slice(x, 16));
                var min = Vector128.Min(Vector128.Min(Vector128.Min(a, b), Vector128.Min(c, d)), Vector128.Min(Vector128.Min(e, f), Vector128.Min(g, h)));
                var max = Vector128.Max(Vector128.Max(Vector128.Max(a, b), Vector128.Max(c, d)), Vector128.Max(Vector128.Max(e, f), Vector128.Max(g, h)));
                // max(v, t) - t is v - t saturated at 0, so no byte wraps around.
                var brighter = Vector128.GreaterThan(Vector128.Max(p, t) - t, min);
                var darker = Vector128.GreaterThan(Vector128.Max(max, t) - t, p);
                var candidates = (brighter | darker).ExtractMostSignificantBits();
                while (candidates != 0)
                {
                    var lane = BitOperations.TrailingZeroCount(candidates);
                    candidates &= candidates - 1;
                    AddPixel(up, row, down, x + lane, bright, dark);
                }
            }
        }
        for (; x < w - 1; x++) AddPixel(up, row, down, x, bright, dark);
    }

    private void AddPixel(ReadOnlySpan<byte> up, ReadOnlySpan<byte> row, ReadOnlySpan<byte> down, int x, Span<ushort> bright, Span<ushort> dark)
    {
        int p = row[x];
        int a = up[x - 1], b = up[x], c = up[x + 1], d = row[x - 1], e = row[x + 1], f = down[x - 1], g = down[x], h = down[x + 1];
        var min = Math.Min(Math.Min(Math.Min(a, b), Math.Min(c, d)), Math.Min(Math.Min(e, f), Math.Min(g, h)));
        var max = Math.Max(Math.Max(Math.Max(a, b), Math.Max(c, d)), Math.Max(Math.Max(e, f), Math.Max(g, h)));
        if (p - min <= _threshold && max - p <= _threshold) return;
        Count(p, Median8(a, b, c, d, e, f, g, h), ref bright[x], ref dark[x]);
    }

    private void AddEdgePixel(ReadOnlySpan<byte> frame, int x, int y)
    {
        // Mirror at the border so an edge pixel still has 8 neighbours that are not itself.
        int xl = x > 0 ? x - 1 : x + 1, xr = x < _width - 1 ? x + 1 : x - 1;
        int yu = y > 0 ? y - 1 : y + 1, yd = y < _height - 1 ? y + 1 : y - 1;
        int up = yu * _width, mid = y * _width, down = yd * _width;
        var i = y * _width + x;
        var median2 = Median8(frame[up + xl], frame[up + x], frame[up + xr], frame[mid + xl],
            frame[mid + xr], frame[down + xl], frame[down + x], frame[down + xr]);
        Count(frame[i], median2, ref _bright[i], ref _dark[i]);
    }

    /// <param name="median2">Twice the median (the sum of the two middle values), to stay in integers.</param>
    private void Count(int p, int median2, ref ushort bright, ref ushort dark)
    {
        var diff2 = 2 * p - median2;
        if (diff2 > 2 * _threshold) bright++;
        else if (diff2 < -2 * _threshold) dark++;
    }

    /// <summary>Sum of the 4th and 5th smallest of eight values (a sorting network, no allocation).</summary>
    private static int Median8(int a, int b, int c, int d, int e, int f, int g, int h)
    {
        Sort(ref a, ref b); Sort(ref c, ref d); Sort(ref e, ref f); Sort(ref g, ref h);
        Sort(ref a, ref c); Sort(ref b, ref d); Sort(ref e, ref g); Sort(ref f, ref h);
        Sort(ref b, ref c); Sort(ref f, ref g);
        Sort(ref a, ref e); Sort(ref b, ref f); Sort(ref c, ref g); Sort(ref d, ref h);
        Sort(ref c, ref e); Sort(ref d, ref f);
        Sort(ref b, ref c); Sort(ref d, ref e); Sort(ref f, ref g);
        return d + e;
    }

    private static void Sort(ref int x, ref int y)
    {
        if (x > y) (x, y) = (y, x);
    }
}
