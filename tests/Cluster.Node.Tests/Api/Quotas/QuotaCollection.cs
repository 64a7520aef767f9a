namespace MediaPlatform.Node.Tests.Api.Quotas;

/// <summary>The quota spec classes share one node started with small quotas.</summary>
[CollectionDefinition(Name)]
public sealed class QuotaCollection : ICollectionFixture<QuotaNodeFixture>
{
    public const string Name = "quota-node";
}
