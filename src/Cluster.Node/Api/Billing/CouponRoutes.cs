using Akka.Hosting;
using MediaPlatform.Actors.Billing.Coupons;
using MediaPlatform.Node.Hosting;

namespace MediaPlatform.Node.Api.Billing;

/// <summary>/api/coupons: created and inspected by an admin; redeemed by users on their invoices (BillingRoutes).</summary>
public static class CouponRoutes
{
    public static IEndpointRouteBuilder MapCouponRoutes(this IEndpointRouteBuilder app)
    {
        var coupons = app.MapGroup("/api/coupons").WithTags("billing").RequireAuthorization(AuthHosting.AdminPolicy);

        coupons.MapPost("/", (CreateCouponRequest body, IRequiredActor<EntityRegions.Coupons> region, CancellationToken ct) =>
        {
            if (!CouponCode.TryNormalize(body.Code, out var code, out var error)) return Task.FromResult(ApiProblems.Invalid(error));
            if (!Enum.TryParse<CouponKind>(body.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
                return Task.FromResult(ApiProblems.Invalid("kind must be Percent or FixedAmount"));
            if (body.ExpiresAt is not { } expiresAt) return Task.FromResult(ApiProblems.Invalid("expiresAt is required"));
            return region.ActorRef.AskAsync<CouponView>(
                new CreateCoupon(code, kind, body.PercentOff, body.AmountOffMinor, body.Currency, expiresAt, body.MaxRedemptions,
                    body.MaxRedemptionsPerAccount ?? 1), ct,
                c => Results.Created($"/api/coupons/{c.Code}", c));
        });

        coupons.MapGet("/{code}", (string code, IRequiredActor<EntityRegions.Coupons> region, CancellationToken ct) =>
            CouponCode.TryNormalize(code, out var normalized, out var error)
                ? region.ActorRef.AskAsync<CouponView>(new GetCoupon(normalized), ct, Results.Ok)
                : Task.FromResult(ApiProblems.Invalid(error)));

        return app;
    }
}
