using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Akka.Serialization;
using Akka.Util;

namespace MediaPlatform.Node.Persistence.Journal;

/// <summary>
/// Turns events into <see cref="JournalRow"/>s with the values Akka.Persistence.Sql writes (tag-write-mode TagTable),
/// and stored rows back into events, so either journal reads what the other wrote.
/// </summary>
/// <param name="journalUuid">Stored as the writer of an event that carries no writer guid of its own.</param>
public sealed class JournalRowSerializer(ActorSystem system, string journalUuid)
{
    private readonly Akka.Serialization.Serialization _serialization = system.Serialization;
    private readonly ExtendedActorSystem _system = (ExtendedActorSystem)system;

    /// <summary>A <see cref="Tagged"/> payload is stored unwrapped, its tags as tag rows.</summary>
    public JournalRow ToRow(IPersistentRepresentation persistent, long now)
    {
        var (payload, tags) = persistent.Payload is Tagged tagged
            ? (tagged.Payload, (IReadOnlyList<string>)tagged.Tags.ToArray())
            : (persistent.Payload, Array.Empty<string>());
        var serializer = _serialization.FindSerializerFor(payload);
        // With the transport set, actor references inside events serialize with their full address (as the plugin does).
        var message = Akka.Serialization.Serialization.WithTransport(_system, (serializer, payload), state => state.serializer.ToBinary(state.payload));
        var manifest = serializer switch
        {
            SerializerWithStringManifest withManifest => withManifest.Manifest(payload),
            { IncludeManifest: true } => payload.GetType().TypeQualifiedName(),
            _ => string.Empty,
        };
        return new JournalRow(persistent.PersistenceId, persistent.SequenceNr, persistent.Timestamp == 0 ? now : persistent.Timestamp,
            manifest, message, serializer.Identifier,
            // The writing incarnation's guid, kept as the journal protocol asks (the plugin stores its own id instead).
            string.IsNullOrEmpty(persistent.WriterGuid) ? journalUuid : persistent.WriterGuid, tags);
    }

    /// <summary>The event a stored row holds; its manifest is the row's manifest, as the plugin replays it.</summary>
    public Persistent ToPersistent(string persistenceId, StoredEvent stored)
    {
        var payload = Akka.Serialization.Serialization.WithTransport(_system, stored,
            row => _serialization.Deserialize(row.Message, row.Identifier, row.Manifest));
        return new Persistent(payload, stored.SequenceNr, persistenceId, stored.Manifest, false, ActorRefs.NoSender, stored.WriterUuid, stored.Created);
    }
}
