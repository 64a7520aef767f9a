namespace MediaPlatform.Node.Hosting;

/// <summary>Keys under which the shard regions are registered; HTTP handlers take <c>IRequiredActor&lt;TKey&gt;</c>.</summary>
public static class EntityRegions
{
    public sealed class Users;
    public sealed class EmailReservations;
    public sealed class BillingAccounts;
    public sealed class Coupons;
    public sealed class GatewayLedger;
}
