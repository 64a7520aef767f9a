using System.Globalization;
using Akka.Persistence.Query;
using MediaPlatform.Actors.Billing;

namespace MediaPlatform.Actors.Projections.Billing;

/// <summary>
/// The billing read model, from the "billing" tag: revenue (card payments that succeeded, by the day they did and the
/// plan of the invoice they paid), account credit granted by downgrades, payment outcomes, and the dunning funnel of
/// renewal invoices. Counters are added to, never recomputed, which is safe only because the runner applies each event
/// exactly once (rows and offset in one transaction) and a rebuild empties every table first.
/// </summary>
public sealed class BillingProjection : IProjection
{
    public const string ProjectionName = "billing";
    public const string TitlePurchasePlan = "title-purchase";

    public string Name => ProjectionName;

    public string Tag => BillingEventTagger.Tag;

    public async Task CreateTablesAsync(ReadModelSession session, CancellationToken cancellationToken)
    {
        foreach (var ddl in BillingSchema.Ddl(session.Dialect)) await session.ExecuteAsync(ddl, cancellationToken);
    }

    public async Task ResetAsync(ReadModelSession session, CancellationToken cancellationToken)
    {
        foreach (var table in BillingSchema.Tables) await session.ExecuteAsync($"DELETE FROM {table}", cancellationToken);
    }

    public Task ApplyAsync(ReadModelSession session, EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var account = AccountId(envelope.PersistenceId);
        return envelope.Event switch
        {
            InvoiceIssued e => InvoiceAsync(session, account, e.Invoice, cancellationToken),
            PaymentStarted e when AttemptOf(e.Key, e.InvoiceId) >= 2 => RetriedAsync(session, account, e.InvoiceId, cancellationToken),
            PaymentSucceeded e => SucceededAsync(session, account, e, cancellationToken),
            PaymentDeclined e => FailedAsync(session, account, e.Key, e.InvoiceId, "declined", e.At, cancellationToken),
            PaymentRefused e => FailedAsync(session, account, e.Key, e.InvoiceId, "refused", e.At, cancellationToken),
            PaymentCancelled e => OutcomeAsync(session, "cancelled", e.At, cancellationToken),
            SubscriptionSuspended e => session.ExecuteAsync(
                "UPDATE billing_dunning SET cancelled_day = @day WHERE account_id = @account AND invoice_id = @invoice AND cancelled_day IS NULL",
                cancellationToken, ("day", Day(e.At)), ("account", account), ("invoice", e.InvoiceId)),
            _ => Task.CompletedTask,
        };
    }

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string AccountId(string persistenceId) =>
        persistenceId.StartsWith(BillingAccountEntity.PersistenceIdPrefix, StringComparison.Ordinal)
            ? persistenceId[BillingAccountEntity.PersistenceIdPrefix.Length..]
            : persistenceId;

    /// <summary>The attempt number of an automatic renewal payment (key auto-{invoice}-{n}); 0 for a payment the client made.</summary>
    public static int AttemptOf(string key, string invoiceId)
    {
        var prefix = $"{BillingAccountState.AutoPaymentKeyPrefix}{invoiceId}-";
        return key.StartsWith(prefix, StringComparison.Ordinal) && int.TryParse(key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : 0;
    }

    private static async Task InvoiceAsync(ReadModelSession session, string account, Invoice invoice, CancellationToken ct)
    {
        var plan = invoice.Kind == OrderKind.TitlePurchase ? TitlePurchasePlan : invoice.Reference;
        await session.ExecuteAsync("""
            INSERT INTO billing_invoices (account_id, invoice_id, kind, plan_id, currency) VALUES (@account, @invoice, @kind, @plan, @currency)
            ON CONFLICT (account_id, invoice_id) DO NOTHING
            """, ct, ("account", account), ("invoice", invoice.InvoiceId), ("kind", invoice.Kind.ToString()), ("plan", plan),
            ("currency", invoice.Currency));
        // A negative total (a downgrade's unused time) becomes account credit.
        if (invoice.TotalMinor < 0) await DailyAsync(session, Day(invoice.IssuedAt), plan, invoice.Currency, 0, -invoice.TotalMinor, 0, ct);
    }

    private static async Task SucceededAsync(ReadModelSession session, string account, PaymentSucceeded e, CancellationToken ct)
    {
        var rows = await session.QueryAsync("SELECT plan_id, currency FROM billing_invoices WHERE account_id = @account AND invoice_id = @invoice",
            r => (Plan: r.GetString(0), Currency: r.GetString(1)), ct, ("account", account), ("invoice", e.InvoiceId));
        // An invoice issued before billing events were tagged is not in the read model: its plan is unknown.
        var (plan, currency) = rows.Count > 0 ? rows[0] : ("unknown", "");
        await DailyAsync(session, Day(e.At), plan, currency, e.AmountMinor, 0, 1, ct);
        await OutcomeAsync(session, "succeeded", e.At, ct);
        await session.ExecuteAsync("""
            UPDATE billing_dunning SET recovered_day = @day
            WHERE account_id = @account AND invoice_id = @invoice AND recovered_day IS NULL AND cancelled_day IS NULL
            """, ct, ("day", Day(e.At)), ("account", account), ("invoice", e.InvoiceId));
    }

    private static async Task FailedAsync(ReadModelSession session, string account, string key, string invoiceId, string result, DateTimeOffset at,
        CancellationToken ct)
    {
        await OutcomeAsync(session, result, at, ct);
        switch (AttemptOf(key, invoiceId))
        {
            case 1:
                await session.ExecuteAsync("""
                    INSERT INTO billing_dunning (account_id, invoice_id, entered_day) VALUES (@account, @invoice, @day)
                    ON CONFLICT (account_id, invoice_id) DO NOTHING
                    """, ct, ("account", account), ("invoice", invoiceId), ("day", Day(at)));
                break;
            case >= 2 when result == "refused": // a refused attempt is never started at the gateway: it retries here
                await RetriedAsync(session, account, invoiceId, ct);
                break;
        }
    }

    private static Task RetriedAsync(ReadModelSession session, string account, string invoiceId, CancellationToken ct) =>
        session.ExecuteAsync("UPDATE billing_dunning SET retried = 1 WHERE account_id = @account AND invoice_id = @invoice", ct,
            ("account", account), ("invoice", invoiceId));

    private static Task OutcomeAsync(ReadModelSession session, string result, DateTimeOffset at, CancellationToken ct) =>
        session.ExecuteAsync("""
            INSERT INTO billing_payment_outcomes (day, result, attempts) VALUES (@day, @result, 1)
            ON CONFLICT (day, result) DO UPDATE SET attempts = billing_payment_outcomes.attempts + 1
            """, ct, ("day", Day(at)), ("result", result));

    private static Task DailyAsync(ReadModelSession session, string day, string plan, string currency, long revenue, long credits, long payments,
        CancellationToken ct) =>
        session.ExecuteAsync("""
            INSERT INTO billing_daily (day, plan_id, currency, revenue_minor, credits_minor, payments) VALUES (@day, @plan, @currency, @revenue, @credits, @payments)
            ON CONFLICT (day, plan_id, currency) DO UPDATE SET revenue_minor = billing_daily.revenue_minor + excluded.revenue_minor,
              credits_minor = billing_daily.credits_minor + excluded.credits_minor, payments = billing_daily.payments + excluded.payments
            """, ct, ("day", day), ("plan", plan), ("currency", currency), ("revenue", revenue), ("credits", credits), ("payments", payments));
}
