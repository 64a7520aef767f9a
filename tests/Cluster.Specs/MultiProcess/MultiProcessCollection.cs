namespace MediaPlatform.Specs.MultiProcess;

/// <summary>
/// Specs that start real node processes run one at a time: three nodes already fill a 2-core machine, and parallel
/// clusters would make each other's failure detectors fire.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiProcessCollection
{
    public const string Name = "MultiProcess";
}
