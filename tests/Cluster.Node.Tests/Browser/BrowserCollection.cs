using MediaPlatform.Node.Tests.Support;

namespace MediaPlatform.Node.Tests.Browser;

/// <summary>The player page specs share one node with default settings (real upload limits, as a user would have).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<NodeFixture>
{
    public const string Name = "browser-node";
}
