namespace MediaPlatform.Actors.Billing;

/// <summary>
/// A request that repeats one the account already holds under its Idempotency-Key (a client that lost its answer, or
/// retried on another node): counted by <see cref="Observability.BillingMetrics.Retried"/>. <c>GatewayAskedAgain</c>:
/// the first attempt's charge never got the gateway's answer (it was silent, or the node died), so the repeat asks
/// the gateway again under the same gateway key; otherwise the repeat is answered from what is stored.
/// </summary>
public abstract record BillingRetry(bool GatewayAskedAgain);

/// <summary>An order repeated: its stored invoice answers, no second invoice.</summary>
public sealed record RetriedOrder(OrderKind Kind, bool GatewayAskedAgain) : BillingRetry(GatewayAskedAgain);

/// <summary>A payment repeated: its stored outcome answers, or (still pending) the gateway is asked again.</summary>
public sealed record RetriedPayment(bool GatewayAskedAgain) : BillingRetry(GatewayAskedAgain);
