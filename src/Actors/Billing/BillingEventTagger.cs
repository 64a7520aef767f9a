using MediaPlatform.Actors.ReadSide;

namespace MediaPlatform.Actors.Billing;

/// <summary>
/// Tags every billing account event in the journal (tag "billing"), for the billing projection and the event feed.
/// Bound to <see cref="IBillingAccountEvent"/> by <see cref="JournalHocon"/>.
/// </summary>
public sealed class BillingEventTagger() : EventTagger<IBillingAccountEvent>(Tag)
{
    public const string Tag = "billing";

    public static string JournalHocon(string journalPath) => BindingHocon(journalPath, "billing-tagger", typeof(BillingEventTagger));
}
