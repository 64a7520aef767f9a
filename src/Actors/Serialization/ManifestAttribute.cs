namespace MediaPlatform.Actors.Serialization;

/// <summary>
/// The short, stable name a protocol type is stored under. Once an event has been persisted under a manifest the
/// manifest is never changed or reused: a new shape of an event gets a new manifest (".v2") and the old record stays.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ManifestAttribute(string manifest) : Attribute
{
    public string Manifest { get; } = manifest;
}
