namespace MediaPlatform.Specs.MultiNode;

/// <summary>Multi-node specs run one at a time: each takes both cores' worth of heartbeats and timers.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MultiNodeCollection
{
    public const string Name = "MultiNode";
}
