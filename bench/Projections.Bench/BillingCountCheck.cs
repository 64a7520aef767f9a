using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MediaPlatform.Actors.Projections.Billing;
using MediaPlatform.Testing.Processes;

namespace MediaPlatform.Bench.Projections;

/// <summary>
/// After the catch-up, the billing read model's payment counts (GET /api/reports/billing) against what the load had
/// acknowledged: title-purchase payments against acknowledged invoice payments, plan payments against acknowledged
/// subscriptions (each charged when it starts). A fail-over that lost events or applied a batch twice shows here.
/// A command whose outcome the client never learnt (it gave up) may or may not have been stored: it widens the range.
/// </summary>
public sealed record BillingCountCheck(long TitlePayments, long PlanPayments, int AckedTitle, int AckedPlan, int UnknownTitle, int UnknownPlan)
{
    public bool Holds => TitlePayments >= AckedTitle && TitlePayments <= AckedTitle + UnknownTitle
                         && PlanPayments >= AckedPlan && PlanPayments <= AckedPlan + UnknownPlan;

    public override string ToString() =>
        $"billing report: {TitlePayments} title-purchase payments (the load acknowledged {AckedTitle}, {UnknownTitle} unknown), " +
        $"{PlanPayments} plan payments ({AckedPlan} subscriptions acknowledged, {UnknownPlan} unknown): " +
        (Holds ? "every acknowledged payment counted once" : "MISMATCH: events lost or counted twice");

    /// <summary>The report over yesterday..tomorrow (UTC), read from the first node that answers; null if none does.</summary>
    public static async Task<BillingCountCheck?> ReadAsync(IReadOnlyList<NodeProcess> nodes, LagTally tally)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var node in nodes.Where(n => n.IsRunning))
        {
            try
            {
                using var response = await node.GetAsAdminAsync($"api/reports/billing?from={Day(today.AddDays(-1))}&to={Day(today.AddDays(1))}");
                if (!response.IsSuccessStatusCode) continue;
                var days = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("days").EnumerateArray().ToArray();
                long Payments(bool titles) => days.Where(d => d.GetProperty("planId").GetString() == BillingProjection.TitlePurchasePlan == titles)
                    .Sum(d => d.GetProperty("payments").GetInt64());
                return new BillingCountCheck(Payments(true), Payments(false),
                    tally.AckedCount(LagTally.Kind.Payment), tally.AckedCount(LagTally.Kind.Subscription),
                    tally.FailedCount(LagTally.Kind.Payment), tally.FailedCount(LagTally.Kind.Subscription));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or NodeExitedException) { /* the next node */ }
        }
        return null;
    }
}
