using Akka.Configuration;

namespace MediaPlatform.Actors.Tests.Support;

/// <summary>
/// Config for entity TestKit specs: the node's own serialization.hocon (strict: our types go through the protocol
/// serializer, which the in-memory journal uses for events and snapshots), the in-memory journal and snapshot store,
/// and a snapshot every 3 events so kill-and-recover specs exercise snapshots. (serialize-messages cannot be used:
/// with strict serialization it also forces Akka's own internal messages through serializers they have none for.)
/// </summary>
public static class EntitySpecConfig
{
    public static Config Create() => ConfigurationFactory.ParseString("""
            akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
            akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
            media-platform.entities.snapshot-every = 3
            """)
        .WithFallback(ConfigurationFactory.ParseString(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "serialization.hocon"))));
}
