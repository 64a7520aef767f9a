namespace MediaPlatform.Node.Tests.Api.Titles;

/// <summary>The titles API spec classes share one node (starting one takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class TitlesCollection : ICollectionFixture<TitlesNodeFixture>
{
    public const string Name = "titles-node";
}
