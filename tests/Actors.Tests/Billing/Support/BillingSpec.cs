using Akka.Actor;
using Akka.Configuration;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Support;

namespace MediaPlatform.Actors.Tests.Billing.Support;

/// <summary>
/// Base of the billing TestKit specs: Akka.Persistence's in-memory journal and snapshot store, the node's own
/// serialization.hocon, and serialize-messages on, so every message an entity sends or receives goes through the
/// protocol serializer as it would between nodes. Snapshots every 3 events, so recovery exercises snapshot + events.
/// serialize-messages also round-trips Akka's own local messages (e.g. StopChild), which no serializer is bound to,
/// so strict mode is relaxed here for them; our protocol types are still bound to, and carried by, the protocol
/// serializer (the serializer specs prove the binding and the strict refusal).
/// </summary>
public abstract class BillingSpec(string? extraConfig = null) : Akka.TestKit.Xunit2.TestKit(SpecConfig(extraConfig))
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    protected ManualClock Clock { get; } = new(BillingSamples.Start);

    protected EntitySettings Settings => EntitySettings.From(Sys);

    public static Config SpecConfig(string? extra = null) =>
        ConfigurationFactory.ParseString($$"""
            akka.loglevel = WARNING
            akka.actor.serialize-messages = on
            akka.actor.serialization-settings.allow-unregistered-types = on
            akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
            akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
            media-platform.entities.snapshot-every = 3
            media-platform.billing.gateway.timeout = 1s
            {{extra}}
            """)
            .WithFallback(ConfigurationFactory.ParseString(
                File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "serialization.hocon"))));

    protected IActorRef Region(Func<string, Props> entityProps, string name) => Sys.ActorOf(LocalRegion.PropsFor(entityProps), name);

    /// <summary>Stops the entity and waits until it is gone; its next message starts a recovering incarnation.</summary>
    protected async Task StopEntity(IActorRef region, string entityId) =>
        await region.Ask<LocalRegion.EntityStopped>(new LocalRegion.StopEntity(entityId), Wait);

    protected async Task<T> Ask<T>(IActorRef region, object message) => await region.Ask<T>(message, Wait);

    protected async Task<Rejection> Refused(IActorRef region, object message, RejectionKind kind)
    {
        var rejection = await region.Ask<Rejection>(message, Wait);
        Assert.Equal(kind, rejection.Kind);
        return rejection;
    }

    protected async Task<IReadOnlyList<object>> JournalOf(string persistenceId)
    {
        var probe = CreateTestProbe();
        Sys.ActorOf(JournalReader.PropsFor(persistenceId, probe.Ref));
        return (await probe.ExpectMsgAsync<JournalReader.JournalEvents>(Wait)).Events;
    }

    protected static string Json(object value) => System.Text.Json.JsonSerializer.Serialize(value, value.GetType());
}
