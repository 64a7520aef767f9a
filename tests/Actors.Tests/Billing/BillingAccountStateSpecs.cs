using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Billing.Support;
using static MediaPlatform.Actors.Tests.Billing.Support.PureAccount;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>Pure rules of a billing account: opening, the view, the card, invoices (listing, reading, voiding).</summary>
public sealed class BillingAccountStateSpecs
{
    [Fact]
    public void Open_must_create_an_empty_account_owned_by_the_user()
    {
        var account = new PureAccount(open: false);
        var view = account.Do<BillingAccountView>(new OpenBillingAccount(Id, Id, "USD"));

        Assert.Equal(new BillingAccountView(Id, Id, "USD", null, SubscriptionStatus.None, null, null, false, 0, 0, 0, null, 0), view);
        Assert.IsType<BillingAccountOpened>(Assert.Single(account.LastEvents));
    }

    [Fact]
    public void Open_repeated_with_the_same_owner_and_currency_must_answer_the_account_and_persist_nothing()
    {
        var account = new PureAccount();
        var view = account.Do<BillingAccountView>(new OpenBillingAccount(Id, Id, "USD"));
        Assert.Empty(account.LastEvents);
        Assert.Equal(Id, view.OwnerUserId);
    }

    [Fact]
    public void Open_of_an_open_account_with_another_owner_or_currency_must_be_a_conflict()
    {
        var account = new PureAccount();
        account.Refuse(new OpenBillingAccount(Id, "someone-else", "USD"), RejectionKind.Conflict);
        account.Refuse(new OpenBillingAccount(Id, Id, "EUR"), RejectionKind.Conflict);
    }

    [Theory]
    [InlineData("someone-else", "USD")] // the account id must be the owner's user id
    [InlineData("", "USD")]
    [InlineData(Id, "usd")]
    [InlineData(Id, "US")]
    [InlineData(Id, "EUR")]              // well-formed, but no plan is priced in it
    public void Open_with_a_bad_owner_or_currency_must_be_invalid(string owner, string currency) =>
        new PureAccount(open: false).Refuse(new OpenBillingAccount(Id, owner, currency), RejectionKind.Invalid);

    [Fact]
    public void Every_command_but_open_must_be_not_found_before_the_account_is_opened()
    {
        var account = new PureAccount(open: false);
        IBillingAccountCommand[] commands =
        [
            new GetBillingAccount(Id), new SubscribeToPlan(Id, "basic", "k"), new ChangeSubscriptionPlan(Id, "basic", "k"),
            new CancelSubscription(Id), new ResumeSubscription(Id), new AdvanceBillingPeriod(Id), new SetBillingCard(Id, BillingSamples.Card()),
            new PurchaseTitle(Id, "t", 1, "USD", "k"), new ApplyCouponToInvoice(Id, "INV-000001", "SAVE10", "r"), new VoidInvoice(Id, "INV-000001"),
            new ListInvoices(Id), new GetInvoice(Id, "INV-000001"), new PayInvoice(Id, "INV-000001", "k"), new CancelPayment(Id, "k"),
            new GetPaymentHistory(Id),
        ];
        Assert.All(commands, c => account.Refuse(c, RejectionKind.NotFound));
    }

    [Fact]
    public void Set_card_must_keep_the_card_and_show_it_without_its_token()
    {
        var account = new PureAccount();
        var view = account.SetCard();
        Assert.Equal(new BillingCardView("card_1", "Visa", "4242", 12, 2030), view.PaymentCard);
        Assert.Equal(BillingSamples.Card(), account.State.Card);
        Assert.DoesNotContain("tok_", System.Text.Json.JsonSerializer.Serialize(view));
    }

    [Fact]
    public void Set_card_repeated_must_persist_nothing_and_a_different_card_must_replace_it()
    {
        var account = new PureAccount();
        account.SetCard();
        account.SetCard();
        Assert.Empty(account.LastEvents);
        var view = account.SetCard(BillingSamples.Card("1111", "card_2"));
        Assert.Equal("card_2", view.PaymentCard!.CardId);
    }

    public static TheoryData<BillingCard> BadCards() => new()
    {
        BillingSamples.Card() with { CardId = "" },
        BillingSamples.Card() with { Token = "" },
        BillingSamples.Card() with { Token = new string('t', 129) },
        BillingSamples.Card() with { Brand = " " },
        BillingSamples.Card() with { Last4 = "42a2" },
        BillingSamples.Card() with { Last4 = "42424" },
        BillingSamples.Card() with { ExpiryMonth = 13 },
        BillingSamples.Card() with { ExpiryYear = 1999 },
        BillingSamples.Card() with { ExpiryMonth = 12, ExpiryYear = 2025 }, // expired before 10 Jan 2026
    };

    [Theory]
    [MemberData(nameof(BadCards))]
    public void Set_card_with_a_malformed_or_expired_card_must_be_invalid(BillingCard card) =>
        new PureAccount().Refuse(new SetBillingCard(Id, card), RejectionKind.Invalid);

    [Fact]
    public void Set_card_without_a_card_must_be_invalid() =>
        new PureAccount().Refuse(new SetBillingCard(Id, null!), RejectionKind.Invalid);

    [Fact]
    public void List_and_get_must_show_every_invoice_with_its_totals()
    {
        var account = new PureAccount();
        account.Subscribe();
        account.Buy();

        var list = account.Do<InvoiceList>(new ListInvoices(Id));
        Assert.Equal(["INV-000001", "INV-000002"], list.Invoices.Select(i => i.InvoiceId));
        var title = account.Do<InvoiceView>(new GetInvoice(Id, "INV-000002"));
        Assert.Equal((OrderKind.TitlePurchase, "title-1", 499L, 499L, 0L, 499L, InvoiceStatus.Open),
            (title.Kind, title.Reference, title.SubtotalMinor, title.TotalMinor, title.AmountPaidMinor, title.AmountDueMinor, title.Status));
        Assert.Empty(account.LastEvents);
    }

    [Fact]
    public void Get_of_an_unknown_invoice_must_be_not_found() =>
        new PureAccount().Refuse(new GetInvoice(Id, "INV-000009"), RejectionKind.NotFound);

    [Fact]
    public void Balance_must_be_the_exact_sum_of_what_open_invoices_still_ask()
    {
        var account = new PureAccount();
        account.SubscribeUnpaid("standard");
        account.Buy("t1", 499, "b1");
        account.Buy("t2", 1, "b2");
        Assert.Equal((1549L + 499 + 1, 3), (account.View.BalanceMinor, account.View.OpenInvoices));
    }

    [Fact]
    public void Void_must_close_an_open_invoice_so_it_no_longer_counts_towards_the_balance()
    {
        var account = new PureAccount();
        account.Buy();
        var voided = account.Do<InvoiceView>(new VoidInvoice(Id, "INV-000001"));
        Assert.Equal(InvoiceStatus.Void, voided.Status);
        Assert.Equal(0, voided.AmountDueMinor);
        Assert.Equal(0, account.View.BalanceMinor);

        account.Do<InvoiceView>(new VoidInvoice(Id, "INV-000001"));
        Assert.Empty(account.LastEvents);
    }

    [Fact]
    public void Void_must_return_the_account_credit_the_invoice_had_used()
    {
        var account = new PureAccount();
        account.SetCard();
        account.Subscribe("premium");
        account.Now = BillingSamples.Start.AddDays(10);
        account.Do<OrderPlaced>(new ChangeSubscriptionPlan(Id, "basic", "down")); // a credit
        var credit = account.View.CreditMinor;
        Assert.True(credit > 0);

        var bought = account.Buy("t", 100, "b");
        Assert.Equal(100, bought.Invoice.CreditAppliedMinor);
        Assert.Equal(credit - 100, account.View.CreditMinor);
        Assert.Equal(InvoiceStatus.Paid, bought.Invoice.Status); // covered by credit: nothing to collect

        var second = account.Buy("t2", credit + 50, "b2");
        Assert.Equal(credit - 100, second.Invoice.CreditAppliedMinor);
        account.Do<InvoiceView>(new VoidInvoice(Id, second.Invoice.InvoiceId));
        Assert.Equal(credit - 100, account.View.CreditMinor);
    }

    [Fact]
    public void Void_of_a_paid_invoice_or_one_with_a_payment_in_progress_must_be_a_conflict()
    {
        var account = new PureAccount();
        account.SetCard();
        account.Buy("t1", 100, "b1");
        account.Buy("t2", 200, "b2");
        account.PayApproved("INV-000001");
        account.StartPayment("INV-000002", "pay-2");

        account.Refuse(new VoidInvoice(Id, "INV-000001"), RejectionKind.Conflict);
        account.Refuse(new VoidInvoice(Id, "INV-000002"), RejectionKind.Conflict);
    }

    [Fact]
    public void Void_of_an_unknown_invoice_must_be_not_found() =>
        new PureAccount().Refuse(new VoidInvoice(Id, "INV-000001"), RejectionKind.NotFound);
}
