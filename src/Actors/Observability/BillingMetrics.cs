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

    private static readonly Counter<long> OrdersRetried = Meter.CreateCounter<long>(
        "media_platform.billing.orders.retried", "{order}",
        "Order requests that arrived again with an Idempotency-Key the account already holds, by kind and answered_from: stored (the first order's invoice) or gateway (its charge had no answer yet, so the gateway was asked again).");

    private static readonly Counter<long> PaymentsRetried = Meter.CreateCounter<long>(
        "media_platform.billing.payments.retried", "{payment}",
        "Payment requests that arrived again with an Idempotency-Key the account already holds, by answered_from: stored (the first attempt's outcome) or gateway (the gateway had been silent, so it was asked again with the same key).");

    private static readonly Counter<long> DunningAttempts = Meter.CreateCounter<long>(
        "media_platform.billing.dunning.attempts", "{attempt}", "Renewal collections the billing cycle made, by outcome: charged, declined.");

    private static readonly Counter<long> Suspensions = Meter.CreateCounter<long>(
        "media_platform.billing.suspensions", "{account}", "Subscriptions suspended after the dunning policy's last failed attempt.");

    public static void InvoiceIssued(OrderKind kind) => Orders.Add(1, new KeyValuePair<string, object?>("kind", KindLabel(kind)));

    /// <summary>
    /// A repeated order or payment, counted by the entity that answers it (once per request that reaches it; a node
    /// that dies before its request reaches the entity never counts it, and the client's retry elsewhere does).
    /// </summary>
    public static void Retried(BillingRetry retry)
    {
        var answeredFrom = new KeyValuePair<string, object?>("answered_from", retry.GatewayAskedAgain ? "gateway" : "stored");
        if (retry is RetriedOrder order) OrdersRetried.Add(1, new KeyValuePair<string, object?>("kind", KindLabel(order.Kind)), answeredFrom);
        else PaymentsRetried.Add(1, answeredFrom);
    }

    private static string KindLabel(OrderKind kind) => kind switch
    {
        OrderKind.Subscription => "subscription",
        OrderKind.PlanChange => "plan_change",
        OrderKind.Renewal => "renewal",
        OrderKind.TitlePurchase => "title_purchase",
        _ => "other",
    };

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

    private static readonly Counter<long> CircuitOpened = Meter.CreateCounter<long>(
        "media_platform.billing.gateway.circuit.opened", "{opening}",
        "Times a node's payment gateway circuit breaker opened after max-failures silent calls in a row.");

    private static readonly Counter<long> GatewayRefused = Meter.CreateCounter<long>(
        "media_platform.billing.gateway.refused", "{request}",
        "Payments and paid orders answered 503 at once, without a gateway call, while the circuit was open.");

    public static void GatewayCircuitOpened() => CircuitOpened.Add(1);

    public static void RefusedWhileOpen() => GatewayRefused.Add(1);
}
