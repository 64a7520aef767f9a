using System.Text;

namespace MediaPlatform.Node.Tests.Observability;

/// <summary>One span as an OTLP/HTTP export carries it: ids in hex, name, kind, scope and string attributes.</summary>
public sealed record OtlpSpan(string TraceId, string SpanId, string ParentSpanId, string Name, int Kind, string Scope,
    IReadOnlyDictionary<string, string> Attributes)
{
    public const int ServerKind = 2;

    public string? Attribute(string key) => Attributes.GetValueOrDefault(key);

    /// <summary>
    /// The spans of one ExportTraceServiceRequest, read with a minimal protobuf walker (only the fields of
    /// opentelemetry/proto/trace/v1 that specs look at; everything else is skipped by wire type).
    /// </summary>
    public static IEnumerable<OtlpSpan> Parse(byte[] export)
    {
        foreach (var (field, resourceSpans) in Fields(export))
        {
            if (field != 1) continue; // ResourceSpans
            foreach (var (f, scopeSpans) in Fields(resourceSpans))
            {
                if (f != 2) continue; // ScopeSpans
                var scope = "";
                var spans = new List<byte[]>();
                foreach (var (g, value) in Fields(scopeSpans))
                {
                    if (g == 1) scope = Text(Fields(value).FirstOrDefault(x => x.Field == 1).Value); // InstrumentationScope.name
                    else if (g == 2) spans.Add(value);
                }
                foreach (var span in spans) yield return Span(span, scope);
            }
        }
    }

    private static OtlpSpan Span(byte[] span, string scope)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var kind = 0;
        var attributes = new Dictionary<string, string>();
        foreach (var (field, value) in Fields(span))
        {
            switch (field)
            {
                case 1: traceId = Convert.ToHexStringLower(value); break;
                case 2: spanId = Convert.ToHexStringLower(value); break;
                case 4: parent = Convert.ToHexStringLower(value); break;
                case 5: name = Text(value); break;
                case 6: kind = (int)ReadVarint(value, 0).Value; break;
                case 9:
                    var pair = Fields(value).ToList(); // KeyValue { key = 1; AnyValue value = 2 { string_value = 1; int_value = 3 } }
                    var key = Text(pair.FirstOrDefault(p => p.Field == 1).Value);
                    var any = Fields(pair.FirstOrDefault(p => p.Field == 2).Value ?? []).FirstOrDefault();
                    attributes[key] = any.Field == 1 ? Text(any.Value) : any.Field == 3 ? ReadVarint(any.Value, 0).Value.ToString() : "";
                    break;
            }
        }
        return new OtlpSpan(traceId, spanId, parent, name, kind, scope, attributes);
    }

    private static string Text(byte[]? bytes) => bytes is null ? "" : Encoding.UTF8.GetString(bytes);

    /// <summary>Top-level fields of a message; varints come back as their encoded bytes so one list holds every kind.</summary>
    private static IEnumerable<(int Field, byte[] Value)> Fields(byte[] message)
    {
        var at = 0;
        while (at < message.Length)
        {
            var (key, next) = ReadVarint(message, at);
            at = next;
            var field = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0:
                    var start = at;
                    at = ReadVarint(message, at).Next;
                    yield return (field, message[start..at]);
                    break;
                case 1: yield return (field, message[at..(at += 8)]); break;
                case 2:
                    var (length, body) = ReadVarint(message, at);
                    at = body + (int)length;
                    yield return (field, message[body..at]);
                    break;
                case 5: yield return (field, message[at..(at += 4)]); break;
                default: throw new InvalidDataException($"unsupported protobuf wire type {key & 7}");
            }
        }
    }

    private static (ulong Value, int Next) ReadVarint(byte[] bytes, int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return (value, at);
        }
    }
}
