using MediaPlatform.Actors.Projections;
using MediaPlatform.Node.Persistence.Journal;

namespace MediaPlatform.Node.Tests.Persistence.JournalContract;

/// <summary>
/// The journals the contract runs against: one row per (database, journal plugin id). A journal that is to become the
/// node's journal is added here as one more pair of rows, with the settings that register its plugin id.
/// </summary>
public static class JournalUnderTest
{
    /// <summary>Akka.Persistence.Sql's journal (media-platform.persistence.journal-write-path = plugin).</summary>
    public const string SqlPlugin = PluginSchema.PluginJournalId;

    /// <summary>The node's own batched journal, its default.</summary>
    public const string BatchedJournal = BatchedJournalSettings.PluginId;

    public static TheoryData<ReadModelDialect, string> All => new()
    {
        { ReadModelDialect.Sqlite, SqlPlugin },
        { ReadModelDialect.Postgres, SqlPlugin },
        { ReadModelDialect.Sqlite, BatchedJournal },
        { ReadModelDialect.Postgres, BatchedJournal },
    };

    /// <summary>Settings a plugin id needs besides the node's persistence (WithNodePersistence configures both).</summary>
    public static string PluginHocon(string pluginId) => pluginId switch
    {
        SqlPlugin or BatchedJournal => "",
        _ => throw new ArgumentOutOfRangeException(nameof(pluginId), pluginId, "no settings known for this journal plugin"),
    };

    /// <summary>
    /// Whether a replayed event carries the writer guid it was written with. Akka.Persistence.Sql 1.5.73 does not: it
    /// stores one guid per journal actor instance (drawn when the journal starts) in writer_uuid and replays that, so
    /// the replay filter cannot tell two incarnations of an actor apart when they wrote through the same journal. Its
    /// own TCK run skips the case that checks this (SupportsSerialization = false). A new journal should keep it.
    /// </summary>
    public static bool KeepsWriterGuid(string pluginId) => pluginId != SqlPlugin;

    /// <summary>
    /// Whether a replayed event carries the manifest its write event adapter gave it. Akka.Persistence.Sql 1.5.73 does
    /// not: it has no column for it (UseEventManifestColumn is fixed to false) and replays the payload serializer's
    /// manifest in its place. Harmless to the node (its taggers' manifest is "" and the protocol serializer versions
    /// events itself) but a read adapter that upcasts by manifest would see the wrong one. The batched journal writes
    /// the plugin's tables unchanged, so it has no column for it either.
    /// </summary>
    public static bool KeepsEventManifest(string pluginId) => pluginId != SqlPlugin && pluginId != BatchedJournal;

    /// <summary>
    /// Whether a write that collides with a stored (persistence id, sequence number) fails alone. Akka.Persistence.Sql
    /// 1.5.73 does not: its write queue stores the WriteMessages of many actors in one transaction, so the unique-key
    /// violation rolls all of them back and each gets WriteMessagesFailed (37 of 40 writers in flight, measured on
    /// both databases); those failures count against the journal's circuit breaker (max-failures 10), which then
    /// fails every write and replay of the node for its reset-timeout. Nothing acknowledged is lost. A new journal
    /// that batches across persistence ids should retry the innocent writes without the colliding one.
    /// </summary>
    public static bool IsolatesCollidingWrites(string pluginId) => pluginId != SqlPlugin;
}
