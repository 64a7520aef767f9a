using System.Text.Json.Serialization;

namespace MediaPlatform.Streams.Quality;

/// <summary>How bad a finding is. Ordered: a higher value is worse. Serialized by name so stored events survive reordering.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<QcSeverity>))]
public enum QcSeverity
{
    Info = 0,
    Warning = 1,
    Error = 2,
}
