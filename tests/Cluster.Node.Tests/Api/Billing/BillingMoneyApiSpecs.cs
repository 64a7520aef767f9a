using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Node.Tests.Support;
using static MediaPlatform.Node.Tests.Api.Billing.BillingApiClient;
using static MediaPlatform.Node.Tests.Api.Billing.BillingJson;

namespace MediaPlatform.Node.Tests.Api.Billing;

/// <summary>
/// The coupon and payment routes through the real HTTP host: coupons created by an admin and redeemed on invoices,
/// payments approved, declined or unanswered by the built-in gateway — every amount exact, every charge once per key.
/// </summary>
public sealed class BillingMoneyApiSpecs(NodeFixture fixture) : IClassFixture<NodeFixture>
{
    private Task<BillingApiClient> UserAsync(string? card = ApprovingCard) => SignUpAsync(fixture.Node, card);

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
        using var user = await UserAsync(card: null); // the subscription's invoice stays open for the coupon
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

        var title = await user.TitleInvoiceIdAsync(await BillingTitles.PublishedAsync(fixture.Node));
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
        using var first = await UserAsync(card: null);
        using var second = await UserAsync(card: null);
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
        using var user = await UserAsync(card: null);
        var invoiceId = IdOf(await user.SubscribedInvoiceAsync("standard")); // pending until paid
        await user.AddCardAsync(ApprovingCard, makeDefault: true);
        var titleId = await user.TitleInvoiceIdAsync(await BillingTitles.PublishedAsync(fixture.Node));
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
        await AssertProblemAsync(await user.PayAsync(titleId, key), HttpStatusCode.UnprocessableEntity, $"already used to pay invoice {invoiceId}");
    }

    [Fact]
    public async Task A_declined_card_must_answer_402_with_the_reason_and_charge_nothing()
    {
        using var user = await UserAsync(card: null);
        var invoiceId = IdOf(await user.SubscribedInvoiceAsync("premium"));
        await user.AddCardAsync(DecliningCard, makeDefault: true);
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
        using var user = await UserAsync(card: null);
        var invoiceId = IdOf(await user.SubscribedInvoiceAsync("standard"));
        await user.AddCardAsync(SilentCard, makeDefault: true);
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
}
