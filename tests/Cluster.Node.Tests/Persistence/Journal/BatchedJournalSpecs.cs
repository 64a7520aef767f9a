using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using MediaPlatform.Node.Persistence.Journal;
using MediaPlatform.Node.Tests.Projections;

namespace MediaPlatform.Node.Tests.Persistence.Journal;

/// <summary>
/// The batched journal as the node runs it (the default journal of the node's persistence) on SQLite and PostgreSQL:
/// rejections stay with their own write, tags land in the plugin's tag table under the journal row's ordering, and
/// the plugin's journal and ours read each other's events from the same tables.
/// </summary>
public sealed class BatchedJournalSpecs
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_unserializable_event_must_be_rejected_alone(bool postgres)
    {
        await using var test = await JournalDatabaseUnderTest.StartAsync(postgres);
        var system = test.Host.System;
        var journal = Akka.Persistence.Persistence.Instance.Apply(system).JournalFor(BatchedJournalSettings.PluginId);
        var (good, bad) = ($"good-{Guid.NewGuid():N}", $"bad-{Guid.NewGuid():N}");
        var inbox = Inbox.Create(system);
        journal.Tell(new WriteMessages(
            [
                new AtomicWrite(new Persistent("kept", 1, good, writerGuid: "w")),
                new AtomicWrite(new Persistent(new Unserializable(), 1, bad, writerGuid: "w")),
                new AtomicWrite(new Persistent("kept too", 2, good, writerGuid: "w")),
            ], inbox.Receiver, 1), inbox.Receiver);

        var replies = Enumerable.Range(0, 4).Select(_ => inbox.Receive(Timeout)).ToList();
        Assert.IsType<WriteMessagesSuccessful>(replies[0]);
        Assert.IsType<WriteMessageSuccess>(replies[1]);
        Assert.Equal(bad, Assert.IsType<WriteMessageRejected>(replies[2]).Persistent.PersistenceId);
        Assert.IsType<WriteMessageSuccess>(replies[3]);

        var log = system.ActorOf(StringLog.PropsFor(good, BatchedJournalSettings.PluginId));
        Assert.Equal(["kept", "kept too"], await log.Ask<string[]>(new StringLog.Read(), Timeout));
        Assert.Empty(await test.QueryAsync($"SELECT 1 FROM journal WHERE persistence_id = '{bad}'"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_tagged_event_must_be_stored_unwrapped_with_a_tag_row_at_its_journal_ordering(bool postgres)
    {
        await using var test = await JournalDatabaseUnderTest.StartAsync(postgres);
        var (id, tag) = ($"tagged-{Guid.NewGuid():N}", $"tag-{Guid.NewGuid():N}"[..16]);
        var writer = test.Host.System.ActorOf(TaggedEventWriter.PropsFor(id, tag));
        foreach (var text in new[] { "one", "two", "three" })
            await writer.Ask<string>(text, Timeout);

        var rows = await test.QueryAsync(
            $"SELECT j.ordering, t.ordering_id, t.sequence_nr FROM journal j JOIN tags t " +
            $"ON t.persistence_id = j.persistence_id AND t.sequence_nr = j.sequence_number WHERE j.persistence_id = '{id}' AND t.tag = '{tag}' ORDER BY j.sequence_number");
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal(Convert.ToInt64(row[0]), Convert.ToInt64(row[1])));

        // The plugin's read journal finds them by tag, at those orderings, with the payload unwrapped.
        var envelopes = await PersistenceQuery.Get(test.Host.System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier).CurrentEventsByTag(tag, Offset.NoOffset())
            .RunWith(Sink.Seq<EventEnvelope>(), test.Host.System.Materializer());
        Assert.Equal(["one", "two", "three"], envelopes.Select(e => (string)e.Event));
        Assert.Equal(rows.Select(row => Convert.ToInt64(row[0])), envelopes.Select(e => ((Sequence)e.Offset).Value));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_plugin_journal_and_the_batched_journal_must_read_each_others_events_and_write_the_same_row_values(bool postgres)
    {
        await using var test = await JournalDatabaseUnderTest.StartAsync(postgres);
        var system = test.Host.System;
        var id = $"shared-{Guid.NewGuid():N}";

        var byPlugin = system.ActorOf(StringLog.PropsFor(id, PluginSchema.PluginJournalId));
        await byPlugin.Ask<string[]>("from the plugin", Timeout);
        await byPlugin.GracefulStop(Timeout);

        var byBatched = system.ActorOf(StringLog.PropsFor(id, BatchedJournalSettings.PluginId));
        Assert.Equal(["from the plugin", "from batched"], await byBatched.Ask<string[]>("from batched", Timeout));
        await byBatched.GracefulStop(Timeout);

        var pluginAgain = system.ActorOf(StringLog.PropsFor(id, PluginSchema.PluginJournalId));
        Assert.Equal(["from the plugin", "from batched"], await pluginAgain.Ask<string[]>(new StringLog.Read(), Timeout));

        var rows = await test.QueryAsync(
            $"SELECT deleted, manifest, identifier, created, writer_uuid FROM journal WHERE persistence_id = '{id}' ORDER BY sequence_number");
        Assert.Equal(2, rows.Count);
        Assert.Equal(rows[0][..3].Select(Convert.ToString), rows[1][..3].Select(Convert.ToString));
        Assert.All(rows, row => Assert.InRange(Convert.ToInt64(row[3]), DateTime.UtcNow.AddMinutes(-5).Ticks, DateTime.UtcNow.Ticks));
        // The plugin stores its journal's id as the writer, the batched journal the writing incarnation's guid: both guids.
        Assert.All(rows, row => Assert.True(Guid.TryParse((string)row[4], out _), $"writer_uuid '{row[4]}' is not a guid"));
    }

    /// <summary>Its default (JSON) serializer reads the property, which throws.</summary>
    public sealed class Unserializable
    {
        public string Value => throw new InvalidOperationException("this event cannot be serialized");
    }
}
