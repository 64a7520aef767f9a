namespace MediaPlatform.Actors.Billing;

/// <summary>
/// An upgrade waiting for its invoice to be paid: the subscription stays on its current plan until
/// <see cref="InvoiceId"/> is paid (then it moves to <see cref="PlanId"/>); voiding the invoice drops the change.
/// </summary>
public sealed record PendingPlanChange(string PlanId, string InvoiceId, DateTimeOffset RequestedAt);
