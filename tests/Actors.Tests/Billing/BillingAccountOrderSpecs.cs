using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Entities;
using MediaPlatform.Actors.Tests.Billing.Support;
using static MediaPlatform.Actors.Tests.Billing.Support.PureAccount;

namespace MediaPlatform.Actors.Tests.Billing;

/// <summary>Pure rules of title purchases: an order becomes one invoice; its key makes it idempotent.</summary>
public sealed class BillingAccountOrderSpecs
{
    [Fact]
    public void Purchase_must_issue_an_invoice_with_one_line_for_the_title()
    {
        var account = new PureAccount();
        var order = account.Buy("title-42", 399, "b1");

        Assert.Equal(("b1", "INV-000001", OrderKind.TitlePurchase, "title-42"), (order.OrderKey, order.Invoice.InvoiceId, order.Invoice.Kind, order.Invoice.Reference));
        Assert.Equal(new InvoiceLine("Title title-42", 399), Assert.Single(order.Invoice.Lines));
        Assert.Equal((399L, 399L, 399L), (order.Invoice.TotalMinor, order.Invoice.AmountDueMinor, order.Account.BalanceMinor));
        Assert.IsType<InvoiceIssued>(Assert.Single(account.LastEvents));
    }

    [Fact]
    public void Purchase_repeated_with_the_same_key_must_answer_the_first_order_and_persist_nothing()
    {
        var account = new PureAccount();
        var first = account.Buy("title-42", 399, "b1");
        var again = account.Buy("title-42", 399, "b1");
        Assert.Empty(account.LastEvents);
        Assert.Equal(first.Invoice.InvoiceId, again.Invoice.InvoiceId);
        Assert.Single(account.State.Invoices);
    }

    [Fact]
    public void Purchase_with_a_key_used_for_a_different_title_or_price_must_be_unprocessable()
    {
        var account = new PureAccount();
        account.Buy("title-42", 399, "b1");
        account.Refuse(new PurchaseTitle(Id, "title-43", 399, "USD", "b1"), RejectionKind.Unprocessable);
        account.Refuse(new PurchaseTitle(Id, "title-42", 499, "USD", "b1"), RejectionKind.Unprocessable);
    }

    [Fact]
    public void Purchase_of_a_title_already_ordered_must_be_a_conflict_unless_that_invoice_was_voided()
    {
        var account = new PureAccount();
        account.Buy("title-42", 399, "b1");
        account.Refuse(new PurchaseTitle(Id, "title-42", 399, "USD", "b2"), RejectionKind.Conflict);
        account.Do<InvoiceView>(new VoidInvoice(Id, "INV-000001"));
        Assert.Equal("INV-000002", account.Buy("title-42", 399, "b2").Invoice.InvoiceId);
    }

    [Theory]
    [InlineData("t", 0, "USD", "k")]
    [InlineData("t", -5, "USD", "k")]
    [InlineData("t", BillingAccountState.MaxTitlePriceMinor + 1, "USD", "k")]
    [InlineData("t", 100, "EUR", "k")]
    [InlineData("", 100, "USD", "k")]
    [InlineData("title with spaces", 100, "USD", "k")]
    [InlineData("t", 100, "USD", "")]
    public void Purchase_with_a_bad_title_price_currency_or_key_must_be_invalid(string title, long price, string currency, string key) =>
        new PureAccount().Refuse(new PurchaseTitle(Id, title, price, currency, key), RejectionKind.Invalid);

    [Fact]
    public void Invoice_numbers_must_be_consecutive_across_every_kind_of_order()
    {
        var account = new PureAccount();
        account.Subscribe("basic", "s");
        account.Buy("a", 100, "b1");
        account.Order(new ChangeSubscriptionPlan(Id, "premium", "c"));
        Assert.Equal([1, 2, 3], account.State.Invoices.Select(i => i.Number));
        Assert.Equal(["INV-000001", "INV-000002", "INV-000003"], account.State.Invoices.Select(i => i.InvoiceId));
    }
}
