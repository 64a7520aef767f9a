namespace MediaPlatform.Actors.Work;

/// <summary>
/// One worker slot over a window: time busy encoding, and its idle time by cause — <see cref="Lead"/> before its first
/// encode (the title being prepared and split, the first dispatch), <see cref="Between"/> between encodes (dispatch
/// round trips), <see cref="Tail"/> after its last encode (other slots finishing, assembly, packaging, QC, publish).
/// A slot that ran nothing is idle for the whole window, counted as lead.
/// </summary>
public sealed record SlotUsage(string Worker, string Node, int Slot, int Encodes, TimeSpan Busy, TimeSpan Lead, TimeSpan Between, TimeSpan Tail)
{
    public TimeSpan Idle => Lead + Between + Tail;

    public double IdleShare => Busy + Idle <= TimeSpan.Zero ? 0 : Idle / (Busy + Idle);
}
