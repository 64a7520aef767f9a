using System.Net;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using static MediaPlatform.Node.Tests.Api.Billing.BillingApiClient;
using static MediaPlatform.Node.Tests.Api.Billing.BillingJson;

namespace MediaPlatform.Node.Tests.Api.Billing;

/// <summary>
/// Attacks on billing through the real HTTP host, each asserted to fail: credit from a subscription never paid,
/// an upgrade's service without paying for it, orders for titles that do not exist or are not for sale, and one
/// account taking every redemption of a coupon.
/// </summary>
public sealed class BillingAttackApiSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    [Fact]
    public async Task Subscribing_and_downgrading_without_paying_must_grant_no_credit_and_no_service()
    {
        var titleId = await BillingTitles.PublishedAsync(fixture.Node);
        using var attacker = await SignUpAsync(fixture.Node, cardNumber: null);

        Assert.Equal(HttpStatusCode.Created, (await attacker.SubscribeAsync("premium", NewKey())).StatusCode);
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(HttpStatusCode.OK, (await attacker.ChangePlanAsync("basic", NewKey())).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await attacker.ChangePlanAsync("premium", NewKey())).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await attacker.ChangePlanAsync("basic", NewKey())).StatusCode);

        var account = await attacker.GetAsync(attacker.Billing);
        Assert.Equal(0, Minor(account, "creditMinor"));
        Assert.Equal("PendingPayment", Text(account, "status"));

        var order = await JsonAsync(await attacker.OrderTitleAsync(titleId, NewKey()), HttpStatusCode.Created);
        var invoice = order.GetProperty("invoice");
        Assert.Equal((0L, TitlePrice, "Open"), (Minor(invoice, "creditAppliedMinor"), Minor(invoice, "amountDueMinor"), Text(invoice, "status")));
        await AssertProblemAsync(await attacker.PayAsync(IdOf(invoice), NewKey()), HttpStatusCode.PaymentRequired, "no payment card");

        var history = await attacker.GetAsync($"{attacker.Billing}/payments");
        Assert.Equal(0, Minor(history, "totalPaidMinor"));
        var invoices = (await attacker.GetAsync($"{attacker.Billing}/invoices")).GetProperty("invoices").EnumerateArray().ToList();
        Assert.DoesNotContain(invoices, i => Text(i, "status") == "Paid");
        Assert.All(invoices.Where(i => Text(i, "kind") != "TitlePurchase").SkipLast(1), i => Assert.Equal("Void", Text(i, "status")));
        Assert.Equal("PendingPayment", Text(await attacker.GetAsync(attacker.Billing), "status"));
    }

    [Fact]
    public async Task Subscribing_with_a_card_must_charge_the_first_invoice_and_activate_only_then()
    {
        using var payer = await SignUpAsync(fixture.Node, ApprovingCard);
        var order = await JsonAsync(await payer.SubscribeAsync("standard", NewKey()), HttpStatusCode.Created);
        Assert.Equal(("Paid", Standard), (Text(order.GetProperty("invoice"), "status"), Minor(order.GetProperty("invoice"), "amountPaidMinor")));
        Assert.Equal("Active", Text(order.GetProperty("account"), "status"));

        using var declined = await SignUpAsync(fixture.Node, DecliningCard);
        var pending = await JsonAsync(await declined.SubscribeAsync("standard", NewKey()), HttpStatusCode.Created);
        Assert.Equal(("Open", "PendingPayment"), (Text(pending.GetProperty("invoice"), "status"), Text(pending.GetProperty("account"), "status")));
    }

    [Fact]
    public async Task Upgrade_with_a_declining_card_must_keep_the_old_plan()
    {
        using var user = await SignUpAsync(fixture.Node, ApprovingCard);
        await user.SubscribedInvoiceAsync("basic"); // paid at once
        await user.AddCardAsync(DecliningCard, makeDefault: true);

        var key = NewKey();
        var order = await JsonAsync(await user.ChangePlanAsync("premium", key), HttpStatusCode.OK);
        var invoice = order.GetProperty("invoice");
        Assert.Equal(("PlanChange", "Open"), (Text(invoice, "kind"), Text(invoice, "status")));
        var account = await user.GetAsync(user.Billing);
        Assert.Equal(("basic", "Active"), (Text(account, "planId"), Text(account, "status"))); // no premium service unpaid
        Assert.Equal(("premium", IdOf(invoice)), (Text(account, "pendingPlanId"), Text(account, "pendingPlanInvoiceId")));

        // A repeat neither charges again nor switches the plan; paying with a good card does.
        Assert.Equal(invoice.GetRawText(), (await JsonAsync(await user.ChangePlanAsync("premium", key), HttpStatusCode.OK)).GetProperty("invoice").GetRawText());
        Assert.Equal("basic", Text(await user.GetAsync(user.Billing), "planId"));
        Assert.Single((await user.GetAsync($"{user.Billing}/payments")).GetProperty("payments").EnumerateArray(), p => Text(p, "invoiceId") == IdOf(invoice));
        await user.AddCardAsync(ApprovingCard, makeDefault: true);
        Assert.Equal(HttpStatusCode.Created, (await user.PayAsync(IdOf(invoice), NewKey())).StatusCode);
        account = await user.GetAsync(user.Billing);
        Assert.Equal(("premium", JsonValueKind.Null), (Text(account, "planId"), account.GetProperty("pendingPlanId").ValueKind));
    }

    [Fact]
    public async Task Orders_for_titles_that_do_not_exist_or_are_not_published_must_invoice_nothing()
    {
        using var buyer = await SignUpAsync(fixture.Node, cardNumber: null);
        var unknown = $"no-such-title-{Guid.NewGuid():N}";
        await AssertProblemAsync(await buyer.OrderTitleAsync(unknown, NewKey()), HttpStatusCode.NotFound, "does not exist");
        // The title entity answered: an empty one passivates itself, so nothing stays in memory for an unknown id.
        await Eventually.AwaitAsync(async () => !(await BillingTitles.LiveEntityIdsAsync(fixture.Node)).Contains(unknown), TimeSpan.FromSeconds(10),
            "the empty title entity of an unknown id stayed alive");
        var unpublished = await BillingTitles.CreatedAsync(fixture.Node);
        await Eventually.AwaitAsync(async () => (await buyer.OrderTitleAsync(unpublished, NewKey())).StatusCode == HttpStatusCode.Conflict,
            TimeSpan.FromSeconds(20), "an order for an unpublished title was not refused with 409");
        await AssertProblemAsync(await buyer.OrderTitleAsync(unpublished, NewKey()), HttpStatusCode.Conflict, "not published");
        Assert.Empty((await buyer.GetAsync($"{buyer.Billing}/invoices")).GetProperty("invoices").EnumerateArray());

        var published = await BillingTitles.PublishedAsync(fixture.Node);
        var invoice = (await JsonAsync(await buyer.OrderTitleAsync(published, NewKey()), HttpStatusCode.Created)).GetProperty("invoice");
        Assert.Equal((published, TitlePrice), (Text(invoice, "reference"), Minor(invoice, "subtotalMinor")));
    }

    [Fact]
    public async Task One_account_must_redeem_a_coupon_once_while_other_accounts_still_can()
    {
        using var admin = fixture.Node.ClientWithToken(TestNode.AdminToken);
        var code = NewCouponCode();
        Assert.Equal(HttpStatusCode.Created, (await CreateCouponAsync(admin, Coupon(code, percentOff: 10, maxRedemptions: 10))).StatusCode);
        var (first, second) = (await BillingTitles.PublishedAsync(fixture.Node), await BillingTitles.PublishedAsync(fixture.Node));

        using var greedy = await SignUpAsync(fixture.Node, cardNumber: null);
        var invoices = new[] { await greedy.TitleInvoiceIdAsync(first), await greedy.TitleInvoiceIdAsync(second), IdOf(await greedy.SubscribedInvoiceAsync()) };
        Assert.Equal(HttpStatusCode.OK, (await greedy.ApplyCouponAsync(invoices[0], code, NewKey())).StatusCode);
        foreach (var other in invoices[1..])
            await AssertProblemAsync(await greedy.ApplyCouponAsync(other, code, NewKey()), HttpStatusCode.Conflict, "once per account");

        using var another = await SignUpAsync(fixture.Node, cardNumber: null);
        Assert.Equal(HttpStatusCode.OK, (await another.ApplyCouponAsync(await another.TitleInvoiceIdAsync(first), code, NewKey())).StatusCode);
        Assert.Equal(2, (await JsonAsync(await admin.GetAsync($"/api/coupons/{code}"), HttpStatusCode.OK)).GetProperty("redeemed").GetInt32());
    }
}
