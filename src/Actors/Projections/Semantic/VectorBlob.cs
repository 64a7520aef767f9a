using System.Buffers.Binary;

namespace MediaPlatform.Actors.Projections.Semantic;

/// <summary>A vector as stored in the read model: its float32 values, little-endian, back to back (BLOB on SQLite, bytea on PostgreSQL).</summary>
public static class VectorBlob
{
    public static byte[] ToBytes(float[] vector)
    {
        var bytes = new byte[vector.Length * sizeof(float)];
        for (var i = 0; i < vector.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), vector[i]);
        return bytes;
    }

    public static float[] FromBytes(byte[] bytes)
    {
        if (bytes.Length % sizeof(float) != 0) throw new FormatException($"a stored vector of {bytes.Length} bytes is not float32s");
        var vector = new float[bytes.Length / sizeof(float)];
        for (var i = 0; i < vector.Length; i++) vector[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(i * sizeof(float)));
        return vector;
    }
}
