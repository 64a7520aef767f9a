using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Sharding;

namespace MediaPlatform.Specs.Chaos;

/// <summary>Which shard a billing account lives in, computed by the same extractor the nodes route with.</summary>
public static class AccountShards
{
    public const string Region = BillingAccountEntity.TypeName;
    private static readonly EntityMessageExtractor<IBillingAccountCommand> Extractor = new(m => m.EntityId);

    public static string ShardOf(string accountId) =>
        Extractor.ShardId(accountId, new GetBillingAccount(accountId)) ?? throw new InvalidOperationException($"no shard for {accountId}");
}
