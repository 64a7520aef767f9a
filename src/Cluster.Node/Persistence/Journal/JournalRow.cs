namespace MediaPlatform.Node.Persistence.Journal;

/// <summary>
/// One event as Akka.Persistence.Sql stores it in its <c>journal</c> table. In tag-write-mode TagTable the journal
/// table has no tags column: every tag becomes a row of the <c>tags</c> table pointing at this row's ordering.
/// </summary>
/// <param name="Created">UTC ticks, as the plugin sets them when the event carries no timestamp of its own.</param>
/// <param name="Manifest">The serializer's string manifest, or the payload's type name when the serializer wants one.</param>
/// <param name="Identifier">The serializer id the payload was written with.</param>
/// <param name="WriterUuid">The journal instance that wrote the row (one id per journal actor, as the plugin does).</param>
public sealed record JournalRow(
    string PersistenceId,
    long SequenceNr,
    long Created,
    string Manifest,
    byte[] Message,
    int Identifier,
    string WriterUuid,
    IReadOnlyList<string> Tags);
