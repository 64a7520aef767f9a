namespace MediaPlatform.Actors.Projections.Billing;

/// <summary>
/// The billing read tables. billing_invoices: each invoice's plan (for attributing its payments); billing_daily: per
/// UTC day × plan × currency, card revenue, account credit granted (downgrades) and payments taken; billing_payment_outcomes:
/// per day, payment attempts by result; billing_dunning: one row per renewal invoice whose first automatic attempt
/// failed, with how far it went (retried, recovered, cancelled). Days are "yyyy-MM-dd" text, so ranges compare as text.
/// </summary>
public static class BillingSchema
{
    public static IReadOnlyList<string> Ddl(ReadModelDialect dialect)
    {
        var (integer, text) = dialect == ReadModelDialect.Sqlite ? ("INTEGER", "TEXT") : ("bigint", "text");
        return
        [
            $"""
            CREATE TABLE IF NOT EXISTS billing_invoices (account_id {text} NOT NULL, invoice_id {text} NOT NULL, kind {text} NOT NULL,
              plan_id {text} NOT NULL, currency {text} NOT NULL, PRIMARY KEY (account_id, invoice_id))
            """,
            $"""
            CREATE TABLE IF NOT EXISTS billing_daily (day {text} NOT NULL, plan_id {text} NOT NULL, currency {text} NOT NULL,
              revenue_minor {integer} NOT NULL DEFAULT 0, credits_minor {integer} NOT NULL DEFAULT 0, payments {integer} NOT NULL DEFAULT 0,
              PRIMARY KEY (day, plan_id, currency))
            """,
            $"""
            CREATE TABLE IF NOT EXISTS billing_payment_outcomes (day {text} NOT NULL, result {text} NOT NULL, attempts {integer} NOT NULL,
              PRIMARY KEY (day, result))
            """,
            $"""
            CREATE TABLE IF NOT EXISTS billing_dunning (account_id {text} NOT NULL, invoice_id {text} NOT NULL, entered_day {text} NOT NULL,
              retried {integer} NOT NULL DEFAULT 0, recovered_day {text}, cancelled_day {text}, PRIMARY KEY (account_id, invoice_id))
            """,
            "CREATE INDEX IF NOT EXISTS billing_dunning_entered ON billing_dunning (entered_day)",
        ];
    }

    public static readonly IReadOnlyList<string> Tables = ["billing_invoices", "billing_daily", "billing_payment_outcomes", "billing_dunning"];
}
