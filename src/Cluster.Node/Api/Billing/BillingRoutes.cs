using System.Security.Claims;
using Akka.Hosting;
using MediaPlatform.Actors.Billing;
using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Actors.Billing.Plans;
using MediaPlatform.Node.Api.Auth;
using MediaPlatform.Node.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace MediaPlatform.Node.Api.Billing;

/// <summary>
/// /api/plans (public) and /api/users/{userId}/billing/...: the caller's own billing account. Everything that creates
/// an order or moves money requires an Idempotency-Key; a retry with the same key, on any node, returns the first result.
/// </summary>
public static class BillingRoutes
{
    public static IEndpointRouteBuilder MapBillingRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plans", () => Results.Ok(PlanCatalog.All)).WithTags("billing").WithSummary("The plans, monthly prices in minor units");

        var billing = app.MapGroup("/api/users/{userId}/billing").WithTags("billing").RequireAuthorization();

        billing.MapGet("/", (string userId, ClaimsPrincipal caller, BillingServices d, CancellationToken ct) =>
            Guard(caller, userId) ?? d.Accounts.AskAsync<BillingAccountView>(userId, new GetBillingAccount(userId), ct, Results.Ok));

        billing.MapPost("/subscription", (string userId, PlanRequest body, [FromHeader(Name = "Idempotency-Key")] string? key, ClaimsPrincipal caller, BillingServices d, CancellationToken ct) =>
            Guard(caller, userId, key, keyRequired: true) ?? d.Accounts.AskAsync<OrderPlaced>(userId,
                new SubscribeToPlan(userId, body.PlanId ?? "", key!), ct, o => Results.Created($"/api/users/{userId}/billing/invoices/{o.Invoice.InvoiceId}", o)));

        billing.MapPut("/subscription", (string userId, PlanRequest body, [FromHeader(Name = "Idempotency-Key")] string? key, ClaimsPrincipal caller, BillingServices d, CancellationToken ct) =>
            Guard(caller, userId, key, keyRequired: true) ?? d.Accounts.AskAsync<OrderPlaced>(userId,
                new ChangeSubscriptionPlan(userId, body.PlanId ?? "", key!), ct, Results.Ok));

        billing.MapDelete("/subscription", (string userId, ClaimsPrincipal caller, BillingServices d, CancellationToken ct) =>
            Guard(caller, userId) ?? d.Accounts.AskAsync<BillingAccountView>(userId, new CancelSubscription(userId), ct, Results.Ok))
            .WithSummary("Cancel at the end of the current period");

        billing.MapPost("/subscription/resume", (string userId, ClaimsPrincipal caller, BillingServices d, CancellationToken ct) =>
            Guard(caller, userId) ?? d.Accounts.AskAsync<BillingAccountView>(userId, new ResumeSubscription(userId), ct, Results.Ok));

        billing.MapPost("/orders", async (string userId, TitleOrderRequest body, [FromHeader(Name = "Idempotency-Key")] string? key, ClaimsPrincipal caller, BillingServices d, CancellationToken ct) =>
            {
                if (Guard(caller, userId, key, keyRequired: true) is { } refused) return await refused;
                var (order, problem) = await d.Titles.PriceAsync(userId, body.TitleId ?? "", key!, ct);
                return problem ?? await d.Accounts.AskAsync<OrderPlaced>(userId, order!, ct,
                    o => Results.Created($"/api/users/{userId}/billing/invoices/{o.Invoice.InvoiceId}", o));
            })
            .WithSummary("Buy a published title at its price: an order and its invoice; 404 unknown title, 409 not published");

        billing.MapGet("/invoices", (string userId, ClaimsPrincipal caller, BillingServices d, CancellationToken ct) =>
            Guard(caller, userId) ?? d.Accounts.AskAsync<InvoiceList>(userId, new ListInvoices(userId), ct, Results.Ok));

        billing.MapGet("/invoices/{invoiceId}", (string userId, string invoiceId, ClaimsPrincipal caller, BillingServices d, CancellationToken ct) =>
            Guard(caller, userId, id: invoiceId) ?? d.Accounts.AskAsync<InvoiceView>(userId, new GetInvoice(userId, invoiceId), ct, Results.Ok));

        billing.MapPost("/invoices/{invoiceId}/coupon", (string userId, string invoiceId, CouponOnInvoiceRequest body,
                [FromHeader(Name = "Idempotency-Key")] string? key, ClaimsPrincipal caller, BillingServices d, CancellationToken ct) =>
            Guard(caller, userId, key, keyRequired: true, id: invoiceId)
            ?? (CouponCode.TryNormalize(body.Code, out var code, out var error)
                ? d.Accounts.AskAsync<InvoiceView>(userId, new ApplyCouponToInvoice(userId, invoiceId, code, key!), ct, Results.Ok)
                : Task.FromResult(ApiProblems.Invalid(error))))
            .WithSummary("Redeem a coupon on an open invoice; the Idempotency-Key is the redemption id");

        billing.MapPost("/invoices/{invoiceId}/payments", (string userId, string invoiceId, [FromHeader(Name = "Idempotency-Key")] string? key,
                ClaimsPrincipal caller, BillingServices d, CancellationToken ct) =>
            Guard(caller, userId, key, keyRequired: true, id: invoiceId) ?? d.Accounts.AskAsync<PaymentReceipt>(userId,
                new PayInvoice(userId, invoiceId, key!), ct, r => Results.Created($"/api/users/{userId}/billing/payments", r)))
            .WithSummary("Pay an invoice with the account's card; 402 when declined, 503 when the gateway did not answer (retry with the same key)");

        billing.MapPost("/payments/{key}/cancel", (string userId, string key, ClaimsPrincipal caller, BillingServices d, CancellationToken ct) =>
            Guard(caller, userId, key, keyRequired: true) ?? d.Accounts.AskAsync<PaymentView>(userId, new CancelPayment(userId, key), ct, Results.Ok))
            .WithSummary("Give up a payment the gateway never answered, so the invoice can be paid again");

        billing.MapGet("/payments", (string userId, ClaimsPrincipal caller, BillingServices d, CancellationToken ct) =>
            Guard(caller, userId) ?? d.Accounts.AskAsync<PaymentHistory>(userId, new GetPaymentHistory(userId), ct, Results.Ok));

        return app;
    }

    private static Task<IResult>? Guard(ClaimsPrincipal caller, string userId, string? key = null, bool keyRequired = false, string? id = null)
    {
        var problem = ApiInput.Id("user id", userId)
            ?? (id is null ? null : ApiInput.Id("id", id))
            ?? (keyRequired && key is null ? ApiProblems.Invalid("an Idempotency-Key header is required: a retry with the same key never charges or orders twice") : null)
            ?? ApiInput.IdempotencyKey(key)
            ?? caller.ForbidUnlessSelf(userId);
        return problem is null ? null : Task.FromResult(problem);
    }
}
