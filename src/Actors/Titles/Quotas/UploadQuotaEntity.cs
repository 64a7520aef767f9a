using Akka.Actor;
using MediaPlatform.Actors.Entities;

namespace MediaPlatform.Actors.Titles.Quotas;

/// <summary>One user's upload quota, sharded by user id. All rules are in <see cref="UploadQuotaState"/>.</summary>
public sealed class UploadQuotaEntity(string userId, EntitySettings settings, IClock clock)
    : EventSourcedEntity<UploadQuotaState, IUploadQuotaCommand, IUploadQuotaEvent>(PersistenceIdPrefix + userId, UploadQuotaState.Empty(userId), settings, clock)
{
    /// <summary>Persistence ids are this prefix + the entity id; journal queries (e.g. the scheduler's sweeps) match on it.</summary>
    public const string PersistenceIdPrefix = "upload-quota-";

    public const string TypeName = "upload-quota";

    public static Props PropsFor(string userId, EntitySettings settings, IClock clock) =>
        Props.Create(() => new UploadQuotaEntity(userId, settings, clock));

    /// <summary>A running total of a user's stored bytes: one event per upload, for ever, where only the total matters.</summary>
    protected override bool DeletesEventsBelowSnapshot => true;

    protected override Decision<IUploadQuotaEvent> Decide(UploadQuotaState state, IUploadQuotaCommand command, DateTimeOffset now) =>
        state.Handle(command, now);
}
