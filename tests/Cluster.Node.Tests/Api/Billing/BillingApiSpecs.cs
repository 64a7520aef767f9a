using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using static MediaPlatform.Node.Tests.Api.Billing.BillingApiClient;
using static MediaPlatform.Node.Tests.Api.Billing.BillingJson;

namespace MediaPlatform.Node.Tests.Api.Billing;

/// <summary>
/// The billing API through the real HTTP host — plans, the account, subscriptions, title orders, invoices — with exact
/// integer amounts (minor units). Plans: basic 799, standard 1549, premium 2299 USD; a title costs 399.
/// Coupons and payments are in <see cref="BillingMoneyApiSpecs"/>.
/// </summary>
public sealed class BillingApiSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private Task<BillingApiClient> UserAsync(string? card = ApprovingCard) => SignUpAsync(fixture.Node, card);

    [Fact]
    public async Task Plans_must_be_public_with_monthly_prices_in_minor_units()
    {
        var plans = await JsonAsync(await fixture.Node.Http.GetAsync("/api/plans"), HttpStatusCode.OK);
        var prices = plans.EnumerateArray().ToDictionary(p => Text(p, "planId")!, p => Minor(p, "monthlyPriceMinor"));
        Assert.Equal(new Dictionary<string, long> { ["basic"] = 799, ["standard"] = Standard, ["premium"] = Premium }, prices);
        Assert.All(plans.EnumerateArray(), p => Assert.Equal("USD", Text(p, "currency")));
    }

    [Fact]
    public async Task The_billing_account_must_be_open_from_sign_up_with_no_plan_and_nothing_due()
    {
        using var user = await UserAsync(card: null);
        var account = await user.GetAsync(user.Billing);
        Assert.Equal(user.UserId, Text(account, "accountId"));
        Assert.Equal("None", Text(account, "status"));
        Assert.Equal(JsonValueKind.Null, account.GetProperty("planId").ValueKind);
        Assert.Equal(JsonValueKind.Null, account.GetProperty("paymentCard").ValueKind);
        Assert.Equal("USD", Text(account, "currency"));
        Assert.Equal(0, Minor(account, "balanceMinor"));
        Assert.Equal(0, account.GetProperty("openInvoices").GetInt32());

        await user.AddCardAsync(ApprovingCard, makeDefault: true);
        var text = await user.Http.GetStringAsync(user.Billing);
        Assert.Equal("4242", JsonDocument.Parse(text).RootElement.GetProperty("paymentCard").GetProperty("last4").GetString());
        Assert.DoesNotContain("tok_", text);
        Assert.DoesNotContain(ApprovingCard, text);
    }

    [Fact]
    public async Task Billing_must_need_a_token_and_belong_to_its_owner_or_an_admin()
    {
        using var owner = await UserAsync();
        using var other = await UserAsync();
        var invoiceId = IdOf(await owner.SubscribedInvoiceAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Node.Http.GetAsync(owner.Billing)).StatusCode);
        await AssertProblemAsync(await other.Http.GetAsync(owner.Billing), HttpStatusCode.Forbidden, "your own data");
        await AssertProblemAsync(await other.Http.GetAsync($"{owner.Billing}/invoices"), HttpStatusCode.Forbidden, "your own data");
        await AssertProblemAsync(await other.SendAsync(HttpMethod.Post, $"{owner.Billing}/invoices/{invoiceId}/payments", key: NewKey()),
            HttpStatusCode.Forbidden, "your own data");
        await AssertProblemAsync(await other.SendAsync(HttpMethod.Post, $"{owner.Billing}/subscription", new { planId = "basic" }, NewKey()),
            HttpStatusCode.Forbidden, "your own data");
        await AssertProblemAsync(await other.Http.GetAsync("/api/users/not%20an%20id/billing"), HttpStatusCode.BadRequest, "not a valid id");

        using var admin = fixture.Node.ClientWithToken(TestNode.AdminToken);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(owner.Billing)).StatusCode);
    }

    [Fact]
    public async Task Subscribing_must_invoice_the_first_month_and_a_repeat_of_its_key_must_return_the_same_invoice()
    {
        using var user = await UserAsync(card: null);
        var key = NewKey();
        var first = await user.SubscribeAsync("standard", key);
        var order = await JsonAsync(first, HttpStatusCode.Created);
        var invoice = order.GetProperty("invoice");
        var invoiceId = Text(invoice, "invoiceId");
        Assert.Equal($"{user.Billing}/invoices/{invoiceId}", first.Headers.Location!.ToString());
        Assert.Equal(key, Text(order, "orderKey"));
        Assert.Equal("Subscription", Text(invoice, "kind"));
        var line = Assert.Single(invoice.GetProperty("lines").EnumerateArray());
        Assert.Equal(Standard, Minor(line, "amountMinor"));
        Assert.StartsWith("Standard plan", Text(line, "description"));
        Assert.Equal(Standard, Minor(invoice, "totalMinor"));
        Assert.Equal(Standard, Minor(invoice, "amountDueMinor"));
        Assert.Equal("Open", Text(invoice, "status"));
        Assert.Equal("PendingPayment", order.GetProperty("account").GetProperty("status").GetString()); // no card: nothing paid yet
        Assert.Equal(Standard, order.GetProperty("account").GetProperty("balanceMinor").GetInt64());

        var repeat = await JsonAsync(await user.SubscribeAsync("standard", key), HttpStatusCode.Created);
        Assert.Equal(invoice.GetRawText(), repeat.GetProperty("invoice").GetRawText());
        Assert.Single((await user.GetAsync($"{user.Billing}/invoices")).GetProperty("invoices").EnumerateArray());

        await AssertProblemAsync(await user.SubscribeAsync("premium", key), HttpStatusCode.UnprocessableEntity, "already used for a different order");
        await AssertProblemAsync(await user.SubscribeAsync("premium", NewKey()), HttpStatusCode.Conflict, "waiting for payment of invoice");

        await user.AddCardAsync(ApprovingCard, makeDefault: true);
        Assert.Equal(HttpStatusCode.Created, (await user.PayAsync(invoiceId!, NewKey())).StatusCode);
        Assert.Equal("Active", Text(await user.GetAsync(user.Billing), "status"));
        await AssertProblemAsync(await user.SubscribeAsync("premium", NewKey()), HttpStatusCode.Conflict, "already subscribed to standard");
    }

    [Fact]
    public async Task Subscribing_must_need_an_idempotency_key_a_known_plan_and_a_well_formed_body()
    {
        using var user = await UserAsync();
        await AssertProblemAsync(await user.SubscribeAsync("standard", key: null), HttpStatusCode.BadRequest, "Idempotency-Key header is required");
        await AssertProblemAsync(await user.SubscribeAsync("gold", NewKey()), HttpStatusCode.BadRequest, "unknown plan 'gold'");
        await AssertProblemAsync(await user.SubscribeAsync("standard", "a:b"), HttpStatusCode.BadRequest, "Idempotency-Key must be 1 to 64 letters");
        await AssertProblemAsync(await user.SendAsync(HttpMethod.Post, $"{user.Billing}/subscription", new { plan = "standard" }, NewKey()),
            HttpStatusCode.BadRequest, "plan");
        Assert.Empty((await user.GetAsync($"{user.Billing}/invoices")).GetProperty("invoices").EnumerateArray());
    }

    [Fact]
    public async Task Changing_plan_must_invoice_the_prorated_difference_in_whole_days()
    {
        using var user = await UserAsync();
        await AssertProblemAsync(await user.ChangePlanAsync("premium", NewKey()),
            HttpStatusCode.Conflict, "no active subscription");
        await user.SubscribedInvoiceAsync("standard");

        var key = NewKey();
        var order = await JsonAsync(await user.ChangePlanAsync("premium", key), HttpStatusCode.OK);
        var (invoice, account) = (order.GetProperty("invoice"), order.GetProperty("account"));
        Assert.Equal("premium", Text(account, "planId"));
        Assert.Equal("PlanChange", Text(invoice, "kind"));

        // Whole days: a started day counts as used; each share rounds down (Proration).
        var (start, end) = (account.GetProperty("periodStart").GetDateTimeOffset(), account.GetProperty("periodEnd").GetDateTimeOffset());
        var daysInPeriod = Math.Max(1, WholeDays(end - start));
        var daysLeft = Math.Clamp(WholeDays(end - invoice.GetProperty("issuedAt").GetDateTimeOffset()), 0, daysInPeriod);
        Assert.InRange(daysLeft, daysInPeriod - 1, daysInPeriod);
        var (credit, charge) = (Standard * daysLeft / daysInPeriod, Premium * daysLeft / daysInPeriod);
        var days = $"{daysLeft} of {daysInPeriod} days";
        var lines = invoice.GetProperty("lines").EnumerateArray().Select(l => (Text(l, "description"), Minor(l, "amountMinor")));
        Assert.Equal([($"Unused time on Standard ({days})", -credit), ($"Remaining time on Premium ({days})", charge)], lines);
        Assert.Equal(charge - credit, Minor(invoice, "totalMinor"));

        var repeat = await JsonAsync(await user.ChangePlanAsync("premium", key), HttpStatusCode.OK);
        Assert.Equal(invoice.GetRawText(), repeat.GetProperty("invoice").GetRawText());
        await AssertProblemAsync(await user.ChangePlanAsync("premium", NewKey()),
            HttpStatusCode.Conflict, "already on the premium plan");
        await AssertProblemAsync(await user.ChangePlanAsync("basic", key: null),
            HttpStatusCode.BadRequest, "Idempotency-Key header is required");
        Assert.Equal(2, (await user.GetAsync($"{user.Billing}/invoices")).GetProperty("invoices").GetArrayLength());
    }

    [Fact]
    public async Task Cancelling_must_take_effect_at_period_end_and_resuming_must_take_it_back()
    {
        using var user = await UserAsync();
        await AssertProblemAsync(await user.Http.DeleteAsync($"{user.Billing}/subscription"), HttpStatusCode.Conflict, "no active subscription");
        await user.SubscribedInvoiceAsync("basic");
        var before = await user.GetAsync(user.Billing);

        var cancelled = await JsonAsync(await user.Http.DeleteAsync($"{user.Billing}/subscription"), HttpStatusCode.OK);
        Assert.True(cancelled.GetProperty("cancelAtPeriodEnd").GetBoolean());
        Assert.Equal("Active", Text(cancelled, "status")); // still runs until the period ends
        Assert.Equal(before.GetProperty("periodEnd").GetDateTimeOffset(), cancelled.GetProperty("periodEnd").GetDateTimeOffset());
        var again = await JsonAsync(await user.Http.DeleteAsync($"{user.Billing}/subscription"), HttpStatusCode.OK); // idempotent
        Assert.Equal(cancelled.GetRawText(), again.GetRawText());
        await AssertProblemAsync(await user.SubscribeAsync("basic", NewKey()), HttpStatusCode.Conflict, "resume it");

        var resumed = await JsonAsync(await user.Http.PostAsync($"{user.Billing}/subscription/resume", null), HttpStatusCode.OK);
        Assert.False(resumed.GetProperty("cancelAtPeriodEnd").GetBoolean());
        Assert.Equal("basic", Text(resumed, "planId"));
    }

    [Fact]
    public async Task Ordering_a_title_must_invoice_its_price_once_per_key()
    {
        using var user = await UserAsync();
        var (titleId, key) = (await BillingTitles.PublishedAsync(fixture.Node), NewKey());
        var response = await user.OrderTitleAsync(titleId, key);
        var invoice = (await JsonAsync(response, HttpStatusCode.Created)).GetProperty("invoice");
        Assert.Equal($"{user.Billing}/invoices/{Text(invoice, "invoiceId")}", response.Headers.Location!.ToString());
        Assert.Equal("TitlePurchase", Text(invoice, "kind"));
        Assert.Equal(titleId, Text(invoice, "reference"));
        var line = Assert.Single(invoice.GetProperty("lines").EnumerateArray());
        Assert.Equal(($"Title {titleId}", TitlePrice), (Text(line, "description"), Minor(line, "amountMinor")));
        Assert.Equal(TitlePrice, Minor(invoice, "totalMinor"));

        var repeat = await JsonAsync(await user.OrderTitleAsync(titleId, key), HttpStatusCode.Created);
        Assert.Equal(invoice.GetRawText(), repeat.GetProperty("invoice").GetRawText());
        await AssertProblemAsync(await user.OrderTitleAsync(titleId, NewKey()), HttpStatusCode.Conflict, "already ordered");
        await AssertProblemAsync(await user.OrderTitleAsync("bad title!", NewKey()), HttpStatusCode.BadRequest, "not a valid id");
        await AssertProblemAsync(await user.OrderTitleAsync(null, NewKey()), HttpStatusCode.BadRequest, "not a valid id");
        await AssertProblemAsync(await user.OrderTitleAsync("title-43", key: null), HttpStatusCode.BadRequest, "Idempotency-Key");
        Assert.Single((await user.GetAsync($"{user.Billing}/invoices")).GetProperty("invoices").EnumerateArray());
    }

    [Fact]
    public async Task Invoices_must_be_listed_in_order_and_fetched_by_id()
    {
        using var user = await UserAsync(card: null);
        var subscription = await user.SubscribedInvoiceAsync("standard");
        await user.TitleInvoiceIdAsync(await BillingTitles.PublishedAsync(fixture.Node));

        var list = (await user.GetAsync($"{user.Billing}/invoices")).GetProperty("invoices").EnumerateArray().ToArray();
        Assert.Equal([(1, Standard), (2, TitlePrice)], list.Select(i => (i.GetProperty("number").GetInt32(), Minor(i, "totalMinor"))));
        var id = Text(subscription, "invoiceId");
        Assert.Equal(subscription.GetRawText(), (await user.GetAsync($"{user.Billing}/invoices/{id}")).GetRawText());
        Assert.Equal(Standard + TitlePrice, (await user.GetAsync(user.Billing)).GetProperty("balanceMinor").GetInt64());

        await AssertProblemAsync(await user.Http.GetAsync($"{user.Billing}/invoices/INV-999999"), HttpStatusCode.NotFound, "INV-999999 not found");
        await AssertProblemAsync(await user.Http.GetAsync($"{user.Billing}/invoices/not%20an%20id"), HttpStatusCode.BadRequest, "not a valid id");
    }
}
