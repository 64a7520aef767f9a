using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using static MediaPlatform.Node.Tests.Api.BillingApiClient;

namespace MediaPlatform.Node.Tests.Api;

/// <summary>
/// The billing and coupon API through the real HTTP host: every endpoint's success and error shapes, with exact
/// integer amounts (minor units). Plans: basic 799, standard 1549, premium 2299 USD; a title costs 399.
/// </summary>
public sealed class BillingApiSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private const long Standard = 1549, Premium = 2299, TitlePrice = 399;

    private Task<BillingApiClient> UserAsync(string? card = ApprovingCard) => SignUpAsync(fixture.Node, card);

    private static Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail) =>
        UserApiSpecs.AssertProblemAsync(response, status, detail);

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
        using var user = await UserAsync();
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
        Assert.Equal("Active", order.GetProperty("account").GetProperty("status").GetString());
        Assert.Equal(Standard, order.GetProperty("account").GetProperty("balanceMinor").GetInt64());

        var repeat = await JsonAsync(await user.SubscribeAsync("standard", key), HttpStatusCode.Created);
        Assert.Equal(invoice.GetRawText(), repeat.GetProperty("invoice").GetRawText());
        Assert.Single((await user.GetAsync($"{user.Billing}/invoices")).GetProperty("invoices").EnumerateArray());

        await AssertProblemAsync(await user.SubscribeAsync("premium", key), HttpStatusCode.Conflict, "already used for a different order");
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
        var key = NewKey();
        var response = await user.OrderTitleAsync("title-42", key);
        var invoice = (await JsonAsync(response, HttpStatusCode.Created)).GetProperty("invoice");
        Assert.Equal($"{user.Billing}/invoices/{Text(invoice, "invoiceId")}", response.Headers.Location!.ToString());
        Assert.Equal("TitlePurchase", Text(invoice, "kind"));
        Assert.Equal("title-42", Text(invoice, "reference"));
        var line = Assert.Single(invoice.GetProperty("lines").EnumerateArray());
        Assert.Equal(("Title title-42", TitlePrice), (Text(line, "description"), Minor(line, "amountMinor")));
        Assert.Equal(TitlePrice, Minor(invoice, "totalMinor"));

        var repeat = await JsonAsync(await user.OrderTitleAsync("title-42", key), HttpStatusCode.Created);
        Assert.Equal(invoice.GetRawText(), repeat.GetProperty("invoice").GetRawText());
        await AssertProblemAsync(await user.OrderTitleAsync("title-42", NewKey()), HttpStatusCode.Conflict, "already ordered");
        await AssertProblemAsync(await user.OrderTitleAsync("bad title!", NewKey()), HttpStatusCode.BadRequest, "not a valid id");
        await AssertProblemAsync(await user.OrderTitleAsync(null, NewKey()), HttpStatusCode.BadRequest, "not a valid id");
        await AssertProblemAsync(await user.OrderTitleAsync("title-43", key: null), HttpStatusCode.BadRequest, "Idempotency-Key");
        Assert.Single((await user.GetAsync($"{user.Billing}/invoices")).GetProperty("invoices").EnumerateArray());
    }

    [Fact]
    public async Task Invoices_must_be_listed_in_order_and_fetched_by_id()
    {
        using var user = await UserAsync();
        var subscription = await user.SubscribedInvoiceAsync("standard");
        await user.TitleInvoiceIdAsync("title-7");

        var list = (await user.GetAsync($"{user.Billing}/invoices")).GetProperty("invoices").EnumerateArray().ToArray();
        Assert.Equal([(1, Standard), (2, TitlePrice)], list.Select(i => (i.GetProperty("number").GetInt32(), Minor(i, "totalMinor"))));
        var id = Text(subscription, "invoiceId");
        Assert.Equal(subscription.GetRawText(), (await user.GetAsync($"{user.Billing}/invoices/{id}")).GetRawText());
        Assert.Equal(Standard + TitlePrice, (await user.GetAsync(user.Billing)).GetProperty("balanceMinor").GetInt64());

        await AssertProblemAsync(await user.Http.GetAsync($"{user.Billing}/invoices/INV-999999"), HttpStatusCode.NotFound, "INV-999999 not found");
        await AssertProblemAsync(await user.Http.GetAsync($"{user.Billing}/invoices/not%20an%20id"), HttpStatusCode.BadRequest, "not a valid id");
    }

    [Fact]
    public async Task Coupons_must_be_created_and_read_by_an_admin_only()
    {
        using var admin = fixture.Node.ClientWithToken(TestNode.AdminToken);
        using var user = await UserAsync();
        var code = NewCouponCode();
        var definition = Coupon(code.ToLowerInvariant(), percentOff: 25, maxRedemptions: 3);

        var created = await CreateCouponAsync(admin, definition);
        var coupon = await JsonAsync(created, HttpStatusCode.Created);
        Assert.Equal($"/api/coupons/{code}", created.Headers.Location!.ToString());
        Assert.Equal((code, "Percent", 25, 3, 0), (Text(coupon, "code"), Text(coupon, "kind"),
            coupon.GetProperty("percentOff").GetInt32(), coupon.GetProperty("maxRedemptions").GetInt32(), coupon.GetProperty("redeemed").GetInt32()));
        Assert.Equal(HttpStatusCode.Created, (await CreateCouponAsync(admin, definition)).StatusCode); // same definition: idempotent
        await AssertProblemAsync(await CreateCouponAsync(admin, Coupon(code, percentOff: 30, maxRedemptions: 3)),
            HttpStatusCode.Conflict, "different definition");
        Assert.Equal(coupon.GetRawText(), (await JsonAsync(await admin.GetAsync($"/api/coupons/{code}"), HttpStatusCode.OK)).GetRawText());

        await AssertProblemAsync(await user.Http.PostAsJsonAsync("/api/coupons", Coupon(NewCouponCode(), 10, 1)), HttpStatusCode.Forbidden, "");
        await AssertProblemAsync(await user.Http.GetAsync($"/api/coupons/{code}"), HttpStatusCode.Forbidden, "");
        await AssertProblemAsync(await fixture.Node.Http.PostAsJsonAsync("/api/coupons", Coupon(NewCouponCode(), 10, 1)), HttpStatusCode.Unauthorized, "");

        await AssertProblemAsync(await CreateCouponAsync(admin, Coupon(NewCouponCode(), 10, 1, kind: "Gift")),
            HttpStatusCode.BadRequest, "kind must be Percent or FixedAmount");
        await AssertProblemAsync(await CreateCouponAsync(admin, Coupon(NewCouponCode(), 150, 1)), HttpStatusCode.BadRequest, "1 to 100 percent");
        await AssertProblemAsync(await CreateCouponAsync(admin, Coupon(NewCouponCode(), 0, 1)), HttpStatusCode.BadRequest, "1 to 100 percent");
        await AssertProblemAsync(await CreateCouponAsync(admin, Coupon(NewCouponCode(), 10, 0)), HttpStatusCode.BadRequest, "maximum redemptions");
        await AssertProblemAsync(await CreateCouponAsync(admin, Coupon(NewCouponCode(), 10, 1, expiresAt: DateTimeOffset.UtcNow.AddDays(-1))),
            HttpStatusCode.BadRequest, "in the future");
        await AssertProblemAsync(await CreateCouponAsync(admin, Coupon("x!", 10, 1)), HttpStatusCode.BadRequest, "coupon code");
        await AssertProblemAsync(await admin.GetAsync($"/api/coupons/{NewCouponCode()}"), HttpStatusCode.NotFound, "does not exist");
    }

    [Fact]
    public async Task Applying_a_coupon_must_discount_the_invoice_once_per_redemption_key()
    {
        using var admin = fixture.Node.ClientWithToken(TestNode.AdminToken);
        using var user = await UserAsync();
        var (percent, fixedAmount) = (NewCouponCode(), NewCouponCode());
        Assert.Equal(HttpStatusCode.Created, (await CreateCouponAsync(admin, Coupon(percent, 20, 5))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await CreateCouponAsync(admin, Coupon(fixedAmount, 0, 5, kind: "FixedAmount", amountOffMinor: 100))).StatusCode);
        var invoiceId = IdOf(await user.SubscribedInvoiceAsync("standard"));

        await AssertProblemAsync(await user.ApplyCouponAsync(invoiceId, NewCouponCode(), NewKey()), HttpStatusCode.NotFound, "does not exist");
        await AssertProblemAsync(await user.ApplyCouponAsync(invoiceId, percent, key: null), HttpStatusCode.BadRequest, "Idempotency-Key");
        await AssertProblemAsync(await user.ApplyCouponAsync(invoiceId, "no spaces!", NewKey()), HttpStatusCode.BadRequest, "coupon code");
        await AssertProblemAsync(await user.ApplyCouponAsync("INV-999999", percent, NewKey()), HttpStatusCode.NotFound, "INV-999999 not found");

        var key = NewKey();
        var discounted = await JsonAsync(await user.ApplyCouponAsync(invoiceId, percent.ToLowerInvariant(), key), HttpStatusCode.OK);
        // 20 % of 1549 = 309.8, rounded down to a whole cent.
        Assert.Equal((percent, 309L, Standard - 309), (Text(discounted, "couponCode"),
            Minor(discounted, "discountMinor"), Minor(discounted, "totalMinor")));
        Assert.Equal(discounted.GetRawText(), (await JsonAsync(await user.ApplyCouponAsync(invoiceId, percent, key), HttpStatusCode.OK)).GetRawText());
        Assert.Equal(discounted.GetRawText(), (await user.GetAsync($"{user.Billing}/invoices/{invoiceId}")).GetRawText());
        Assert.Equal(1, (await JsonAsync(await admin.GetAsync($"/api/coupons/{percent}"), HttpStatusCode.OK)).GetProperty("redeemed").GetInt32());
        await AssertProblemAsync(await user.ApplyCouponAsync(invoiceId, fixedAmount, NewKey()), HttpStatusCode.Conflict, "already has coupon");

        var title = await user.TitleInvoiceIdAsync("title-9");
        var fixedOff = await JsonAsync(await user.ApplyCouponAsync(title, fixedAmount, NewKey()), HttpStatusCode.OK);
        Assert.Equal((100L, TitlePrice - 100), (Minor(fixedOff, "discountMinor"), Minor(fixedOff, "totalMinor")));
        Assert.Equal(Standard - 309 + TitlePrice - 100, (await user.GetAsync(user.Billing)).GetProperty("balanceMinor").GetInt64());
    }

    [Fact]
    public async Task An_exhausted_coupon_must_be_refused_with_409_and_not_count_the_refusal()
    {
        using var admin = fixture.Node.ClientWithToken(TestNode.AdminToken);
        var code = NewCouponCode();
        Assert.Equal(HttpStatusCode.Created, (await CreateCouponAsync(admin, Coupon(code, 50, 1))).StatusCode);
        using var first = await UserAsync();
        using var second = await UserAsync();
        var firstInvoice = IdOf(await first.SubscribedInvoiceAsync("basic"));
        var secondInvoice = IdOf(await second.SubscribedInvoiceAsync("basic"));

        var discounted = await JsonAsync(await first.ApplyCouponAsync(firstInvoice, code, NewKey()), HttpStatusCode.OK);
        Assert.Equal(399, Minor(discounted, "discountMinor")); // 50 % of 799, rounded down
        await AssertProblemAsync(await second.ApplyCouponAsync(secondInvoice, code, NewKey()), HttpStatusCode.Conflict, "fully redeemed");
        Assert.Equal(799, Minor(await second.GetAsync($"{second.Billing}/invoices/{secondInvoice}"), "totalMinor"));
        Assert.Equal(1, (await JsonAsync(await admin.GetAsync($"/api/coupons/{code}"), HttpStatusCode.OK)).GetProperty("redeemed").GetInt32());
    }

    [Fact]
    public async Task Paying_must_charge_once_per_key_settle_the_invoice_and_keep_the_balance_exact()
    {
        using var user = await UserAsync();
        var invoiceId = IdOf(await user.SubscribedInvoiceAsync("standard"));
        var titleId = await user.TitleInvoiceIdAsync("title-1");
        await AssertProblemAsync(await user.PayAsync(invoiceId, key: null), HttpStatusCode.BadRequest, "Idempotency-Key header is required");
        await AssertProblemAsync(await user.PayAsync("INV-999999", NewKey()), HttpStatusCode.NotFound, "not found");
        await AssertProblemAsync(await user.PayAsync("not%20an%20id", NewKey()), HttpStatusCode.BadRequest, "not a valid id");

        var key = NewKey();
        var response = await user.PayAsync(invoiceId, key);
        var receipt = await JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal($"{user.Billing}/payments", response.Headers.Location!.ToString());
        var payment = receipt.GetProperty("payment");
        Assert.Equal((key, invoiceId, Standard, "4242", "Succeeded"), (Text(payment, "key"), Text(payment, "invoiceId"),
            Minor(payment, "amountMinor"), Text(payment, "cardLast4"), Text(payment, "status")));
        Assert.StartsWith("ch_", Text(payment, "chargeId"));
        var invoice = receipt.GetProperty("invoice");
        Assert.Equal(("Paid", Standard, 0L), (Text(invoice, "status"), Minor(invoice, "amountPaidMinor"), Minor(invoice, "amountDueMinor")));

        Assert.Equal(receipt.GetRawText(), (await JsonAsync(await user.PayAsync(invoiceId, key), HttpStatusCode.Created)).GetRawText());
        var history = await user.GetAsync($"{user.Billing}/payments");
        var only = Assert.Single(history.GetProperty("payments").EnumerateArray());
        Assert.Equal(payment.GetRawText(), only.GetRawText());
        Assert.Equal((Standard, TitlePrice), (Minor(history, "totalPaidMinor"), Minor(history, "balanceMinor")));
        var account = await user.GetAsync(user.Billing);
        Assert.Equal((TitlePrice, TitlePrice, 1L), (Minor(account, "amountDueMinor"), Minor(account, "balanceMinor"), Minor(account, "openInvoices")));

        await AssertProblemAsync(await user.PayAsync(invoiceId, NewKey()), HttpStatusCode.Conflict, "is paid; nothing to pay");
        await AssertProblemAsync(await user.PayAsync(titleId, key), HttpStatusCode.Conflict, $"already used to pay invoice {invoiceId}");
    }

    [Fact]
    public async Task A_declined_card_must_answer_402_with_the_reason_and_charge_nothing()
    {
        using var user = await UserAsync(DecliningCard);
        var invoiceId = IdOf(await user.SubscribedInvoiceAsync("premium"));
        var key = NewKey();
        await AssertProblemAsync(await user.PayAsync(invoiceId, key), HttpStatusCode.PaymentRequired, "insufficient funds");
        await AssertProblemAsync(await user.PayAsync(invoiceId, key), HttpStatusCode.PaymentRequired, "insufficient funds");

        var history = await user.GetAsync($"{user.Billing}/payments");
        var declined = Assert.Single(history.GetProperty("payments").EnumerateArray());
        Assert.Equal(("Declined", "insufficient funds"), (Text(declined, "status"), Text(declined, "failureReason")));
        Assert.Equal((0L, Premium), (Minor(history, "totalPaidMinor"), Minor(history, "balanceMinor")));
        Assert.Equal("Open", (await user.GetAsync($"{user.Billing}/invoices/{invoiceId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_gateway_that_never_answers_must_answer_503_and_the_payment_can_be_cancelled_and_made_with_another_card()
    {
        using var user = await UserAsync(SilentCard);
        var invoiceId = IdOf(await user.SubscribedInvoiceAsync("standard"));
        var (stuck, next) = (NewKey(), NewKey());
        await AssertProblemAsync(await user.PayAsync(invoiceId, stuck), HttpStatusCode.ServiceUnavailable, "did not answer");
        var pending = Assert.Single((await user.GetAsync($"{user.Billing}/payments")).GetProperty("payments").EnumerateArray());
        Assert.Equal(("Pending", Standard), (Text(pending, "status"), Minor(pending, "amountMinor")));
        await AssertProblemAsync(await user.PayAsync(invoiceId, next), HttpStatusCode.Conflict, "in progress");

        var cancelled = await JsonAsync(await user.CancelPaymentAsync(stuck), HttpStatusCode.OK);
        Assert.Equal(("Cancelled", "0119"), (Text(cancelled, "status"), Text(cancelled, "cardLast4")));
        Assert.Equal(cancelled.GetRawText(), (await JsonAsync(await user.CancelPaymentAsync(stuck), HttpStatusCode.OK)).GetRawText());
        await AssertProblemAsync(await user.CancelPaymentAsync(NewKey()), HttpStatusCode.NotFound, "no payment");
        await AssertProblemAsync(await user.PayAsync(invoiceId, stuck), HttpStatusCode.Conflict, "was cancelled");

        var good = await user.AddCardAsync(ApprovingCard, makeDefault: false);
        Assert.Equal("0119", Text((await user.GetAsync(user.Billing)).GetProperty("paymentCard"), "last4"));
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PutAsync($"/api/users/{user.UserId}/cards/{good}/default", null)).StatusCode);
        Assert.Equal("4242", Text((await user.GetAsync(user.Billing)).GetProperty("paymentCard"), "last4"));

        var receipt = await JsonAsync(await user.PayAsync(invoiceId, next), HttpStatusCode.Created);
        var paid = receipt.GetProperty("invoice");
        Assert.Equal(("Paid", Standard, "4242"), (Text(paid, "status"), Minor(paid, "amountPaidMinor"), Text(receipt.GetProperty("payment"), "cardLast4")));
        var history = await user.GetAsync($"{user.Billing}/payments");
        Assert.Equal([(stuck, "Cancelled"), (next, "Succeeded")],
            history.GetProperty("payments").EnumerateArray().Select(p => (Text(p, "key"), Text(p, "status"))));
        Assert.Equal((Standard, 0L), (Minor(history, "totalPaidMinor"), Minor(history, "balanceMinor")));
    }

    [Fact]
    public async Task Paying_without_a_card_must_answer_402_and_record_nothing()
    {
        using var user = await UserAsync(card: null);
        var invoiceId = IdOf(await user.SubscribedInvoiceAsync("basic"));
        await AssertProblemAsync(await user.PayAsync(invoiceId, NewKey()), HttpStatusCode.PaymentRequired, "has no payment card");
        Assert.Empty((await user.GetAsync($"{user.Billing}/payments")).GetProperty("payments").EnumerateArray());
    }

    [Fact]
    public async Task The_journal_must_never_contain_a_card_number()
    {
        foreach (var card in new[] { ApprovingCard, DecliningCard })
        {
            using var user = await UserAsync(card);
            var invoiceId = IdOf(await user.SubscribedInvoiceAsync("basic"));
            Assert.NotEqual(HttpStatusCode.ServiceUnavailable, (await user.PayAsync(invoiceId, NewKey())).StatusCode);
        }
        var journal = await fixture.JournalBytesAsync();
        Assert.Contains("4242", journal); // the last four digits are kept: the journal is really read
        foreach (var number in new[] { ApprovingCard, DecliningCard, SilentCard }) Assert.DoesNotContain(number, journal);
    }

    private static string IdOf(JsonElement invoice) => Text(invoice, "invoiceId")!;

    private static string? Text(JsonElement json, string property) => json.GetProperty(property).GetString();

    private static long Minor(JsonElement json, string property) => json.GetProperty(property).GetInt64();

    private static Task<HttpResponseMessage> CreateCouponAsync(HttpClient admin, object coupon) => admin.PostAsJsonAsync("/api/coupons", coupon);

    private static int WholeDays(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (int)(span.Ticks / TimeSpan.TicksPerDay);

    private static string NewCouponCode() => $"SAVE-{Guid.NewGuid():N}"[..17].ToUpperInvariant();

    private static object Coupon(string code, int percentOff, int maxRedemptions, string kind = "Percent", long amountOffMinor = 0,
        DateTimeOffset? expiresAt = null) =>
        new { code, kind, percentOff, amountOffMinor, currency = kind == "FixedAmount" ? "USD" : null, expiresAt = expiresAt ?? Expiry, maxRedemptions };

    /// <summary>One expiry for every coupon, so a repeated definition is the same definition.</summary>
    private static readonly DateTimeOffset Expiry = DateTimeOffset.UtcNow.AddDays(30);
}
