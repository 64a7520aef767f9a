using System.Runtime.Serialization;
using System.Text;
using MediaPlatform.Actors.Observability;

namespace MediaPlatform.Actors.Serialization;

/// <summary>
/// A <see cref="TracedMessage"/> on the wire: one header line <c>inner-manifest SP traceparent [SP tracestate]</c>,
/// then the inner message's own bytes, so the envelope adds a few dozen bytes and no second JSON document.
/// </summary>
internal static class TracedMessageFormat
{
    private const byte NewLine = (byte)'\n';

    public static byte[] ToBinary(TracedMessage traced, ProtocolSerializer serializer)
    {
        if (traced.Message is TracedMessage) throw new ArgumentException("a traced message inside a traced message");
        var manifest = serializer.Manifest(traced.Message);
        var header = string.IsNullOrEmpty(traced.Context.TraceState)
            ? $"{manifest} {traced.TraceParent()}"
            : $"{manifest} {traced.TraceParent()} {traced.Context.TraceState}";
        if (header.Contains('\n')) throw new ArgumentException("a trace header with a line break");
        var body = serializer.ToBinary(traced.Message);
        var bytes = new byte[Encoding.UTF8.GetByteCount(header) + 1 + body.Length];
        var written = Encoding.UTF8.GetBytes(header, bytes);
        bytes[written] = NewLine;
        body.CopyTo(bytes, written + 1);
        return bytes;
    }

    public static TracedMessage FromBinary(byte[] bytes, ProtocolSerializer serializer)
    {
        var end = Array.IndexOf(bytes, NewLine);
        if (end < 0) throw new SerializationException("a traced message without its header line");
        var parts = Encoding.UTF8.GetString(bytes, 0, end).Split(' ', 3);
        if (parts.Length < 2 || parts[0] == ProtocolSerializer.TracedManifest)
            throw new SerializationException("a traced message with a malformed header");
        var inner = serializer.FromBinary(bytes.AsSpan(end + 1), parts[0]);
        return TracedMessage.From(inner, parts[1], parts.Length > 2 ? parts[2] : null);
    }
}
