using System.Diagnostics.Metrics;

namespace MediaPlatform.Actors.Observability;

/// <summary>
/// Entity actors started and stopped on this node (sharding's starts and passivations, singletons' hand-overs), by
/// <c>entity_type</c>; <c>media_platform.sharding.entities.active</c> is their difference: entities alive here now.
/// </summary>
public static class EntityLifecycleMetrics
{
    private static readonly Meter Meter = new(MeterNames.Sharding);

    private static readonly Counter<long> Starts = Meter.CreateCounter<long>(
        "media_platform.sharding.entity.starts", "{entity}", "Entity actors started on this node.");

    private static readonly Counter<long> Stops = Meter.CreateCounter<long>(
        "media_platform.sharding.entity.stops", "{entity}", "Entity actors stopped on this node (passivated, handed over or failed).");

    private static readonly UpDownCounter<long> Active = Meter.CreateUpDownCounter<long>(
        "media_platform.sharding.entities.active", "{entity}", "Entity actors alive on this node.");

    public static void Started(string entityType)
    {
        var type = new KeyValuePair<string, object?>("entity_type", entityType);
        Starts.Add(1, type);
        Active.Add(1, type);
    }

    public static void Stopped(string entityType)
    {
        var type = new KeyValuePair<string, object?>("entity_type", entityType);
        Stops.Add(1, type);
        Active.Add(-1, type);
    }
}
