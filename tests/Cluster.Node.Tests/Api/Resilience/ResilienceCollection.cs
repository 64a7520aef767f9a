namespace MediaPlatform.Node.Tests.Api.Resilience;

/// <summary>The resilience spec classes share one node and run one after another: an open circuit is the node's.</summary>
[CollectionDefinition(Name)]
public sealed class ResilienceCollection : ICollectionFixture<ResilienceNodeFixture>
{
    public const string Name = "resilience-node";
}
