using System.Data.Common;
using MediaPlatform.Actors.Projections.Billing;

namespace MediaPlatform.Node.Api.Reports;

/// <summary>
/// GET /api/reports/billing?from=YYYY-MM-DD&amp;to=YYYY-MM-DD (admin): revenue and credit by day and plan, payment
/// outcomes and the dunning funnel, from the billing read model (as far as the billing projection has got; its lag is
/// in GET /cluster/projections).
/// </summary>
public static class BillingReportRoutes
{
    public static IEndpointRouteBuilder MapBillingReportRoutes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reports/billing", ReadAsync).WithTags("reports").RequireAuthorization(Hosting.AuthHosting.AdminPolicy)
            .WithSummary($"Billing report for the days from..to (both included, UTC, at most {BillingReportRange.MaxDays} days)");
        return app;
    }

    private static async Task<IResult> ReadAsync(string? from, string? to, BillingReportReader reports, ILoggerFactory logs, CancellationToken ct)
    {
        if (BillingReportRange.Parse(from, to, out var error) is not { } range) return ApiProblems.Invalid(error!);
        try
        {
            return Results.Ok(await reports.ReadAsync(range, ct));
        }
        catch (DbException e)
        {
            // The database's own text (SQL, table names) stays in the log.
            logs.CreateLogger(typeof(BillingReportRoutes)).LogWarning(e, "billing report failed in the read model database");
            return ServiceUnavailable.Result("Report unavailable", "the billing read model could not be read; retry shortly", 2);
        }
    }
}
