using MediaPlatform.Actors.Serialization;

namespace MediaPlatform.Bench.Journal;

/// <summary>
/// The rows one measurement writes: <see cref="Actors"/> persistence ids × <see cref="EventsPerActor"/> sequence
/// numbers, each carrying the serialized <see cref="BenchEvent"/>. The journal run and the raw baseline write the same
/// ids, sizes, manifest and serializer id, so the two differ only in who does the writing.
/// </summary>
public sealed record RowSet(string IdPrefix, int Actors, int EventsPerActor, byte[] Payload)
{
    public const string Manifest = BenchEvent.Manifest;
    public const int SerializerId = ProtocolSerializer.Id;

    /// <summary>Rows per transaction in the raw baseline.</summary>
    public const int TransactionSize = 100;

    public int Count => Actors * EventsPerActor;

    public static string PersistenceId(string prefix, int actor) => $"{prefix}-{actor:D5}";

    /// <summary>The rows of every <paramref name="share"/>-th actor starting at <paramref name="first"/>, in write order.</summary>
    public IEnumerable<(string PersistenceId, long SequenceNr)> Rows(int first = 0, int share = 1)
    {
        for (var actor = first; actor < Actors; actor += share)
        {
            var id = PersistenceId(IdPrefix, actor);
            for (long seq = 1; seq <= EventsPerActor; seq++)
                yield return (id, seq);
        }
    }
}
