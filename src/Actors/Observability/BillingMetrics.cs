using System.Diagnostics.Metrics;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Payments;

namespace MediaPlatform.Actors.Observability;

/// <summary>Orders, payments by the gateway's answer, dunning attempts and suspensions. Labels are enumerations only.</summary>
public static class BillingMetrics
{
    private static readonly Meter Meter = new(MeterNames.Billing);

    private static readonly Counter<long> Orders = Meter.CreateCounter<long>(
        "media_platform.billing.orders", "{order}", "Invoices issued, by kind: subscription, plan_change, renewal, title_purchase.");

    private static readonly Counter<long> Payments = Meter.CreateCounter<long>(
        "media_platform.billing.payments", "{payment}", "Payment gateway answers, by outcome: charged, declined, gateway_silent (time-out or error; retried with the same key), voided.");

    private static readonly Counter<long> DunningAttempts = Meter.CreateCounter<long>(
        "media_platform.billing.dunning.attempts", "{attempt}", "Renewal collections the billing cycle made, by outcome: charged, declined.");

    private static readonly Counter<long> Suspensions = Meter.CreateCounter<long>(
        "media_platform.billing.suspensions", "{account}", "Subscriptions suspended after the dunning policy's last failed attempt.");

    public static void InvoiceIssued(OrderKind kind) =>
        Orders.Add(1, new KeyValuePair<string, object?>("kind", kind switch
        {
            OrderKind.Subscription => "subscription",
            OrderKind.PlanChange => "plan_change",
            OrderKind.Renewal => "renewal",
            OrderKind.TitlePurchase => "title_purchase",
            _ => "other",
        }));

    public static void GatewayAnswered(GatewayOutcome outcome) =>
        Payments.Add(1, new KeyValuePair<string, object?>("outcome", outcome switch
        {
            GatewayOutcome.Approved => "charged",
            GatewayOutcome.Declined => "declined",
            GatewayOutcome.Voided => "voided",
            _ => "gateway_silent",
        }));

    /// <summary>One answer to the billing cycle's CollectRenewalPayment; answers that made no attempt are not counted.</summary>
    public static void RenewalCollected(object answer)
    {
        var outcome = answer switch
        {
            PaymentReceipt => "charged",
            Entities.Rejection { Kind: Entities.RejectionKind.PaymentFailed } => "declined",
            RenewalCollection { Outcome: CollectionOutcome.Declined } => "declined",
            _ => null,
        };
        if (outcome is not null) DunningAttempts.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }

    public static void Suspended() => Suspensions.Add(1);
}
