using Akka.Actor;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Billing.Coupons;

/// <summary>One coupon, sharded by its normalized code. All rules are in <see cref="CouponState"/>.</summary>
public sealed class CouponEntity(string code, EntitySettings settings, IClock clock)
    : EventSourcedEntity<CouponState, ICouponCommand, ICouponEvent>(PersistenceIdPrefix + code, CouponState.Empty(code), settings, clock)
{
    /// <summary>Persistence ids are this prefix + the entity id; journal queries (e.g. the scheduler's sweeps) match on it.</summary>
    public const string PersistenceIdPrefix = "coupon-";

    public const string TypeName = "coupon";

    public static Props PropsFor(string code, EntitySettings settings, IClock clock) =>
        Props.Create(() => new CouponEntity(code, settings, clock));

    protected override Decision<ICouponEvent> Decide(CouponState state, ICouponCommand command, DateTimeOffset now) =>
        state.Handle(command, now);
}
