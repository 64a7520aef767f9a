using System.Numerics;

namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>
/// A stored vector as the index holds it in memory: one signed byte per dimension and one scale for the whole vector
/// (value ≈ byte × scale, the largest component mapped to ±127), a quarter of float32's memory. The query stays float32,
/// so the only error is the stored side's rounding (at most scale / 2 per component: ~0.001 of a cosine for MiniLM's
/// unit vectors, well below the gaps between the titles the specs rank). The read tables keep float32.
/// </summary>
public readonly record struct QuantizedVector(sbyte[] Values, float Scale)
{
    public int Length => Values.Length;

    public static QuantizedVector From(ReadOnlySpan<float> vector)
    {
        var max = 0f;
        foreach (var x in vector) max = MathF.Max(max, MathF.Abs(x));
        var scale = max > 0 && float.IsFinite(max) ? max / 127f : 1f;
        var values = new sbyte[vector.Length];
        for (var i = 0; i < vector.Length; i++)
            values[i] = float.IsFinite(vector[i]) ? (sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -127, 127) : (sbyte)0;
        return new QuantizedVector(values, scale);
    }

    /// <summary>The dot product with a float32 query (cosine for unit vectors); −∞ for a vector of another length (another model).</summary>
    public float Dot(float[] query)
    {
        var values = Values;
        if (query.Length != values.Length) return float.NegativeInfinity;
        var sum = Vector<float>.Zero;
        var i = 0;
        var floats = Vector<float>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            // Widen each block of signed bytes to four blocks of floats and multiply them by the query's matching floats.
            for (; i <= values.Length - Vector<sbyte>.Count; i += Vector<sbyte>.Count)
            {
                Vector.Widen(new Vector<sbyte>(values, i), out Vector<short> low, out Vector<short> high);
                Vector.Widen(low, out Vector<int> a, out Vector<int> b);
                Vector.Widen(high, out Vector<int> c, out Vector<int> d);
                sum += Vector.ConvertToSingle(a) * new Vector<float>(query, i)
                    + Vector.ConvertToSingle(b) * new Vector<float>(query, i + floats)
                    + Vector.ConvertToSingle(c) * new Vector<float>(query, i + 2 * floats)
                    + Vector.ConvertToSingle(d) * new Vector<float>(query, i + 3 * floats);
            }
        }
        var total = Vector.Sum(sum);
        for (; i < values.Length; i++) total += query[i] * values[i];
        return total * Scale;
    }
}
