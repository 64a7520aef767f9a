namespace MediaPlatform.Node.Tests.Observability;

/// <summary>
/// Specs that read the process-wide meters (every node in this test process records into the same instruments) run
/// alone, after the parallel collections: another collection's friendships or payments would otherwise show up in
/// their before/after figures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMetersCollection
{
    public const string Name = "process-wide-meters";
}
