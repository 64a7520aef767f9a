using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Friends;
using MediaPlatform.Actors.Parties;
using MediaPlatform.Actors.Titles;
using MediaPlatform.Actors.Titles.Quotas;
using MediaPlatform.Actors.Users;
using MediaPlatform.Actors.Users.EmailReservations;
using MediaPlatform.Actors.Users.LoginGuards;
using MediaPlatform.Actors.WatchHistory;

namespace MediaPlatform.Actors.Tests.Entities;

/// <summary>
/// Persistence ids are stored in the journal: changing a prefix would orphan every stored entity of that kind (and the
/// scheduler's sweeps, which list entities by prefix, would stop finding them). The prefixes are pinned here.
/// </summary>
public sealed class PersistenceIdPrefixSpecs
{
    [Fact]
    public void Persistence_id_prefixes_must_never_change()
    {
        Assert.Equal(
            ["user-", "email-", "login-guard-", "billing-", "coupon-", "gateway-ledger-", "friendship-", "friend-list-", "title-", "upload-quota-", "watch-party-", "party-index-", "watch-history-"],
            [UserEntity.PersistenceIdPrefix, EmailReservationEntity.PersistenceIdPrefix, LoginGuardEntity.PersistenceIdPrefix,
             BillingAccountEntity.PersistenceIdPrefix, CouponEntity.PersistenceIdPrefix, GatewayLedgerEntity.PersistenceIdPrefix,
             FriendshipEntity.PersistenceIdPrefix, FriendListEntity.PersistenceIdPrefix, TitleEntity.PersistenceIdPrefix,
             UploadQuotaEntity.PersistenceIdPrefix, PartyEntity.PersistenceIdPrefix, PartyIndexEntity.PersistenceIdPrefix,
             WatchHistoryEntity.PersistenceIdPrefix]);
    }

    [Fact]
    public void Prefixes_must_be_distinct_so_no_sweep_lists_another_kind()
    {
        // "view-count-" is retired (the per-title view count entity, replaced by the views projection): old journals
        // still hold it, so no new kind may take it or a prefix of it.
        string[] all = ["view-count-", UserEntity.PersistenceIdPrefix, EmailReservationEntity.PersistenceIdPrefix, LoginGuardEntity.PersistenceIdPrefix,
            BillingAccountEntity.PersistenceIdPrefix, CouponEntity.PersistenceIdPrefix, GatewayLedgerEntity.PersistenceIdPrefix,
            FriendshipEntity.PersistenceIdPrefix, FriendListEntity.PersistenceIdPrefix, TitleEntity.PersistenceIdPrefix,
            UploadQuotaEntity.PersistenceIdPrefix, PartyEntity.PersistenceIdPrefix, PartyIndexEntity.PersistenceIdPrefix,
             WatchHistoryEntity.PersistenceIdPrefix];
        foreach (var a in all)
            Assert.DoesNotContain(all, b => b != a && b.StartsWith(a, StringComparison.Ordinal));
    }
}
