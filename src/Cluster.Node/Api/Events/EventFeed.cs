using System.Text.Json.Nodes;
using Akka;
using Akka.Actor;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Serialization;
using Akka.Streams;
using Akka.Streams.Dsl;
using MediaPlatform.Actors.Projections;

namespace MediaPlatform.Node.Api.Events;

/// <summary>
/// Reads a tag of the journal for the event feed through Akka.Persistence.Query: a page with CurrentEventsByTag, or a
/// live follow with EventsByTag, from an offset. Each event is written as the serializer stores it, secrets redacted.
/// One materializer for the node's feeds, made on first use.
/// </summary>
public sealed class EventFeed(ActorSystem system)
{
    /// <summary>A page read that takes longer than this fails (503) instead of holding the request.</summary>
    public static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(20);

    private readonly Lazy<IMaterializer> _materializer = new(() => system.Materializer(namePrefix: "event-feed"));

    private SqlReadJournal Journal => PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);

    public async Task<FeedPage> PageAsync(EventFeedQuery query, CancellationToken cancellationToken)
    {
        var envelopes = await Journal.CurrentEventsByTag(query.Tag, Offset.Sequence(query.After))
            .Take(query.Limit)
            .CompletionTimeout(PageTimeout)
            .RunWith(Sink.Seq<EventEnvelope>(), _materializer.Value)
            .WaitAsync(cancellationToken);
        var events = envelopes.Select(Describe).ToList();
        return new FeedPage(events, events.Count > 0 ? events[^1].Offset : query.After);
    }

    /// <summary>Every event of the tag after the offset, then each new one as it is written, until the kill switch is pulled.</summary>
    public (UniqueKillSwitch KillSwitch, ISinkQueue<FeedEvent> Events) Follow(EventFeedQuery query) =>
        Journal.EventsByTag(query.Tag, Offset.Sequence(query.After))
            .ViaMaterialized(KillSwitches.Single<EventEnvelope>(), Keep.Right)
            .Select(Describe)
            .ToMaterialized(Sink.Queue<FeedEvent>(), Keep.Both)
            .Run(_materializer.Value);

    public FeedEvent Describe(EventEnvelope envelope)
    {
        var (type, data) = Stored(envelope.Event);
        return new FeedEvent(((Sequence)envelope.Offset).Value, envelope.PersistenceId, envelope.SequenceNr, type,
            ProjectionRunner.EventTime(envelope.Timestamp), FeedRedaction.Redact(data));
    }

    /// <summary>The manifest and JSON the journal stores for the event (our events all use the JSON protocol serializer).</summary>
    private (string Type, JsonNode? Data) Stored(object evt)
    {
        var serializer = system.Serialization.FindSerializerFor(evt);
        var manifest = serializer is SerializerWithStringManifest named ? named.Manifest(evt) : evt.GetType().Name;
        try
        {
            return (manifest, JsonNode.Parse(serializer.ToBinary(evt)));
        }
        catch (System.Text.Json.JsonException)
        {
            return (manifest, null); // not JSON: the type alone, never raw bytes
        }
    }
}
