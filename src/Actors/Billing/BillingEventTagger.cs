using Akka.Persistence.Journal;

namespace MediaPlatform.Actors.Billing;

/// <summary>
/// Tags every billing account event in the journal, so the billing projection and the event feed read all accounts'
/// events with one events-by-tag query (as titles and images are). Events written before the tagger was bound are
/// not in the tag table and are never seen by that query. Bound by <see cref="JournalHocon"/>.
/// </summary>
public sealed class BillingEventTagger : IWriteEventAdapter
{
    public const string Tag = "billing";

    public string Manifest(object evt) => "";

    public object ToJournal(object evt) => evt is IBillingAccountEvent ? new Tagged(evt, [Tag]) : evt;

    public static string JournalHocon(string journalPath) => $$"""
        {{journalPath}} {
          event-adapters { billing-tagger = "{{TypeName(typeof(BillingEventTagger))}}" }
          event-adapter-bindings { "{{TypeName(typeof(IBillingAccountEvent))}}" = billing-tagger }
        }
        """;

    private static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
