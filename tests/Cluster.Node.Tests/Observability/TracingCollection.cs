namespace MediaPlatform.Node.Tests.Observability;

/// <summary>
/// The specs whose nodes export traces run one class at a time: activity listeners are process-wide, so a node
/// tracing every request would record the requests of another fixture's nodes too, and their sampling specs could not
/// tell what their own sampler decided.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TracingCollection
{
    public const string Name = "tracing";
}
