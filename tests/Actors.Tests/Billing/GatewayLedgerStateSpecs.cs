using Akka.Configuration;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Billing.Support;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>Pure rules of the built-in gateway: one decision per key, by card rule, answered the same every time.</summary>
public sealed class GatewayLedgerStateSpecs
{
    private const string Key = "user-1:pay-1";
    private static readonly DateTimeOffset Now = BillingSamples.Start;
    private static readonly GatewayRules Rules = GatewayRules.Default;

    private static ChargeCard Charge(string last4 = "4242", long amount = 499) => new(Key, $"tok_{last4}", last4, amount, "USD");

    private static (GatewayLedgerState State, IReadOnlyList<IGatewayLedgerEvent> Events, object Reply) Run(GatewayLedgerState state, IGatewayLedgerCommand c) =>
        Decisions.Accept(state, state.Handle(c, Now, Rules));

    [Fact]
    public void A_charge_must_be_approved_once_with_an_id_derived_from_the_key()
    {
        var (state, events, reply) = Run(GatewayLedgerState.Empty(Key), Charge());
        var charged = Assert.IsType<CardCharged>(Assert.Single(events));
        Assert.Equal(new GatewayCharged(Key, GatewayLedgerState.ChargeIdFor(Key), 499, "USD"), reply);
        Assert.Equal(charged.ChargeId, GatewayLedgerState.ChargeIdFor(Key));
        Assert.StartsWith("ch_", charged.ChargeId);
        Assert.Equal((LedgerStatus.Charged, 1), (state.Status, state.Charges));
    }

    [Fact]
    public void A_repeated_charge_must_answer_the_recorded_charge_and_never_charge_again()
    {
        var state = Run(GatewayLedgerState.Empty(Key), Charge()).State;
        var (again, events, reply) = Run(state, Charge());
        Assert.Empty(events);
        Assert.IsType<GatewayCharged>(reply);
        Assert.Equal(1, again.View().Charges);
    }

    [Fact]
    public void A_card_ending_0002_must_be_declined_for_insufficient_funds_every_time()
    {
        var (state, events, reply) = Run(GatewayLedgerState.Empty(Key), Charge("0002"));
        Assert.IsType<CardDeclined>(Assert.Single(events));
        Assert.Equal(new GatewayDeclined(Key, "insufficient funds"), reply);
        var (_, repeatEvents, repeat) = Run(state, Charge("0002"));
        Assert.Empty(repeatEvents);
        Assert.Equal(reply, repeat);
        Assert.Equal((LedgerStatus.Declined, 0), (state.Status, state.Charges));
    }

    [Fact]
    public void A_card_ending_0119_must_never_be_answered_and_nothing_recorded()
    {
        var (state, events, reply) = Run(GatewayLedgerState.Empty(Key), Charge("0119"));
        Assert.Empty(events);
        Assert.Same(NoReply.Instance, reply);
        Assert.Equal(LedgerStatus.Untouched, state.Status);
    }

    [Fact]
    public void The_same_key_with_a_different_charge_must_be_a_conflict()
    {
        var state = Run(GatewayLedgerState.Empty(Key), Charge()).State;
        Decisions.Refused(state.Handle(Charge(amount: 500), Now, Rules), RejectionKind.Conflict);
        Decisions.Refused(state.Handle(Charge("1111"), Now, Rules), RejectionKind.Conflict);
    }

    [Fact]
    public void Void_of_an_untouched_key_must_make_every_later_charge_answer_voided()
    {
        var (state, events, reply) = Run(GatewayLedgerState.Empty(Key), new VoidCharge(Key));
        Assert.IsType<ChargeKeyVoided>(Assert.Single(events));
        Assert.Equal(new GatewayVoided(Key), reply);
        var (after, chargeEvents, charge) = Run(state, Charge());
        Assert.Empty(chargeEvents);
        Assert.Equal(new GatewayVoided(Key), charge);
        Assert.Equal(0, after.Charges);
        Assert.Empty(Run(state, new VoidCharge(Key)).Events);
    }

    [Fact]
    public void Void_of_a_charged_or_declined_key_must_answer_what_it_did()
    {
        var charged = Run(GatewayLedgerState.Empty(Key), Charge()).State;
        Assert.IsType<GatewayCharged>(Run(charged, new VoidCharge(Key)).Reply);
        var declined = Run(GatewayLedgerState.Empty(Key), Charge("0002")).State;
        Assert.IsType<GatewayDeclined>(Run(declined, new VoidCharge(Key)).Reply);
    }

    [Fact]
    public void Get_must_show_how_many_charges_the_key_produced()
    {
        Assert.Equal(0, Assert.IsType<LedgerEntryView>(Run(GatewayLedgerState.Empty(Key), new GetLedgerEntry(Key)).Reply).Charges);
        var state = Run(GatewayLedgerState.Empty(Key), Charge()).State;
        var view = Assert.IsType<LedgerEntryView>(Run(state, new GetLedgerEntry(Key)).Reply);
        Assert.Equal((LedgerStatus.Charged, 1, 499L, "4242"), (view.Status, view.Charges, view.AmountMinor, view.CardLast4));
    }

    public static TheoryData<ChargeCard> BadCharges() => new()
    {
        Charge(amount: 0), Charge(amount: -1),
        Charge() with { Currency = "usd" },
        Charge() with { CardToken = "" },
        Charge() with { CardLast4 = "42" },
    };

    [Theory]
    [MemberData(nameof(BadCharges))]
    public void A_malformed_charge_must_be_invalid_and_record_nothing(ChargeCard charge) =>
        Decisions.Refused(GatewayLedgerState.Empty(Key).Handle(charge, Now, Rules), RejectionKind.Invalid);

    [Fact]
    public void Rules_must_be_configurable_and_default_when_not_configured()
    {
        var config = ConfigurationFactory.ParseString("""
            media-platform.billing.gateway { decline-last4 = ["1234"], decline-reason = "stolen card", no-answer-last4 = [], timeout = 750ms }
            """);
        using var system = Akka.Actor.ActorSystem.Create("rules", config);
        var rules = GatewayRules.From(system);
        Assert.Equal((GatewayVerdict.Decline, GatewayVerdict.Approve, GatewayVerdict.Approve), (rules.Judge("1234"), rules.Judge("0002"), rules.Judge("0119")));
        Assert.Equal("stolen card", rules.DeclineReason);
        Assert.Equal(TimeSpan.FromMilliseconds(750), GatewayRules.TimeoutFrom(system));

        using var plain = Akka.Actor.ActorSystem.Create("plain");
        Assert.Equal((GatewayVerdict.Decline, GatewayVerdict.NoAnswer, GatewayVerdict.Approve),
            (GatewayRules.From(plain).Judge("0002"), GatewayRules.From(plain).Judge("0119"), GatewayRules.From(plain).Judge("4242")));
        Assert.Equal(GatewayRules.DefaultTimeout, GatewayRules.TimeoutFrom(plain));
    }
}
