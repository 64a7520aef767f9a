using Akka.Actor;
using MediaPlatform.Actors.Billing.Payments;
using MediaPlatform.Actors.Tests.Billing.Support;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>The built-in gateway as actors: a key charges once, even when asked again after its entity restarted.</summary>
public sealed class GatewayLedgerEntitySpecs : BillingSpec
{
    private const string Key = "user-1:pay-1";
    private readonly IActorRef _ledger;

    public GatewayLedgerEntitySpecs()
    {
        _ledger = Region(key => GatewayLedgerEntity.PropsFor(key, GatewayRules.From(Sys), Settings, Clock), "ledger");
    }

    private static ChargeCard Charge(string key = Key, string last4 = "4242") => new(key, "tok_abc", last4, 1549, "USD");

    [Fact]
    public async Task The_same_key_charged_twice_must_charge_once_and_answer_the_same_charge()
    {
        var first = await Ask<GatewayCharged>(_ledger, Charge());
        var second = await Ask<GatewayCharged>(_ledger, Charge());
        Assert.Equal(first, second);
        Assert.Equal(1, (await Ask<LedgerEntryView>(_ledger, new GetLedgerEntry(Key))).Charges);
        Assert.Single(await JournalOf($"gateway-ledger-{Key}"));
    }

    [Fact]
    public async Task The_same_key_charged_again_after_the_ledger_restarted_must_still_charge_once()
    {
        var first = await Ask<GatewayCharged>(_ledger, Charge());
        await StopEntity(_ledger, Key);
        var afterRestart = await Ask<GatewayCharged>(_ledger, Charge());

        Assert.Equal(first, afterRestart);
        var entry = await Ask<LedgerEntryView>(_ledger, new GetLedgerEntry(Key));
        Assert.Equal((LedgerStatus.Charged, 1, first.ChargeId), (entry.Status, entry.Charges, entry.ChargeId));
    }

    [Fact]
    public async Task Concurrent_charges_with_one_key_must_charge_once()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Ask<GatewayCharged>(_ledger, Charge())));
        Assert.Single(answers.Select(a => a.ChargeId).Distinct());
        Assert.Equal(1, (await Ask<LedgerEntryView>(_ledger, new GetLedgerEntry(Key))).Charges);
    }

    [Fact]
    public async Task The_port_must_report_approvals_declines_voids_and_time_outs()
    {
        var gateway = new LedgerPaymentGateway(_ledger, GatewayRules.TimeoutFrom(Sys));

        Assert.Equal(new GatewayOutcome.Approved(GatewayLedgerState.ChargeIdFor("a:1")), await gateway.Charge("a:1", "tok", "4242", 100, "USD"));
        Assert.Equal(new GatewayOutcome.Declined("insufficient funds"), await gateway.Charge("a:2", "tok", "0002", 100, "USD"));
        Assert.IsType<GatewayOutcome.TimedOut>(await gateway.Charge("a:3", "tok", "0119", 100, "USD"));
        Assert.IsType<GatewayOutcome.Voided>(await gateway.Void("a:3"));
        Assert.IsType<GatewayOutcome.Voided>(await gateway.Charge("a:3", "tok", "0119", 100, "USD"));
        Assert.IsType<GatewayOutcome.Approved>(await gateway.Void("a:1")); // too late to void: it was charged
        var reused = Assert.IsType<GatewayOutcome.Declined>(await gateway.Charge("a:1", "tok", "4242", 999, "USD")); // key reused for another charge
        Assert.Contains("different charge", reused.Reason);
        Assert.Equal(1, (await Ask<LedgerEntryView>(_ledger, new GetLedgerEntry("a:1"))).Charges);
    }

    [Fact]
    public async Task A_card_that_never_answers_must_leave_nothing_recorded()
    {
        _ledger.Tell(Charge(last4: "0119"));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        var entry = await Ask<LedgerEntryView>(_ledger, new GetLedgerEntry(Key));
        Assert.Equal((LedgerStatus.Untouched, 0), (entry.Status, entry.Charges));
        Assert.Empty(await JournalOf($"gateway-ledger-{Key}"));
    }
}
