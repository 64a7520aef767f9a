using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Parties;
using MediaPlatform.Actors.Tests.Support;

namespace MediaPlatform.Actors.Tests.Parties;

public sealed class PartyIndexStateSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 20, 0, 0, TimeSpan.Zero);

    private static PartyIndexState Run(PartyIndexState state, IPartyIndexCommand command) => Decisions.Accept(state, state.Handle(command, Now)).State;

    [Fact]
    public void The_index_must_list_newest_first_once_each_and_forget_removed_parties()
    {
        var state = Run(Run(Run(PartyIndexState.Empty("u"), new IndexParty("u", "p-1")), new IndexParty("u", "p-2")), new IndexParty("u", "p-1"));
        Assert.Equal(["p-2", "p-1"], state.View().PartyIds);
        Assert.Equal(["p-1"], Run(state, new UnindexParty("u", "p-2")).View().PartyIds);
    }

    [Fact]
    public void The_index_must_stay_bounded_dropping_the_oldest()
    {
        var state = PartyIndexState.Empty("u");
        for (var i = 0; i <= PartyIndexState.MaxParties; i++) state = Run(state, new IndexParty("u", $"p-{i}"));
        Assert.Equal(PartyIndexState.MaxParties, state.PartyIds.Count);
        Assert.DoesNotContain("p-0", state.PartyIds);
        Decisions.Refused(state.Handle(new IndexParty("u", " "), Now), RejectionKind.Invalid);
    }
}
