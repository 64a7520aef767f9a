using MediaPlatform.Actors.ReadSide;

namespace MediaPlatform.Node.Tests.Persistence.JournalContract;

/// <summary>An event the contract's journals tag through <see cref="ContractEventTagger"/>, as the node tags its domain events.</summary>
public sealed record ContractTaggedEvent(string Text);

/// <summary>Puts every <see cref="ContractTaggedEvent"/> under <see cref="Tag"/>, the way the node's taggers do.</summary>
public sealed class ContractEventTagger() : EventTagger<ContractTaggedEvent>(Tag)
{
    public const string Tag = "journal-contract";

    public static string JournalHocon(string journalPath) => BindingHocon(journalPath, "contract-tagger", typeof(ContractEventTagger));
}

/// <summary>An event its serializer cannot write: reading its one property throws, so JSON serialization fails.</summary>
public sealed class UnserializableEvent
{
    public string Value => throw new InvalidOperationException("this event cannot be serialized");
}
