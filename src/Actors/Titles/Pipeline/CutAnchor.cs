namespace MediaPlatform.Actors.Titles.Pipeline;

/// <summary>
/// Where a rung's next early cut starts: chunks before <see cref="Chunk"/> are cut into <see cref="Segments"/> final
/// segments that end exactly where that chunk starts, and exactly at <see cref="Segments"/> × the segment time — so the
/// segmenter, started afresh on chunks <see cref="Chunk"/>…, cuts where it would have cut the whole rung. The timeline
/// numbers (track ticks, fragment sequence) are what the next cut's segments are moved by. The default starts at chunk 0.
/// </summary>
internal readonly record struct CutAnchor(int Chunk, int Segments, ulong Origin, ulong DecodeEnd, uint NextSequence);
